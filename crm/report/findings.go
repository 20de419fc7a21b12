package report

import (
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/crm-tool/crm/crm"
)

// FindingsFormats are how crm validate writes a validation.
var FindingsFormats = Formats[*Validation]{
	{Name: "text", Write: func(w io.Writer, v *Validation) error { return writeFindingsText(w, v.Findings) }},
	{Name: "json", Write: writeFindingsJSON},
	{Name: "sarif", Write: writeSARIF},
}

// Validation is the outcome of checking some files.
type Validation struct {
	Tool     string // crm's version, for SARIF
	Files    int
	Waived   int
	Findings []crm.Finding // sorted
	Rules    []crm.Rule
}

// Summary counts a validation's findings.
type Summary struct {
	Files    int `json:"files"`
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Notes    int `json:"notes"`
	Waived   int `json:"waived"`
}

// Summary counts v's findings.
func (v *Validation) Summary() Summary {
	e, w := crm.Count(v.Findings)
	return Summary{Files: v.Files, Errors: e, Warnings: w, Notes: crm.CountInfo(v.Findings), Waived: v.Waived}
}

// SummaryLine is the line printed on standard error after the findings;
// notes are counted when there are any.
func (s Summary) SummaryLine() string {
	counts := crm.Plural(s.Errors, "error") + ", " + crm.Plural(s.Warnings, "warning")
	if s.Notes > 0 {
		counts += ", " + crm.Plural(s.Notes, "note")
	}
	line := fmt.Sprintf("%s in %s", counts, crm.Plural(s.Files, "file"))
	if s.Waived > 0 {
		line += fmt.Sprintf(" (%d waived)", s.Waived)
	}
	return line
}

func writeFindingsJSON(w io.Writer, v *Validation) error {
	s := v.Summary()
	return writeJSON(w, struct {
		Version  int           `json:"version"`
		Valid    bool          `json:"valid"`
		Findings []crm.Finding `json:"findings"`
		Summary  Summary       `json:"summary"`
	}{FormatVersion, s.Errors == 0, nonNil(v.Findings), s})
}

func nonNil(fs []crm.Finding) []crm.Finding {
	if fs == nil {
		return []crm.Finding{}
	}
	return fs
}

// Location is where a finding stands, GNU style: file:line:col for input
// documents, file: 'Sheet'!Cell for workbooks.
func Location(f crm.Finding) string {
	switch {
	case f.Sheet != "":
		loc := fmt.Sprintf("%s: '%s'", f.File, strings.ReplaceAll(f.Sheet, "'", "''"))
		if f.Cell != "" {
			loc += "!" + f.Cell
		}
		return loc
	case f.Line > 0:
		return fmt.Sprintf("%s:%d:%d", f.File, f.Line, f.Col)
	}
	return f.File
}

func writeFindingsText(w io.Writer, fs []crm.Finding) error {
	for _, f := range fs {
		if _, err := fmt.Fprintf(w, "%s: %s %s: %s%s\n", Location(f), f.Severity, f.Rule, f.Message, alsoAt(f)); err != nil {
			return err
		}
	}
	return nil
}

// alsoAt names a finding's related places: " (also at 'Sheet'!G12)".
func alsoAt(f crm.Finding) string {
	var at []string
	for _, p := range f.Related {
		at = append(at, placeName(p))
	}
	if len(at) == 0 {
		return ""
	}
	return " (also at " + strings.Join(at, ", ") + ")"
}

// placeName is a place within the finding's file: 'Sheet'!Cell, or
// line:col.
func placeName(p crm.Place) string {
	if p.Sheet != "" {
		name := "'" + strings.ReplaceAll(p.Sheet, "'", "''") + "'"
		if p.Cell != "" {
			name += "!" + p.Cell
		}
		return name
	}
	return fmt.Sprintf("%d:%d", p.Line, p.Col)
}

// fileURI turns a path into a SARIF artifact URI relative to the working
// directory.
func fileURI(path string) string {
	u := url.URL{Path: filepath.ToSlash(path)}
	return u.EscapedPath()
}
