package workbook

import (
	"io"

	"github.com/crm-tool/crm/crm/diff"
)

// changeColors fills each kind's rows on the Changes sheet: reds for
// responsibility moving to the customer, greens for the reverse.
var changeColors = map[diff.Kind]string{
	diff.CustomerShift:      "FFC7CE",
	diff.ProviderShift:      "C6EFCE",
	diff.AnswerChanged:      "FFEB9C",
	diff.RowAdded:           "DDEBF7",
	diff.RowRemoved:         "F8CBAD",
	diff.RevisionRemap:      "E4DFEC",
	diff.OriginationChanged: "FCE4D6",
	diff.StatusChanged:      "FFF2CC",
	diff.TextChanged:        "EDEDED",
	diff.TextWhitespace:     "F7F7F7",
	diff.SystemChanged:      "D9E1F2",
}

// WriteChanges writes a comparison as a workbook with one Changes sheet that
// a reviewer can filter by kind, family or row.
func WriteChanges(w io.Writer, r *diff.Result) error {
	t := &table{
		title:   "CRM changes: " + r.Old + " → " + r.New,
		sheet:   "Changes",
		headers: []string{"Change", "Family", crmHeader(0), "Old", "New", "Details"},
		widths:  []float64{20, 9, 14, 40, 40, 70},
	}
	for _, ch := range r.Changes {
		details := ch.Reason
		if ch.Field != "" {
			details = ch.Field
		}
		if len(ch.Words) > 0 {
			details = diff.Inline(ch.Words, "[-", "-]", "{+", "+}")
		}
		t.rows = append(t.rows, []string{string(ch.Kind), ch.Family, ch.Row, ch.Old, ch.New, details})
		t.fills = append(t.fills, changeColors[ch.Kind])
	}
	return t.write(w)
}
