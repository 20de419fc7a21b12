package report

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/crm-tool/crm/crm/catalog"
)

// ParamList is a baseline's controls, whose parameters crm controls
// --params lists with FedRAMP's constraints on them.
type ParamList struct {
	Baseline catalog.Baseline
	Members  []*catalog.Member
}

type paramRow struct {
	Control   string   `json:"control"`
	ID        string   `json:"id"`
	Label     string   `json:"label,omitempty"`
	HowMany   string   `json:"how_many,omitempty"`
	Choices   []string `json:"choices,omitempty"`
	FedRAMP   string   `json:"fedramp,omitempty"`
	Guideline string   `json:"guideline,omitempty"`
}

func (l ParamList) rows() []paramRow {
	var out []paramRow
	for _, m := range l.Members {
		for _, p := range m.Params {
			out = append(out, paramRow{Control: m.ID.String(), ID: p.ID, Label: p.Label, HowMany: p.HowMany,
				Choices: p.Choices, FedRAMP: m.Constraints[p.ID], Guideline: p.Guideline})
		}
	}
	return out
}

// ParamsFormats are how crm controls --params writes the list; they have the
// names of ControlsFormats, whose -f flag they share.
var ParamsFormats = Formats[ParamList]{
	{Name: "text", Write: writeParamsText},
	{Name: "json", Write: func(w io.Writer, l ParamList) error {
		rows := nonNilList(l.rows())
		return writeJSON(w, struct {
			Version    int        `json:"version"`
			Baseline   string     `json:"baseline"`
			Count      int        `json:"count"`
			Parameters []paramRow `json:"parameters"`
		}{FormatVersion, string(l.Baseline), len(rows), rows})
	}},
	{Name: "csv", Write: func(w io.Writer, l ParamList) error {
		cw := newCSV(w)
		_ = cw.Write([]string{"control", "parameter", "label", "how_many", "choices", "fedramp", "guideline"})
		for _, r := range l.rows() {
			_ = cw.Write([]string{r.Control, r.ID, r.Label, r.HowMany, strings.Join(r.Choices, "; "), r.FedRAMP, r.Guideline})
		}
		cw.Flush()
		return cw.Error()
	}},
}

// clip shortens what a parameter asks for to fit a terminal's column; the
// JSON and CSV formats keep it whole.
func clip(s string) string {
	const most = 60
	if r := []rune(s); len(r) > most {
		return string(r[:most-1]) + "…"
	}
	return s
}

func writeParamsText(w io.Writer, l ParamList) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "CONTROL\tPARAMETER\tASKS FOR\tFEDRAMP")
	for _, r := range l.rows() {
		asks := r.Label
		if len(r.Choices) > 0 {
			asks = fmt.Sprintf("%s of: %s", r.HowMany, strings.Join(r.Choices, "; "))
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.Control, r.ID, dash(clip(asks)), dash(r.FedRAMP))
	}
	return tw.Flush()
}
