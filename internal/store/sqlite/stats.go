package sqlite

import (
	"context"
	"database/sql"
	"sort"
	"time"

	"manset/internal/news"
)

var statsErrs = errMessages{op: "stats"}

const dayLayout = "2006-01-02"

// maxStatDays bounds a chart's range.
const maxStatDays = 366

// AddViews adds counts to day's totals in one transaction. Articles
// deleted meanwhile are skipped rather than failing the whole batch.
func (db *DB) AddViews(ctx context.Context, day time.Time, counts map[int64]int) error {
	if len(counts) == 0 {
		return nil
	}
	key := day.Format(dayLayout)
	ids := make([]int64, 0, len(counts))
	for id := range counts {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		stmt, err := tx.PrepareContext(ctx, `INSERT INTO daily_views (day, article_id, views)
			SELECT ?, id, ? FROM articles WHERE id = ?
			ON CONFLICT (day, article_id) DO UPDATE SET views = views + excluded.views`)
		if err != nil {
			return err
		}
		defer stmt.Close()
		for _, id := range ids {
			if n := counts[id]; n > 0 {
				if _, err := stmt.ExecContext(ctx, key, n, id); err != nil {
					return err
				}
			}
		}
		return nil
	})
	return mapErr(err, statsErrs)
}

// dayRange lists the calendar days from from's to to's, in from's location.
func dayRange(from, to time.Time) ([]string, error) {
	to = to.In(from.Location())
	start := time.Date(from.Year(), from.Month(), from.Day(), 0, 0, 0, 0, from.Location())
	end := time.Date(to.Year(), to.Month(), to.Day(), 0, 0, 0, 0, from.Location())
	if end.Before(start) {
		return nil, news.E(news.EINVALID, "stats.range_reversed")
	}
	var days []string
	for d := start; !d.After(end); d = d.AddDate(0, 0, 1) {
		if len(days) == maxStatDays {
			return nil, news.E(news.EINVALID, "stats.range_too_long", maxStatDays)
		}
		days = append(days, d.Format(dayLayout))
	}
	return days, nil
}

// fillDays returns one DayCount per day, taking numbers from got.
func fillDays(days []string, got map[string]int) []news.DayCount {
	out := make([]news.DayCount, len(days))
	for i, d := range days {
		out[i] = news.DayCount{Day: d, Count: got[d]}
	}
	return out
}

// ViewsPerDay returns total views per day, every day of the range present.
func (db *DB) ViewsPerDay(ctx context.Context, from, to time.Time) ([]news.DayCount, error) {
	days, err := dayRange(from, to)
	if err != nil {
		return nil, err
	}
	got, err := db.dayCounts(ctx, `SELECT day, SUM(views) FROM daily_views WHERE day BETWEEN ? AND ? GROUP BY day`,
		days[0], days[len(days)-1])
	if err != nil {
		return nil, err
	}
	return fillDays(days, got), nil
}

// ReactionsPerDay returns how many current reactions were first given on
// each day. The day is computed with from's UTC offset at from, which is
// exact for zones without daylight saving time, such as Türkiye's.
func (db *DB) ReactionsPerDay(ctx context.Context, from, to time.Time) ([]news.DayCount, error) {
	days, err := dayRange(from, to)
	if err != nil {
		return nil, err
	}
	_, offset := from.Zone()
	start, _ := time.ParseInLocation(dayLayout, days[0], from.Location())
	end, _ := time.ParseInLocation(dayLayout, days[len(days)-1], from.Location())
	got, err := db.dayCounts(ctx, `SELECT date(created_at / 1000 + ?, 'unixepoch'), COUNT(*) FROM reactions
		WHERE created_at >= ? AND created_at < ? GROUP BY 1`,
		offset, toMs(start), toMs(end.AddDate(0, 0, 1)))
	if err != nil {
		return nil, err
	}
	return fillDays(days, got), nil
}

func (db *DB) dayCounts(ctx context.Context, query string, args ...any) (map[string]int, error) {
	got := make(map[string]int)
	err := db.inRead(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, query, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var day string
			var n int
			if err := rows.Scan(&day, &n); err != nil {
				return err
			}
			got[day] = n
		}
		return rows.Err()
	})
	if err != nil {
		return nil, mapErr(err, statsErrs)
	}
	return got, nil
}
