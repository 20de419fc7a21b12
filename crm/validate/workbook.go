package validate

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/crm-tool/crm/crm"
	"github.com/crm-tool/crm/crm/catalog"
	"github.com/crm-tool/crm/crm/importer"
	"github.com/crm-tool/crm/crm/workbook"
)

// Import reads a workbook into an input document without checking it: what
// crm import needs.
func Import(name string, data []byte, baseline catalog.Baseline) (*importer.Result, error) {
	book, err := workbook.Read(bytes.NewReader(data), workbook.ReadOptions{Baseline: baseline})
	if err != nil {
		if errors.Is(err, workbook.ErrNotWorkbook) {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		return nil, fmt.Errorf("read workbook %s: %w", name, err)
	}
	return importer.Convert(name, book), nil
}

// IsWorkbook tells workbooks from input documents by name.
func IsWorkbook(name string) bool {
	return strings.EqualFold(filepath.Ext(name), ".xlsx")
}

// IsPackage tells workbooks from input documents by content, whatever the
// file is named: a zip package (an xlsx, or another producer's spreadsheet),
// or an OLE file (an encrypted workbook, an old .xls), which the workbook
// reader refuses with the reason.
func IsPackage(data []byte) bool {
	return bytes.HasPrefix(data, []byte("PK\x03\x04")) || bytes.HasPrefix(data, []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"))
}

// misnamed is the finding of a file whose name says another kind than its
// content: its content decides how it is read.
func misnamed(name string, data []byte) *crm.Finding {
	pkg, named := IsPackage(data), IsWorkbook(name)
	if pkg == named {
		return nil
	}
	msg := "the file is named as a workbook but holds a text document; it is read as one"
	if pkg {
		msg = "the file holds a workbook but is not named .xlsx; it is read as a workbook"
	}
	return &crm.Finding{File: name, Rule: "misnamed", Severity: rulesByID["misnamed"].Severity, Message: msg}
}

// Workbook validates a CIS/CRM workbook: it is imported into an input
// document, which gets every rule an input gets, plus the workbook's own
// rules; findings point at 'Sheet'!Cell. A file that is no workbook, or has
// no CIS or CRM sheet, is an error.
func Workbook(name string, data []byte, baseline catalog.Baseline) (*Result, error) {
	imp, err := Import(name, data, baseline)
	if err != nil {
		return nil, err
	}
	raw, err := json.Marshal(imp.Doc)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var value any
	if err := dec.Decode(&value); err != nil {
		return nil, err
	}
	c := &checker{file: name, cat: catalog.Default(), groups: map[groupKey][]string{}, loc: newCellLocator(imp, imp.Sheet), workbook: true,
		bare: !imp.Provenance, skipped: map[string]int{}}
	for _, f := range imp.Findings {
		f.Severity = rulesByID[f.Rule].Severity // the importer's rules are registered here
		c.findings = append(c.findings, f)
	}
	return c.run(&Result{File: name, Notes: imp.Notes, Imported: imp}, value, imp.Doc)
}
