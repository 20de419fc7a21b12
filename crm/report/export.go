package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/crm-tool/crm/crm"
	"github.com/crm-tool/crm/crm/cr26"
	"github.com/crm-tool/crm/crm/oscal"
	"github.com/crm-tool/crm/crm/schemacheck"
	"github.com/crm-tool/crm/crm/workbook"
)

// Export is a resolved CRM, as crm export takes it.
type Export struct {
	Doc  *crm.Document
	Rows []crm.Row
	// Links tie the OSCAL SSP to the leveraged systems' CRMs the document
	// reads.
	Links oscal.Links
}

// ExportFormats are the vocabularies crm export writes a CRM in.
var ExportFormats = Formats[Export]{
	{Name: "oscal-ssp", Write: func(w io.Writer, e Export) error { return oscal.WriteJSON(w, oscal.Export(e.Doc, e.Rows, e.Links)) }},
	{Name: "oscal-ssp-yaml", Write: func(w io.Writer, e Export) error { return oscal.WriteYAML(w, oscal.Export(e.Doc, e.Rows, e.Links)) }},
	{Name: "ccm-csv", Write: func(w io.Writer, e Export) error { return writeCCM(w, e.Rows) }},
	{Name: "ccm-xlsx", Binary: true, Write: func(w io.Writer, e Export) error {
		return workbook.WriteCCM(w, e.Doc.System.Name, ccmHeaders, ccmRows(e.Rows))
	}},
	{Name: "sdr", Write: func(w io.Writer, e Export) error {
		return writeCR26(w, "SDR", schemacheck.SDR, cr26.BuildSDR(e.Doc, e.Rows), cr26.CheckSDR)
	}},
}

// writeCR26 writes a CR26 document once it follows FedRAMP's schema and the
// shape the draft intends (check): crm never hands on a document FedRAMP's
// tools would refuse; a failure here is crm's own defect.
func writeCR26(w io.Writer, kind string, schema func() (*schemacheck.Schema, error), v any, check func([]byte) error) error {
	raw, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	raw = append(raw, '\n')
	var decoded any
	if err := json.Unmarshal(raw, &decoded); err != nil {
		return err
	}
	s, err := schema()
	if err != nil {
		return err
	}
	problems, err := s.Problems(decoded)
	if err != nil {
		return err
	}
	if len(problems) > 0 {
		return fmt.Errorf("crm made a %s that FedRAMP's schema refuses (a defect of crm): %s", kind, strings.Join(schemacheck.Lines(problems), "; "))
	}
	if err := check(raw); err != nil {
		return fmt.Errorf("crm made a %s of the wrong shape (a defect of crm): %w", kind, err)
	}
	_, err = w.Write(raw)
	return err
}
