package importer

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/crm-tool/crm/crm/catalog"
	"github.com/crm-tool/crm/crm/workbook"
)

// Read reads a workbook into an input document without checking it (package
// validate checks it).
func Read(name string, data []byte, baseline catalog.Baseline) (*Result, error) {
	book, err := workbook.ReadBytes(data, workbook.ReadOptions{Baseline: baseline})
	if err != nil {
		if errors.Is(err, workbook.ErrNotWorkbook) {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		return nil, fmt.Errorf("read workbook %s: %w", name, err)
	}
	return Convert(name, book), nil
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
