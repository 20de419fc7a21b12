package xlsx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"hash/crc32"
	"io"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/crm-tool/crm/crm"
)

// streamedRow is the XML excelize's stream writer writes for one row of
// text cells, all in one style (0 for none); empty text is an empty cell
// with that style, or no cell without one.
func streamedRow(t testing.TB, row int, height float64, style int, texts ...string) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	cells := make([]any, len(texts))
	for i, s := range texts {
		switch {
		case s != "":
			cells[i] = excelize.Cell{StyleID: style, Value: s}
		case style != 0:
			cells[i] = excelize.Cell{StyleID: style}
		}
	}
	if err := sw.SetRow("A"+strconv.Itoa(row), cells, excelize.RowOpts{Height: height}); err != nil {
		t.Fatal(err)
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := zr.Open("xl/worksheets/sheet1.xml")
	if err != nil {
		t.Fatal(err)
	}
	sheet, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	s := string(sheet)
	start := strings.Index(s, "<row ")
	end := strings.LastIndex(s, "</row>")
	if start < 0 || end < 0 {
		t.Fatalf("no row in %s", s)
	}
	return s[start : end+len("</row>")]
}

// ownRow is what RowWriter writes for the same row.
func ownRow(row int, height float64, style int, texts ...string) string {
	var w RowWriter
	w.Start(row, height)
	for i, s := range texts {
		w.Cell(i+1, style, s)
	}
	w.End()
	return string(w.buf)
}

func TestRowWriterMatchesStreamWriter(t *testing.T) {
	long := strings.Repeat("é", crm.MaxCellChars+5)
	tests := []struct {
		name   string
		row    int
		height float64
		style  int
		texts  []string
	}{
		{"plain", 4, 0, 7, []string{"AC-1", "X", "", "Yes"}},
		{"height", 9, 47.5, 7, []string{"AC-2(1)", "", "Customers must\nreview accounts."}},
		{"escapes", 12, 0, 7, []string{`a & b <c> "d" 'e'`, "tab\there", "cr\r\n"}},
		{"edge space", 3, 0, 7, []string{" lead", "trail ", "\tt", "n\n"}},
		{"not XML", 5, 0, 7, []string{"bell\a", "nul\x00", "bad\xffutf8", "\uFFFE"}},
		{"escape sequences", 6, 0, 7, []string{"_x000D_", "_x005F_", "_x005F_x0041_", "a_xD800_b", "_x12G4_", "__x0041__"}},
		{"wide", 2, 0, 7, append(make([]string, 27), "AB")},
		{"unstyled", 10, 0, 0, []string{"a", "", "b"}},
		{"non-ASCII", 7, 0, 7, []string{"“quoted” — café", "日本語", "🙂"}},
		{"too long", 8, 0, 7, []string{long}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := streamedRow(t, tt.row, tt.height, tt.style, tt.texts...)
			if got := ownRow(tt.row, tt.height, tt.style, tt.texts...); got != want {
				t.Errorf("row XML differs\n got: %.300q\nwant: %.300q", got, want)
			}
		})
	}
}

func FuzzRowWriterMatchesStreamWriter(f *testing.F) {
	for _, s := range []string{"AC-1", " x", "a&b", "_x0041_", "_x005F_x0041_", "\x01", "\xff", "a\r\nb"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if want, got := streamedRow(t, 4, 0, 2, s), ownRow(4, 0, 2, s); got != want {
			t.Errorf("%q: got %q, want %q", s, got, want)
		}
	})
}

func excelizeColumn(t *testing.T, col int) string {
	t.Helper()
	name, err := excelize.ColumnNumberToName(col)
	if err != nil {
		t.Fatal(err)
	}
	return name
}

func TestAppendColumn(t *testing.T) {
	for _, col := range []int{1, 26, 27, 52, 53, 702, 703, 16384} {
		if got, want := ColumnName(col), excelizeColumn(t, col); got != want {
			t.Errorf("column %d: got %s, want %s", col, got, want)
		}
	}
}

func TestJoinCRC(t *testing.T) {
	a := []byte("the provider implements AC-2")
	for _, n := range []int{0, 1, 100, len(zeros) + 3} {
		b := bytes.Repeat([]byte("b"), n)
		want := crc32.ChecksumIEEE(append(append([]byte{}, a...), b...))
		if got := joinCRC(crc32.ChecksumIEEE(a), crc32.ChecksumIEEE(b), n); got != want {
			t.Errorf("%d bytes: got %08x, want %08x", n, got, want)
		}
	}
}

// TestPiecesJoin checks that pieces compressed apart, of any size, inflate
// to what was written, with the CRC of the whole.
func TestPiecesJoin(t *testing.T) {
	var want bytes.Buffer
	var c chunker
	for i := range 3 * chunkSize / 1000 {
		line := []byte(strings.Repeat("row ", i%50) + "\n")
		want.Write(line)
		c.write(line)
		if i%997 == 0 {
			c.cut()
		}
	}
	c.end()
	crc, size, packed := sum(c.pieces)
	var data []byte
	for _, p := range c.pieces {
		data = append(data, p.data...)
	}
	if packed != uint64(len(data)) {
		t.Errorf("packed %d, want %d", packed, len(data))
	}
	got, err := io.ReadAll(flate.NewReader(bytes.NewReader(data)))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want.Bytes()) {
		t.Fatalf("inflated %d bytes, want %d", len(got), want.Len())
	}
	if crc != crc32.ChecksumIEEE(want.Bytes()) || size != uint64(want.Len()) {
		t.Errorf("crc %08x size %d, want %08x %d", crc, size, crc32.ChecksumIEEE(want.Bytes()), want.Len())
	}
}

// TestCellName holds A1 names to excelize's.
func TestCellName(t *testing.T) {
	for _, c := range [][2]int{{1, 1}, {26, 9}, {27, 10}, {16384, 1048576}, {703, 42}} {
		want, err := excelize.CoordinatesToCellName(c[0], c[1])
		if err != nil {
			t.Fatal(err)
		}
		if got := CellName(c[0], c[1]); got != want {
			t.Errorf("CellName(%d, %d) = %s, want %s", c[0], c[1], got, want)
		}
	}
}
