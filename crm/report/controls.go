package report

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/crm-tool/crm/crm/catalog"
)

// ControlsFormats are the formats WriteControls accepts, default first.
var ControlsFormats = []string{"text", "json", "csv"}

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

// WriteControls lists Appendix J rows of a baseline.
func WriteControls(w io.Writer, format string, b catalog.Baseline, rows []catalog.Row) error {
	out := make([]controlRow, len(rows))
	for i, r := range rows {
		out[i] = controlRow{
			ID:      r.ID.String(),
			Control: r.Member.ID.String(),
			Family:  r.ID.Family,
			Title:   r.Member.Title,
			Core:    r.Member.Core,
			Methods: r.Member.Methods,
		}
	}
	switch format {
	case "json":
		return writeJSON(w, controlsDoc{Version: FormatVersion, Baseline: string(b), Count: len(out), Rows: out})
	case "csv":
		return writeControlsCSV(w, out)
	case "text":
		return writeControlsText(w, out)
	}
	return fmt.Errorf("unknown format %q", format)
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
