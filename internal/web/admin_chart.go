package web

import (
	"fmt"
	"strconv"
	"strings"

	"manset/internal/news"
)

// Chart geometry, in SVG user units; the SVG scales to its container.
const (
	adminChartW      = 640
	adminChartH      = 240
	adminChartLeft   = 44
	adminChartRight  = 44
	adminChartTop    = 16
	adminChartBottom = 36
)

// adminChart is a server-rendered bar (views) and line (reactions) chart
// with a table of the same numbers for screen readers and printing.
type adminChart struct {
	W, H       int
	PlotBottom int
	PlotLeft   int
	PlotRight  int
	Bars       []adminBar
	Line       string // polyline points of reactions
	Dots       []adminDot
	Labels     []adminLabel // day labels under the axis
	MaxViews   int
	MaxReact   int
	Desc       string
	Rows       []adminChartRow
}

type adminBar struct {
	X, Y, W, H int
	Title      string
}

type adminDot struct {
	X, Y  int
	Title string
}

type adminLabel struct {
	X    int
	Text string
}

type adminChartRow struct {
	Day             string
	Views, Reaction int
}

// newAdminChart lays out views and reactions per day; both lists cover the
// same days in order (the store fills missing days with zero).
func newAdminChart(views, reactions []news.DayCount) adminChart {
	c := adminChart{W: adminChartW, H: adminChartH, PlotBottom: adminChartH - adminChartBottom,
		PlotLeft: adminChartLeft, PlotRight: adminChartW - adminChartRight}
	react := make(map[string]int, len(reactions))
	for _, d := range reactions {
		react[d.Day] = d.Count
	}
	var totalViews, totalReact int
	for _, d := range views {
		c.Rows = append(c.Rows, adminChartRow{Day: d.Day, Views: d.Count, Reaction: react[d.Day]})
		c.MaxViews = max(c.MaxViews, d.Count)
		c.MaxReact = max(c.MaxReact, react[d.Day])
		totalViews += d.Count
		totalReact += react[d.Day]
	}
	c.layout()
	c.Desc = fmt.Sprintf("Son %d günde toplam %d görüntülenme ve %d tepki. Günlük en çok %d görüntülenme, %d tepki.",
		len(c.Rows), totalViews, totalReact, c.MaxViews, c.MaxReact)
	return c
}

func (c *adminChart) layout() {
	n := len(c.Rows)
	if n == 0 {
		return
	}
	plotH := c.PlotBottom - adminChartTop
	slot := (c.PlotRight - c.PlotLeft) / n
	var pts []string
	for i, row := range c.Rows {
		x := c.PlotLeft + i*slot
		h := scale(row.Views, c.MaxViews, plotH)
		label := shortDay(row.Day)
		c.Bars = append(c.Bars, adminBar{X: x + slot/6, Y: c.PlotBottom - h, W: slot * 2 / 3, H: h,
			Title: label + ": " + strconv.Itoa(row.Views) + " görüntülenme"})
		cx, cy := x+slot/2, c.PlotBottom-scale(row.Reaction, c.MaxReact, plotH)
		pts = append(pts, strconv.Itoa(cx)+","+strconv.Itoa(cy))
		c.Dots = append(c.Dots, adminDot{X: cx, Y: cy, Title: label + ": " + strconv.Itoa(row.Reaction) + " tepki"})
		if i%2 == 0 || n <= 7 {
			c.Labels = append(c.Labels, adminLabel{X: cx, Text: label})
		}
	}
	c.Line = strings.Join(pts, " ")
}

// scale maps v in [0, maxV] to [0, span]; an all-zero series stays flat.
func scale(v, maxV, span int) int {
	if maxV <= 0 {
		return 0
	}
	return v * span / maxV
}

// shortDay turns "2026-03-09" into "09.03".
func shortDay(day string) string {
	if len(day) == 10 {
		return day[8:10] + "." + day[5:7]
	}
	return day
}
