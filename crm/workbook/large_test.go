package workbook_test

import (
	"bytes"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/crm-tool/crm/crm/workbook"
)

// The hand-typed fixture's CRM sheet (sheet1) ends its rows here; rows
// spliced in before it belong to the table.
const sheetDataEnd = "</sheetData>"

// withRows is the fixture with extra XML spliced into the CRM sheet's data.
func withRows(t *testing.T, rows string) []byte {
	t.Helper()
	base := handTyped(t)
	return repackPart(t, base, "xl/worksheets/sheet1.xml", func(s string) string {
		return strings.Replace(s, sheetDataEnd, rows+sheetDataEnd, 1)
	})
}

// repackPart rewrites one part of a package.
func repackPart(t *testing.T, data []byte, part string, edit func(string) string) []byte {
	t.Helper()
	return withPart(t, data, part, []byte(edit(string(zipPart(t, data, part)))))
}

// allocated runs read and returns the bytes it allocated.
func allocated(read func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	read()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestLargePartsAreRefusedEarly: a workbook over the caps, or with cells no
// spreadsheet program writes, is refused with the cap in the message, and
// reading it allocates a small multiple of its unzipped size at most.
func TestLargePartsAreRefusedEarly(t *testing.T) {
	longCell := `<row r="40"><c r="C40" t="inlineStr"><is><t>` + strings.Repeat("x", 20<<20) + `</t></is></c></row>`
	manyRows := new(strings.Builder)
	for r := 100; r < 100+workbook.MaxTableRows+1; r++ {
		fmt.Fprintf(manyRows, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>AC-1</t></is></c></row>`, r, r)
	}
	spread := new(strings.Builder)
	for r := 100; r < 400; r++ {
		fmt.Fprintf(spread, `<row r="%d"><c r="XFD%d"><v>1</v></c></row>`, r, r)
	}
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"a sheet over the unzip cap", withRows(t, "<!--"+strings.Repeat(" ", workbook.MaxUnzipped)+"-->"),
			"unzips to more than 32 MiB, the most crm reads"},
		{"a cell longer than Excel allows", withRows(t, longCell),
			`cell C40 holds more text than an Excel cell can (32767 characters)`},
		{"a shared string longer than Excel allows",
			repackPart(t, handTyped(t), "xl/sharedStrings.xml", func(s string) string {
				return strings.Replace(s, "<t>merged</t>", "<t>"+strings.Repeat("y", 400_000)+"</t>", 1)
			}), "holds more text than an Excel cell can"},
		{"a table of more rows than Appendix J has", withRows(t, manyRows.String()),
			"lists more than 10000 rows; an Appendix J worksheet lists at most 791 (High)"},
		{"rows that span too many cells", withRows(t, spread.String()), "its rows span more than 4194304 cells"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var err error
			n := allocated(func() { _, err = workbook.Read(bytes.NewReader(tc.data), workbook.ReadOptions{}) })
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want %q", err, tc.want)
			}
			if limit := uint64(4 * workbook.MaxUnzipped); n > limit {
				t.Errorf("allocated %d MiB to refuse it, more than %d MiB", n>>20, limit>>20)
			}
		})
	}
}
