package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/crm-tool/crm/crm"
)

// RowsFormats are how crm resolve writes a resolution: every row's answer,
// tag and where it came from; JSON adds each control's rolled-up answer.
var RowsFormats = Formats[*Resolution]{
	{Name: "text", Write: writeRowsText},
	{Name: "json", Write: writeRowsJSON},
	{Name: "csv", Write: writeRowsCSV},
}

// Resolution is an input file's rows with their answers and provenance.
type Resolution struct {
	File     string
	Baseline string
	Rows     []crm.Row
	// Locate turns a provenance pointer into a line and column of File.
	Locate func(pointer string) (line, col int)
}

type sourceView struct {
	Layer    string `json:"layer"`
	Pointer  string `json:"pointer"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Upstream string `json:"upstream,omitempty"` // provider and row, for rows filled from a leveraged CRM
}

type rowView struct {
	ID          string            `json:"id"`
	Answer      string            `json:"answer"`
	Tag         string            `json:"tag"`
	Stated      bool              `json:"stated"`
	Origination []crm.Origination `json:"origination"`
	Status      []crm.Status      `json:"status"`
	Source      *sourceView       `json:"source,omitempty"`
}

type controlView struct {
	ID          string            `json:"id"`
	Answer      string            `json:"answer"`
	Origination []crm.Origination `json:"origination"`
	Rows        int               `json:"rows"`
	Applicable  int               `json:"applicable"`
	Unresolved  int               `json:"unresolved"`
}

// AnswerCounts tallies rows by answer; "" counts as unresolved.
type AnswerCounts struct {
	Yes        int `json:"yes"`
	Partial    int `json:"partial"`
	No         int `json:"no"`
	Unresolved int `json:"unresolved"`
}

// CountAnswers tallies rows by answer.
func CountAnswers(rows []crm.Row) AnswerCounts {
	var c AnswerCounts
	for _, r := range rows {
		switch r.Answer {
		case crm.AnswerYes:
			c.Yes++
		case crm.AnswerPartial:
			c.Partial++
		case crm.AnswerNo:
			c.No++
		default:
			c.Unresolved++
		}
	}
	return c
}

func (r *Resolution) views() []rowView {
	out := make([]rowView, len(r.Rows))
	for i, row := range r.Rows {
		v := rowView{
			ID: row.ID.String(), Answer: row.Answer.Label(), Tag: row.Answer.Tag(), Stated: row.AnswerStated,
			Origination: nonNilList(row.Origination), Status: nonNilList(row.Status),
		}
		if row.AnswerFrom.Layer != crm.LayerNone {
			line, col := r.Locate(row.AnswerFrom.Pointer)
			v.Source = &sourceView{Layer: row.AnswerFrom.Layer.String(), Pointer: row.AnswerFrom.Pointer, Line: line, Column: col, Upstream: row.AnswerFrom.Upstream}
		}
		out[i] = v
	}
	return out
}

func nonNilList[T any](l []T) []T {
	if l == nil {
		return []T{}
	}
	return l
}

func writeRowsJSON(w io.Writer, r *Resolution) error {
	var controls []controlView
	for _, s := range crm.RollUpAll(r.Rows) {
		controls = append(controls, controlView{
			ID: s.Member.ID.String(), Answer: s.Answer.Label(), Origination: nonNilList(s.Origination),
			Rows: s.Rows, Applicable: s.Applicable, Unresolved: s.Unresolved,
		})
	}
	return writeJSON(w, struct {
		Version  int           `json:"version"`
		File     string        `json:"file"`
		Baseline string        `json:"baseline"`
		Rows     []rowView     `json:"rows"`
		Controls []controlView `json:"controls"`
		Summary  AnswerCounts  `json:"summary"`
	}{FormatVersion, r.File, r.Baseline, r.views(), controls, CountAnswers(r.Rows)})
}

func writeRowsCSV(w io.Writer, r *Resolution) error {
	cw := newCSV(w)
	_ = cw.Write([]string{"id", "answer", "tag", "stated", "origination", "status", "layer", "pointer", "line"})
	for _, v := range r.views() {
		layer, ptr, line := provenance(v)
		_ = cw.Write([]string{v.ID, v.Answer, v.Tag, strconv.FormatBool(v.Stated), joinList(v.Origination), joinList(v.Status), layer, ptr, line})
	}
	cw.Flush()
	return cw.Error()
}

func writeRowsText(w io.Writer, r *Resolution) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tANSWER\tTAG\tORIGINATION\tFROM")
	for _, v := range r.views() {
		answer := v.Answer
		if answer == "" {
			answer = "-"
		} else if v.Stated {
			answer += "*"
		}
		from := "-"
		if v.Source != nil {
			from = fmt.Sprintf("%s %s:%d", v.Source.Layer, r.File, v.Source.Line)
			if v.Source.Upstream != "" {
				from = fmt.Sprintf("%s %s (%s:%d)", v.Source.Layer, v.Source.Upstream, r.File, v.Source.Line)
			}
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", v.ID, answer, dash(v.Tag), dash(joinList(v.Origination)), from)
	}
	return tw.Flush()
}

func provenance(v rowView) (layer, ptr, line string) {
	if v.Source == nil {
		return "", "", ""
	}
	return v.Source.Layer, v.Source.Pointer, strconv.Itoa(v.Source.Line)
}

func joinList[T ~string](l []T) string {
	s := make([]string, len(l))
	for i, x := range l {
		s[i] = string(x)
	}
	return strings.Join(s, " ")
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
