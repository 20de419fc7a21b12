// Package workbook writes and fills the SSP Appendix J CIS and CRM Workbook.
// It is the only package of crm that imports excelize.
package workbook

import (
	"errors"
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

// docTime fixes the workbook's created and modified times so that the same
// input always gives the same bytes.
var docTime = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// Write writes a new workbook: Instructions, the baseline's CIS and CRM
// worksheets (with the LI-SaaS key for LI-SaaS), Summary and, when asked,
// Provenance.
func Write(w io.Writer, s *Spec) error {
	layout, err := templates.AppendixJ()
	if err != nil {
		return err
	}
	f := excelize.NewFile()
	defer f.Close()
	b := &builder{f: f, layout: layout, spec: s, title: s.Baseline.Title(), key: string(s.Baseline)}
	if err := b.styles(); err != nil {
		return err
	}
	steps := []func() error{b.instructions}
	if s.Baseline == catalog.LISaaS {
		steps = append(steps, b.liSaaSKey)
	}
	steps = append(steps, b.cis, b.crm, b.summary)
	if s.Provenance != nil {
		steps = append(steps, b.provenance)
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	if err := b.runFills(); err != nil {
		return err
	}
	if err := b.dimensions(); err != nil {
		return err
	}
	if err := f.SetDocProps(&excelize.DocProperties{
		Creator:        layout.Creator,
		LastModifiedBy: layout.Creator,
		Title:          strings.ReplaceAll(layout.Title, "{system}", s.Doc.System.Name),
		Subject:        fmt.Sprintf("FedRAMP %s CIS and CRM Workbook", s.Baseline.Title()),
		Created:        docTime.Format(time.RFC3339),
		Modified:       docTime.Format(time.RFC3339),
	}); err != nil {
		return err
	}
	usePacker(f)
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("write workbook: %w", err)
	}
	return nil
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
	fills  []func() error
	normal []string // sheets written with the normal API
}

// fill queues the data rows of a streamed sheet. All sheets are set up with
// the normal API first; then their rows are streamed at once, one sheet per
// goroutine: a StreamWriter touches only its own sheet.
func (b *builder) fill(sw *excelize.StreamWriter, rows func() error) {
	b.fills = append(b.fills, func() error {
		if err := rows(); err != nil {
			return err
		}
		return sw.Flush()
	})
}

// dimensions records the used range of the sheets written with the normal
// API, which excelize leaves at A1 (streamSheet sets the streamed ones).
func (b *builder) dimensions() error {
	for _, name := range b.normal {
		rows, err := b.f.GetRows(name)
		if err != nil {
			return err
		}
		cols := 1
		for _, r := range rows {
			cols = max(cols, len(r))
		}
		if err := b.f.SetSheetDimension(name, "A1:"+cellName(cols, max(len(rows), 1))); err != nil {
			return err
		}
	}
	return nil
}

func (b *builder) runFills() error {
	errs := make([]error, len(b.fills))
	var wg sync.WaitGroup
	for i, fill := range b.fills {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = fill()
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
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

// streamSheet adds a sheet whose rows are streamed: a table with its header
// on headerRow and data down to lastRow, banded and filtered (when
// headerRow > 0 and there is data), with the given column widths and, when
// list is not nil, that drop-down. What the stream writer cannot do is set
// on the sheet before the stream starts; the stream keeps it.
func (b *builder) streamSheet(name string, headerRow, lastRow, ncols int, widths []float64, list *excelize.DataValidation) (*excelize.StreamWriter, error) {
	if err := b.addSheet(name); err != nil {
		return nil, err
	}
	if headerRow > 0 && lastRow > headerRow {
		if err := b.zebra(name, cellName(1, headerRow+1)+":"+cellName(ncols, lastRow)); err != nil {
			return nil, err
		}
		if err := b.f.AutoFilter(name, cellName(1, headerRow)+":"+cellName(ncols, lastRow), nil); err != nil {
			return nil, err
		}
		if list != nil {
			if err := b.f.AddDataValidation(name, list); err != nil {
				return nil, err
			}
		}
	}
	if err := b.printWide(name); err != nil {
		return nil, err
	}
	// The stream writer keeps the sheet's dimension as it was (A1), and
	// streaming readers such as openpyxl's read-only mode trust it.
	if err := b.f.SetSheetDimension(name, "A1:"+cellName(ncols, max(lastRow, 1))); err != nil {
		return nil, err
	}
	sw, err := b.f.NewStreamWriter(name)
	if err != nil {
		return nil, err
	}
	for i, w := range widths {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return nil, err
		}
	}
	if headerRow > 0 {
		if err := sw.SetPanes(freezeBelow(headerRow)); err != nil {
			return nil, err
		}
	}
	return sw, nil
}

// printWide makes a sheet print landscape, one page wide. It must come
// after AutoFilter, which replaces the sheet properties, and before any
// stream on the sheet.
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

// cellName is excelize's A1 name of a column and row, both 1-based.
func cellName(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}

func colName(col int) string {
	name, _ := excelize.ColumnNumberToName(col)
	return name
}

func itoa(n int) string { return strconv.Itoa(n) }

// familyTitle names a family for the Summary sheet.
func familyTitle(id string) (string, bool) {
	f, ok := catalog.Default().Family(id)
	return f.Title, ok
}
