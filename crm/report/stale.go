package report

import (
	"fmt"
	"io"

	"github.com/crm-tool/crm/crm/diff"
)

// StaleFormats are the formats WriteStale accepts, default first.
var StaleFormats = []string{"text", "json"}

// WriteStale renders the rows an upstream change reaches.
func WriteStale(w io.Writer, format, provider string, rows []diff.Affected) error {
	switch format {
	case "json":
		if rows == nil {
			rows = []diff.Affected{}
		}
		return writeJSON(w, struct {
			Version  int             `json:"version"`
			Provider string          `json:"provider"`
			Rows     []diff.Affected `json:"rows"`
		}{FormatVersion, provider, rows})
	case "text":
		for _, a := range rows {
			fmt.Fprintf(w, "%-12s %-8s %s\n", a.Row, dash(a.Answer), a.Why)
			for _, ch := range a.Changes {
				text := describe(ch)
				if ch.Kind == diff.TextChanged {
					text = "responsibilities: " + diff.Inline(ch.Words, "[-", "-]", "{+", "+}")
				}
				if _, err := fmt.Fprintf(w, "             upstream %s: %s\n", provider, text); err != nil {
					return err
				}
			}
		}
		return nil
	}
	return fmt.Errorf("unknown format %q", format)
}
