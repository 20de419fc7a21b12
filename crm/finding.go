package crm

import (
	"cmp"
	"slices"
)

// Severity is how much a finding matters.
type Severity string

// Severities, from most to least severe.
const (
	Error   Severity = "error"
	Warning Severity = "warning"
)

// AtLeast reports whether s is as severe as min.
func (s Severity) AtLeast(min Severity) bool { return s == Error || s == min }

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

// Count tallies findings by severity.
func Count(fs []Finding) (errors, warnings int) {
	for _, f := range fs {
		if f.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return errors, warnings
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
