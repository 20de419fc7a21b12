package report

import (
	"encoding/csv"
	"fmt"
	"io"

	"github.com/crm-tool/crm/crm/obligations"
)

// ObligationsFormats are the text formats WriteObligations accepts (xlsx is
// written by package workbook), default first.
var ObligationsFormats = []string{"text", "markdown", "csv"}

const noDuty = "the CRM does not say what; ask the provider"

// WriteObligations renders the agency's checklist, grouped by family.
func WriteObligations(w io.Writer, format, provider string, obls []obligations.Obligation) error {
	switch format {
	case "csv":
		cw := csv.NewWriter(w)
		_ = cw.Write([]string{"row", "family", "title", "answer", "service", "duty"})
		for _, o := range obls {
			if len(o.Duties) == 0 {
				_ = cw.Write([]string{o.Row, o.Family, o.Title, o.Answer, "", ""})
			}
			for _, d := range o.Duties {
				_ = cw.Write([]string{o.Row, o.Family, o.Title, o.Answer, d.Service, d.Text})
			}
		}
		cw.Flush()
		return cw.Error()
	case "markdown":
		fmt.Fprintf(w, "# What the agency must do: %s\n\n%d rows are not inherited whole.\n", markdownEscaper.Replace(provider), len(obls))
		family := ""
		for _, o := range obls {
			if o.Family != family {
				family = o.Family
				fmt.Fprintf(w, "\n## %s\n\n", familyHeading(family))
			}
			fmt.Fprintf(w, "- [ ] **%s** %s (%s): %s\n", o.Row, markdownEscaper.Replace(o.Title), o.Answer, markdownEscaper.Replace(duties(o)))
		}
		return nil
	case "text":
		fmt.Fprintf(w, "What the agency must do: %s (%d rows)\n", provider, len(obls))
		family := ""
		for _, o := range obls {
			if o.Family != family {
				family = o.Family
				fmt.Fprintf(w, "\n%s\n", familyHeading(family))
			}
			if _, err := fmt.Fprintf(w, "  %-12s %-8s %s\n", o.Row, o.Answer, duties(o)); err != nil {
				return err
			}
		}
		return nil
	}
	return fmt.Errorf("unknown format %q", format)
}

// duties joins a row's duties on one line, naming their services.
func duties(o obligations.Obligation) string {
	if len(o.Duties) == 0 {
		return noDuty
	}
	s := ""
	for i, d := range o.Duties {
		if i > 0 {
			s += " "
		}
		if d.Service != "" {
			s += d.Service + ": "
		}
		s += oneLine(d.Text)
	}
	return s
}
