package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/crm-tool/crm/crm"
	"github.com/crm-tool/crm/templates"
)

// Trace is a row down a chain of leveraged authorizations: who does what at
// each level (hops, from the system itself down), and what is left to the
// customer at the end.
type Trace struct {
	Row  string
	Hops []crm.Hop
}

// TraceFormats are how crm trace writes a trace.
var TraceFormats = Formats[Trace]{
	{Name: "text", Write: writeTraceText},
	{Name: "json", Write: func(w io.Writer, t Trace) error {
		return writeJSON(w, struct {
			Version int       `json:"version"`
			Row     string    `json:"row"`
			Chain   []crm.Hop `json:"chain"`
			Left    string    `json:"left_to_customer"`
		}{FormatVersion, t.Row, t.Hops, leftToCustomer(t.Hops)})
	}},
}

func writeTraceText(w io.Writer, t Trace) error {
	row, hops := t.Row, t.Hops
	fmt.Fprintf(w, "%s down the chain of leveraged authorizations:\n", row)
	for i, h := range hops {
		fmt.Fprintf(w, "\n%d. %s (%s)\n", i+1, h.System, h.File)
		if h.Missing {
			fmt.Fprintf(w, "   the CRM has no row %s\n", row)
			continue
		}
		fmt.Fprintf(w, "   %s: %s", dash(h.Answer), originationNames(h.Origination))
		if h.Leveraged != "" {
			fmt.Fprintf(w, "; inherited from %s", h.Leveraged)
		}
		fmt.Fprintf(w, " [%s]\n", h.From)
		if h.Customer != "" {
			fmt.Fprintf(w, "   leaves to its customers: %s\n", oneLine(h.Customer))
		}
		for _, d := range h.Duties {
			fmt.Fprintf(w, "   %s leaves to its customers: %s\n     %s\n", d.From, oneLine(orNothing(d.Text)), carried(h, d))
		}
	}
	_, err := fmt.Fprintf(w, "\nLeft to the customer at the end of the chain: %s\n", leftToCustomer(hops))
	return err
}

// carried says who carries an upstream duty at this level.
func carried(h crm.Hop, d crm.HopDuty) string {
	switch d.Handling {
	case "met":
		return "handled by " + h.System + ": " + oneLine(d.How)
	case "passed-on":
		return "passed on to the customer: " + oneLine(d.How)
	}
	return "not addressed: the row stays todo until " + h.System + " meets it or passes it on"
}

func orNothing(s string) string {
	if s == "" {
		return "(the CRM does not say what)"
	}
	return s
}

// leftToCustomer is what the first system's customers must do.
func leftToCustomer(hops []crm.Hop) string {
	if len(hops) == 0 || hops[0].Missing {
		return "unknown: the row is not in the CRM"
	}
	h := hops[0]
	switch h.Answer {
	case crm.AnswerYes.Label():
		return "nothing: the row is inherited whole (Yes)"
	case "":
		return "unknown: the row is not answered"
	}
	if h.Customer == "" {
		return h.Answer + ", but the CRM does not say what"
	}
	return h.Answer + ": " + oneLine(h.Customer)
}

// originationNames spells origination values as the CIS columns do.
func originationNames(o []crm.Origination) string {
	if len(o) == 0 {
		return "no origination"
	}
	layout := templates.AppendixJ()
	var names []string
	for _, c := range layout.CIS.OriginationColumns {
		for _, x := range o {
			if string(x) == c.Value {
				names = append(names, strings.Join(strings.Fields(c.Header), " "))
			}
		}
	}
	return strings.Join(names, " + ")
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
