package report

import (
	"io"

	"github.com/crm-tool/crm/crm"
	"github.com/crm-tool/crm/crm/oscal"
	"github.com/crm-tool/crm/crm/workbook"
)

// Export is a resolved CRM, as crm export takes it.
type Export struct {
	Doc  *crm.Document
	Rows []crm.Row
}

// ExportFormats are the vocabularies crm export writes a CRM in.
var ExportFormats = Formats[Export]{
	{Name: "oscal-ssp", Write: func(w io.Writer, e Export) error { return oscal.WriteJSON(w, oscal.Export(e.Doc, e.Rows)) }},
	{Name: "oscal-ssp-yaml", Write: func(w io.Writer, e Export) error { return oscal.WriteYAML(w, oscal.Export(e.Doc, e.Rows)) }},
	{Name: "ccm-csv", Write: func(w io.Writer, e Export) error { return writeCCM(w, e.Rows) }},
	{Name: "ccm-xlsx", Binary: true, Write: func(w io.Writer, e Export) error {
		return workbook.WriteCCM(w, e.Doc.System.Name, ccmHeaders, ccmRows(e.Rows))
	}},
}
