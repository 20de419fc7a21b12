package crm

import (
	"cmp"
	"fmt"
	"slices"
)

// Severity is how much a finding matters.
type Severity string

// Severities, from most to least severe. An info finding is a note or an
// advisory: what a check could not look at, or a pattern worth a look that
// is not a defect (SARIF's "note").
const (
	Error   Severity = "error"
	Warning Severity = "warning"
	Info    Severity = "info"
)

var severityRank = map[Severity]int{Error: 3, Warning: 2, Info: 1}

// AtLeast reports whether s is as severe as min.
func (s Severity) AtLeast(min Severity) bool { return severityRank[s] >= severityRank[min] }

// Finding is one problem in an input file or workbook. Findings are results,
// not errors: commands render them and choose the exit code from them.
type Finding struct {
	File     string   `json:"file"`
	Line     int      `json:"line,omitempty"`
	Col      int      `json:"column,omitempty"`
	Pointer  string   `json:"pointer,omitempty"`
	Sheet    string   `json:"sheet,omitempty"`
	Cell     string   `json:"cell,omitempty"`
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
	// Rows are the control ids concerned, in canonical spelling; waivers
	// match against them.
	Rows []string `json:"rows,omitempty"`
	// Related are other places the finding stands, in the same file: a
	// CRM answer's CIS marks.
	Related []Place `json:"related,omitempty"`
}

// Place is a place in a file: line and column of an input, or a
// workbook's sheet and cell.
type Place struct {
	Line    int    `json:"line,omitempty"`
	Col     int    `json:"column,omitempty"`
	Pointer string `json:"pointer,omitempty"`
	Sheet   string `json:"sheet,omitempty"`
	Cell    string `json:"cell,omitempty"`
}

// SortFindings orders findings by file, line, column, pointer, rule and
// message, so that output never depends on map or goroutine order.
func SortFindings(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		return cmp.Or(
			cmp.Compare(a.File, b.File),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Col, b.Col),
			cmp.Compare(a.Sheet, b.Sheet),
			compareCells(a.Cell, b.Cell),
			cmp.Compare(a.Pointer, b.Pointer),
			cmp.Compare(a.Rule, b.Rule),
			cmp.Compare(a.Message, b.Message),
		)
	})
}

// Count tallies findings by severity: errors and warnings (info findings
// are neither).
func Count(fs []Finding) (errors, warnings int) {
	for _, f := range fs {
		switch f.Severity {
		case Error:
			errors++
		case Warning:
			warnings++
		}
	}
	return errors, warnings
}

// CountInfo tallies the info findings.
func CountInfo(fs []Finding) int {
	n := 0
	for _, f := range fs {
		if f.Severity == Info {
			n++
		}
	}
	return n
}

// compareCells orders A1 cell names by row, then column: B9 before B10.
func compareCells(a, b string) int {
	ra, ca := splitCell(a)
	rb, cb := splitCell(b)
	return cmp.Or(cmp.Compare(ra, rb), cmp.Compare(len(ca), len(cb)), cmp.Compare(ca, cb))
}

func splitCell(c string) (row int, col string) {
	i := 0
	for i < len(c) && (c[i] < '0' || c[i] > '9') {
		i++
	}
	for _, d := range c[i:] {
		if d < '0' || d > '9' {
			return 0, c
		}
		row = row*10 + int(d-'0')
	}
	return row, c[:i]
}

// Plural counts n of a noun in words: "1 error", "3 errors".
func Plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
