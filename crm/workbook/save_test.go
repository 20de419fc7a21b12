package workbook

import (
	"io"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/crm-tool/crm/crm/workbook/internal/xlsx"
)

func TestUsePackerRefusesUnknownSheet(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	if err := usePacker(f, io.Discard, map[string][]*xlsx.Piece{"Nowhere": nil}, docTime); err == nil {
		t.Fatal("rows for a missing sheet were accepted")
	}
}
