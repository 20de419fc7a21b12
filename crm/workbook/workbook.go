// Package workbook writes and fills the SSP Appendix J CIS and CRM Workbook.
// It is the only package of crm that imports excelize.
package workbook

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/crm-tool/crm/crm"
	"github.com/crm-tool/crm/crm/catalog"
	"github.com/crm-tool/crm/templates"
	"github.com/xuri/excelize/v2"

	"github.com/crm-tool/crm/crm/workbook/internal/xlsx"
)

// Spec is everything a workbook shows.
type Spec struct {
	Doc      *crm.Document
	Baseline catalog.Baseline
	Rows     []crm.Row // every row of the baseline, resolved, in template order
	// Service, when set, limits the responsibilities to that service's
	// paragraph (plus the text every customer shares).
	Service string
	// Provenance, when not nil, adds the Provenance sheet.
	Provenance *Provenance
}

// Provenance is what the Provenance sheet records besides each row.
type Provenance struct {
	Tool          string
	Input         string
	InputSHA256   string
	SchemaVersion int
	Catalog       string
	Baselines     string
	// Line gives the input line of a JSON pointer.
	Line func(pointer string) int
}

// docTime is the workbook's created and modified time when the input gives
// no date: fixed, so that the same input always gives the same bytes.
var docTime = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// stamp is the workbook's date: the input's system date, else its latest
// revision's, else docTime. It is the document's created and modified time
// and the parts' zip time, so the same input still gives the same bytes.
func (s *Spec) stamp() time.Time {
	if t, err := time.Parse(time.DateOnly, s.Doc.System.Date); err == nil {
		return t
	}
	latest := docTime
	for _, r := range s.Doc.System.Revisions {
		if t, err := time.Parse(time.DateOnly, r.Date); err == nil && t.After(latest) {
			latest = t
		}
	}
	return latest
}

// Write writes a new workbook: Instructions, the baseline's CIS and CRM
// worksheets (with the LI-SaaS key for LI-SaaS), Summary and, when asked,
// Provenance.
func Write(w io.Writer, s *Spec) error {
	layout := templates.AppendixJ()
	f := excelize.NewFile()
	defer f.Close()
	b := &builder{f: f, layout: layout, spec: s, title: s.Baseline.Title(), key: string(s.Baseline), used: map[string]extent{}}
	if err := b.styles(); err != nil {
		return err
	}
	steps := []func() error{b.instructions, b.examples}
	if s.Baseline == catalog.LISaaS {
		steps = append(steps, b.liSaaSKey)
	}
	steps = append(steps, b.cis, b.crm, b.summary)
	if s.Provenance != nil {
		steps = append(steps, b.provenance)
	}
	steps = append(steps, b.recordOfChange, b.footers)
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	b.runFills()
	if err := b.dimensions(); err != nil {
		return err
	}
	if err := f.SetDocProps(&excelize.DocProperties{
		Creator:        layout.Creator,
		LastModifiedBy: layout.Creator,
		Title:          strings.ReplaceAll(layout.Title, "{system}", s.Doc.System.Name),
		Subject:        fmt.Sprintf("FedRAMP %s CIS and CRM Workbook", s.Baseline.Title()),
		Created:        s.stamp().Format(time.RFC3339),
		Modified:       s.stamp().Format(time.RFC3339),
	}); err != nil {
		return err
	}
	return save(f, w, b.rows, s.stamp())
}

// builder writes one new workbook.
type builder struct {
	f      *excelize.File
	layout *templates.Layout
	spec   *Spec
	title  string // "Moderate", "LI-SaaS"
	key    string // "moderate", "li-saas"
	st     styleSet
	sheets int
	fills  []tableRows
	rows   map[string][]*xlsx.Piece // the data rows of each table sheet, by sheet name
	normal []string                 // sheets written with the normal API only
	used   map[string]extent        // per sheet, how far its non-empty cells reach
}

// extent is the last column and row that hold a value.
type extent struct{ col, row int }

// tableRows writes the data rows of one table sheet.
type tableRows struct {
	sheet string
	write func(w *xlsx.RowWriter)
}

// fill queues the data rows of a table sheet. All sheets are set up with
// the normal API first; then the rows of all tables are written at once,
// one sheet per goroutine, and spliced into their sheets as the workbook is
// saved.
func (b *builder) fill(sheet string, write func(w *xlsx.RowWriter)) {
	b.fills = append(b.fills, tableRows{sheet, write})
}

