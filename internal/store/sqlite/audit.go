package sqlite

import (
	"context"
	"database/sql"
	"strings"
	"unicode/utf8"

	"manset/internal/news"
)

var auditErrs = errMessages{op: "audit", missing: msgUserNotFound}

// AddAudit records e, setting ID and At.
func (db *DB) AddAudit(ctx context.Context, e *news.AuditEntry) error {
	e.Action = strings.TrimSpace(e.Action)
	if e.Action == "" || len(e.Action) > 100 {
		return news.E(news.EINVALID, "audit.action_required")
	}
	if !utf8.ValidString(e.Target) || !utf8.ValidString(e.Detail) || len(e.Detail) > 10000 {
		return news.E(news.EINVALID, "audit.bad_detail")
	}
	e.At = db.now()
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO audit_log (at, actor_id, action, target, detail) VALUES (?, ?, ?, ?, ?)`,
			toMs(e.At), nullID(e.ActorID), e.Action, e.Target, e.Detail)
		if err != nil {
			return err
		}
		e.ID, err = res.LastInsertId()
		return err
	})
	return mapErr(err, auditErrs)
}

// ListAudit returns the latest limit entries, newest first, with actor names.
func (db *DB) ListAudit(ctx context.Context, limit int) ([]news.AuditEntry, error) {
	if limit <= 0 || limit > 1000 {
		return nil, news.E(news.EINVALID, "audit.limit_range")
	}
	list := []news.AuditEntry{}
	err := db.inRead(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT l.id, l.at, COALESCE(l.actor_id, 0), COALESCE(u.name, ''),
			l.action, l.target, l.detail FROM audit_log l LEFT JOIN users u ON u.id = l.actor_id
			ORDER BY l.at DESC, l.id DESC LIMIT ?`, limit)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var e news.AuditEntry
			var at int64
			if err := rows.Scan(&e.ID, &at, &e.ActorID, &e.ActorName, &e.Action, &e.Target, &e.Detail); err != nil {
				return err
			}
			e.At = fromMs(at)
			list = append(list, e)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, mapErr(err, auditErrs)
	}
	return list, nil
}
