package report

import (
	"encoding/csv"
	"io"
)

// csvWriter writes CSV that a spreadsheet opening it never runs: a cell
// starting with =, +, -, @, a tab or a carriage return would be read as a
// formula (LibreOffice turns =HYPERLINK(…) into a live link), so it gets a
// leading apostrophe, as OWASP's CSV-injection advice says. The apostrophe
// shows, and the text after it is the text as written.
type csvWriter struct{ *csv.Writer }

func newCSV(w io.Writer) csvWriter { return csvWriter{csv.NewWriter(w)} }

// Write writes one record, its risky cells neutralised.
func (c csvWriter) Write(record []string) error {
	safe := make([]string, len(record))
	for i, cell := range record {
		safe[i] = neutralise(cell)
	}
	return c.Writer.Write(safe)
}

func neutralise(cell string) string {
	if cell != "" {
		switch cell[0] {
		case '=', '+', '-', '@', '\t', '\r':
			return "'" + cell
		}
	}
	return cell
}