// dimensions records the used range of the sheets written with the normal
// API only, which excelize leaves at A1 (tableSheet sets the tables'), as
// set saw it: asking excelize would write each sheet out and read it back.
func (b *builder) dimensions() error {
	for _, name := range b.normal {
		used := b.used[name]
		if err := b.f.SetSheetDimension(name, "A1:"+cellName(max(used.col, 1), max(used.row, 1))); err != nil {
			return err
		}
	}
	return nil
}

func (b *builder) runFills() {
	pieces := make([][]*xlsx.Piece, len(b.fills))
	var wg sync.WaitGroup
	for i, fill := range b.fills {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var w xlsx.RowWriter
			fill.write(&w)
			pieces[i] = w.Done()
		}()
	}
	wg.Wait()
	b.rows = map[string][]*xlsx.Piece{}
	for i, fill := range b.fills {
		b.rows[fill.sheet] = pieces[i]
	}
}

// addSheet adds a sheet (renaming the first, Sheet1).
func (b *builder) addSheet(name string) error {
	b.sheets++
	if b.sheets == 1 {
		return b.f.SetSheetName("Sheet1", name)
	}
	_, err := b.f.NewSheet(name)
	return err
}

// sheet adds a sheet written with the normal API.
func (b *builder) sheet(name string) error {
	if err := b.addSheet(name); err != nil {
		return err
	}
	b.normal = append(b.normal, name)
	return b.printWide(name)
}

// tableSheet adds a table sheet: its header on headerRow and data rows
// (written by fill) down to lastRow, banded and filtered (when headerRow > 0
// and there is data), with the given column widths and, when list is not
// nil, that drop-down. The caller writes the rows above the data.
func (b *builder) tableSheet(name string, headerRow, lastRow, ncols int, widths []float64, list *excelize.DataValidation) error {
	if err := b.addSheet(name); err != nil {
		return err
	}
	if headerRow > 0 && lastRow > headerRow {
		if err := b.zebra(name, cellName(1, headerRow+1)+":"+cellName(ncols, lastRow)); err != nil {
			return err
		}
		if err := b.f.AutoFilter(name, cellName(1, headerRow)+":"+cellName(ncols, lastRow), nil); err != nil {
			return err
		}
		if list != nil {
			if err := b.f.AddDataValidation(name, list); err != nil {
				return err
			}
		}
	}
	if err := b.printWide(name); err != nil {
		return err
	}
	// Streaming readers such as openpyxl's read-only mode trust the
	// dimension, which excelize does not update for spliced rows.
	if err := b.f.SetSheetDimension(name, "A1:"+cellName(ncols, max(lastRow, 1))); err != nil {
		return err
	}
	if err := columnWidths(b.f, name, widths); err != nil {
		return err
	}
	if headerRow > 0 {
		if err := b.printTitles(name, headerRow, headerRow); err != nil {
			return err
		}
		return b.f.SetPanes(name, freezeBelow(headerRow))
	}
	return nil
}

// footers gives every sheet the template's footer: "Controlled
// Unclassified Information" and the page number.
func (b *builder) footers() error {
	for _, name := range b.f.GetSheetList() {
		if err := b.f.SetHeaderFooter(name, &excelize.HeaderFooterOptions{OddFooter: b.layout.Footer}); err != nil {
			return err
		}
	}
	return nil
}

// printTitles repeats rows from..to at the top of every printed page, in
// place of any rows set before.
func (b *builder) printTitles(sheet string, from, to int) error {
	_ = b.f.DeleteDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: sheet}) // none yet is fine
	return b.f.SetDefinedName(&excelize.DefinedName{
		Name: "_xlnm.Print_Titles", Scope: sheet,
		RefersTo: fmt.Sprintf("'%s'!$%d:$%d", strings.ReplaceAll(sheet, "'", "''"), from, to),
	})
}

// printWide makes a sheet print landscape, one page wide. It must come
// after AutoFilter, which replaces the sheet properties.
func (b *builder) printWide(name string) error {
	landscape, wide, tall, fit := "landscape", 1, 0, true
	if err := b.f.SetPageLayout(name, &excelize.PageLayoutOptions{Orientation: &landscape, FitToWidth: &wide, FitToHeight: &tall}); err != nil {
		return err
	}
	return b.f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &fit})
}

func (b *builder) name(pattern string) string {
	return strings.ReplaceAll(pattern, "{baseline}", b.title)
}

// cellName is the A1 name of a column and row, both 1-based.
func cellName(col, row int) string { return xlsx.CellName(col, row) }

func colName(col int) string { return xlsx.ColumnName(col) }

func itoa(n int) string { return strconv.Itoa(n) }

// familyTitle names a family for the Summary sheet.
func familyTitle(id string) (string, bool) {
	f, ok := catalog.Default().Family(id)
	return f.Title, ok
}
