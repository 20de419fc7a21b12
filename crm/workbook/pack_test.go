package workbook

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/crm-tool/crm/crm"
	"github.com/crm-tool/crm/crm/catalog"
	"github.com/xuri/excelize/v2"
)

// TestZipHeaders reads every part's header as Office does: version 2.0 to
// extract, made by version 2.0, and the workbook's date as a valid MS-DOS
// date, for parts excelize wrote and parts crm spliced alike; the document
// properties carry the same date.
func TestZipHeaders(t *testing.T) {
	set := catalog.Default().Baseline(catalog.Low)
	rows := make([]crm.Row, len(set.Rows))
	for i, br := range set.Rows {
		rows[i] = crm.Row{ID: br.ID, Member: br.Member, Answer: crm.AnswerYes}
	}
	doc := &crm.Document{System: crm.System{CSP: "Acme", Name: "Acme", Baseline: "low", Date: "2026-05-17"}}
	var buf bytes.Buffer
	if err := Write(&buf, &Spec{Doc: doc, Baseline: catalog.Low, Rows: rows}); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	want := time.Date(2026, 5, 17, 0, 0, 0, 0, time.UTC)
	for _, f := range zr.File {
		if f.ReaderVersion != 20 || f.CreatorVersion&0xff != 20 {
			t.Errorf("%s: version needed %d, made by %d", f.Name, f.ReaderVersion, f.CreatorVersion)
		}
		if month := f.ModifiedDate >> 5 & 0xf; month < 1 || month > 12 || !f.Modified.Equal(want) {
			t.Errorf("%s: DOS date %#x (month %d), modified %v", f.Name, f.ModifiedDate, month, f.Modified)
		}
	}
	x, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	props, err := x.GetDocProps()
	if err != nil || props.Created != "2026-05-17T00:00:00Z" {
		t.Errorf("created %q, %v", props.Created, err)
	}
}

func TestStampFallsBackToTheLatestRevision(t *testing.T) {
	s := &Spec{Doc: &crm.Document{System: crm.System{Revisions: []crm.Revision{{Date: "2025-01-02"}, {Date: "2026-03-04"}, {Date: "bad"}}}}}
	if got := s.stamp(); !got.Equal(time.Date(2026, 3, 4, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("stamp %v", got)
	}
	if got := (&Spec{Doc: &crm.Document{}}).stamp(); !got.Equal(docTime) {
		t.Errorf("no date: %v", got)
	}
}

// TestTablesPrintLikeTheWorkbook: the diff, obligations and CCM workbooks
// (one writer) print landscape, one page wide, with the header row on every
// page and the CUI footer.
func TestTablesPrintLikeTheWorkbook(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteObligations(&buf, "Acme", nil); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	pl, err := f.GetPageLayout("Obligations")
	if err != nil || pl.Orientation == nil || *pl.Orientation != "landscape" || pl.FitToWidth == nil || *pl.FitToWidth != 1 {
		t.Errorf("page layout %+v %v", pl, err)
	}
	hf, err := f.GetHeaderFooter("Obligations")
	if err != nil || !strings.Contains(hf.OddFooter, "Controlled Unclassified Information") {
		t.Errorf("footer %+v %v", hf, err)
	}
	titles := ""
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Titles" {
			titles = dn.RefersTo
		}
	}
	if titles != "'Obligations'!$1:$1" {
		t.Errorf("print titles %q", titles)
	}
}
