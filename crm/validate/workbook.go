package validate

import (
	"github.com/crm-tool/crm/crm"
	"github.com/crm-tool/crm/crm/catalog"
	"github.com/crm-tool/crm/crm/importer"
	"github.com/crm-tool/crm/crm/schemacheck"
)

// misnamed is the finding of a file whose name says another kind than its
// content: its content decides how it is read.
func misnamed(name string, data []byte) *crm.Finding {
	pkg, named := importer.IsPackage(data), importer.IsWorkbook(name)
	if pkg == named {
		return nil
	}
	msg := "the file is named as a workbook but holds a text document; it is read as one"
	if pkg {
		msg = "the file holds a workbook but is not named .xlsx; it is read as a workbook"
	}
	return &crm.Finding{File: name, Rule: "misnamed", Severity: crm.SeverityOf("misnamed"), Message: msg}
}

// Workbook validates a CIS/CRM workbook: it is imported into an input
// document, which gets every rule an input gets, plus the workbook's own
// rules; findings point at 'Sheet'!Cell. A file that is no workbook, or has
// no CIS or CRM sheet, is an error.
func Workbook(name string, data []byte, baseline catalog.Baseline) (*Result, error) {
	imp, err := importer.Read(name, data, baseline)
	if err != nil {
		return nil, err
	}
	schema, err := schemacheck.Input()
	if err != nil {
		return nil, err
	}
	problems, err := documentProblems(schema, imp.Doc)
	if err != nil {
		return nil, err
	}
	c := &checker{file: name, cat: catalog.Default(), groups: map[groupKey][]string{}, loc: newCellLocator(imp, imp.Sheet), workbook: true,
		bare: !imp.Provenance, skipped: map[string]int{}}
	c.findings = append(c.findings, imp.Findings...)
	return c.run(&Result{File: name, Notes: imp.Notes, Imported: imp}, problems, nil, imp.Doc)
}
