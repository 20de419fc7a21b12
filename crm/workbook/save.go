package workbook

import (
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/crm-tool/crm/crm/workbook/internal/xlsx"
)

// save writes f to dst through a packer that splices the given rows, keyed
// by sheet name, into their sheets; stamp is every part's zip time.
func save(f *excelize.File, dst io.Writer, rows map[string][]*xlsx.Piece, stamp time.Time) error {
	if err := usePacker(f, dst, rows, stamp); err != nil {
		return err
	}
	// excelize hands its zip writer a buffer that it copies out once the
	// workbook is whole; the packer writes to dst instead, so the workbook
	// is never held twice, and the buffer stays empty.
	if _, err := f.WriteToBuffer(); err != nil {
		return fmt.Errorf("write workbook: %w", err)
	}
	return nil
}

// usePacker makes f save through a packer to dst.
func usePacker(f *excelize.File, dst io.Writer, rows map[string][]*xlsx.Piece, stamp time.Time) error {
	splices := map[string][]*xlsx.Piece{}
	for id, name := range f.GetSheetMap() {
		if pieces, ok := rows[name]; ok {
			// excelize names a new workbook's sheet parts by sheet id.
			splices[fmt.Sprintf("xl/worksheets/sheet%d.xml", id)] = pieces
		}
	}
	if len(splices) != len(rows) {
		return errors.New("workbook: rows for a sheet the workbook does not have")
	}
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return xlsx.NewPacker(dst, splices, stamp) })
	return nil
}
