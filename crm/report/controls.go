package report

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/crm-tool/crm/crm/catalog"
)

// ControlList is a baseline's Appendix J rows, as crm controls lists them.
type ControlList struct {
	Baseline catalog.Baseline
	Rows     []catalog.Row
}

// ControlsFormats are how crm controls writes a list.
var ControlsFormats = Formats[ControlList]{
	{Name: "text", Write: func(w io.Writer, l ControlList) error { return writeControlsText(w, l.rows()) }},
	{Name: "json", Write: func(w io.Writer, l ControlList) error {
		out := l.rows()
		return writeJSON(w, controlsDoc{Version: FormatVersion, Baseline: string(l.Baseline), Count: len(out), Rows: out})
	}},
	{Name: "csv", Write: func(w io.Writer, l ControlList) error { return writeControlsCSV(w, l.rows()) }},
}

type controlRow struct {
	ID      string   `json:"id"`
	Control string   `json:"control"`
	Family  string   `json:"family"`
	Title   string   `json:"title"`
	Core    bool     `json:"core"`
	Methods []string `json:"li_saas_methods,omitempty"`
}

type controlsDoc struct {
	Version  int          `json:"version"`
	Baseline string       `json:"baseline"`
	Count    int          `json:"count"`
	Rows     []controlRow `json:"rows"`
}

func (l ControlList) rows() []controlRow {
	out := make([]controlRow, len(l.Rows))
	for i, r := range l.Rows {
		out[i] = controlRow{
			ID:      r.ID.String(),
			Control: r.Member.ID.String(),
			Family:  r.ID.Family,
			Title:   r.Member.Title,
			Core:    r.Member.Core,
			Methods: r.Member.Methods,
		}
	}
	return out
}

func writeControlsText(w io.Writer, rows []controlRow) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tCORE\tTITLE")
	for _, r := range rows {
		core := ""
		if r.Core {
			core = "core"
		}
		title := r.Title
		if len(r.Methods) > 0 {
			title += " [" + strings.Join(r.Methods, ", ") + "]"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\n", r.ID, core, title)
	}
	return tw.Flush()
}

func writeControlsCSV(w io.Writer, rows []controlRow) error {
	cw := newCSV(w)
	_ = cw.Write([]string{"id", "control", "family", "title", "core", "li_saas_methods"})
	for _, r := range rows {
		_ = cw.Write([]string{r.ID, r.Control, r.Family, r.Title, fmt.Sprint(r.Core), strings.Join(r.Methods, " ")})
	}
	cw.Flush()
	return cw.Error()
}
