package report

import (
	"fmt"
	"io"

	"github.com/crm-tool/crm/crm/diff"
)

// Stale is the rows an upstream provider's change reaches.
type Stale struct {
	Provider string
	Rows     []diff.Affected
}

// StaleFormats are how crm stale writes them.
var StaleFormats = Formats[Stale]{
	{Name: "text", Write: writeStaleText},
	{Name: "json", Write: func(w io.Writer, s Stale) error {
		return writeJSON(w, struct {
			Version  int             `json:"version"`
			Provider string          `json:"provider"`
			Rows     []diff.Affected `json:"rows"`
		}{FormatVersion, s.Provider, nonNilList(s.Rows)})
	}},
}

func writeStaleText(w io.Writer, s Stale) error {
	provider := s.Provider
	for _, a := range s.Rows {
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
