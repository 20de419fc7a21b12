package workbook_test

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/crm-tool/crm/crm/workbook"
	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"
)

// repack copies a package part by part. edit, when not nil, may return a
// part's new text (nil keeps it); damage, when not nil, may change the
// stored (compressed) bytes or the header of a part, as a broken disk or a
// hostile producer would.
func repack(t *testing.T, data []byte, edit func(name string, text []byte) []byte, damage func(h *zip.FileHeader, raw []byte) []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		text, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if edit != nil {
			if changed := edit(f.Name, text); changed != nil {
				text = changed
			}
		}
		// Compressed here, so that damage sees the stored bytes.
		raw := deflate(t, text)
		h := &zip.FileHeader{Name: f.Name, Method: zip.Deflate, CRC32: crc(text),
			UncompressedSize64: uint64(len(text))}
		if damage != nil {
			raw = damage(h, raw)
		}
		h.CompressedSize64 = uint64(len(raw))
		w, err := zw.CreateRaw(h)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(raw); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

func handTypedFile(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repo, "testdata", "workbooks", "hand-typed.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// crmTexts reads the CRM sheet's responsibilities column.
func crmTexts(t *testing.T, data []byte) []string {
	t.Helper()
	b, err := workbook.Read(bytes.NewReader(data), workbook.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range b.CRM.Rows {
		out = append(out, b.CRM.Value(r, workbook.RoleText))
	}
	return out
}

// excelizeTexts reads the same column with excelize, the reference reader.
func excelizeTexts(t *testing.T, data []byte) []string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Moderate CRM Worksheet", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range rows[5:] {
		if len(r) > 0 && strings.TrimSpace(r[0]) != "" {
			v := ""
			if len(r) > 3 {
				v = r[3]
			}
			out = append(out, v)
		}
	}
	return out
}

// TestHandmadeParts reads parts written the ways other producers and hand
// editors write them, and wants exactly the text excelize reads.
func TestHandmadeParts(t *testing.T) {
	base := handTypedFile(t)
	tests := []struct {
		name string
		edit func(name string, text []byte) []byte
		want string // a text the CRM column must hold
	}{
		{
			// An ampersand written as a character reference is decoded
			// once: the text is "&lt;b&gt;", as written, never "<b>".
			name: "character reference to an ampersand",
			edit: replaceIn("xl/sharedStrings.xml", "<t>merged</t>", "<t>&#38;lt;b&#38;gt; &amp;amp; &#x26;#65; &#65;</t>"),
			want: "&lt;b&gt; &amp; &#65; A",
		},
		{
			// The relationships namespace bound to another prefix.
			name: "relationships under another prefix",
			edit: func(name string, text []byte) []byte {
				if name != "xl/workbook.xml" {
					return nil
				}
				s := strings.ReplaceAll(string(text), "xmlns:r=", "xmlns:rel=")
				return []byte(strings.ReplaceAll(s, " r:id=", " rel:id="))
			},
			want: "merged",
		},
		{
			name: "inline string with rich-text runs",
			edit: replaceIn("xl/worksheets/sheet1.xml", `<c r="D9" t="s"><v>14</v>`, `<c r="D9" t="inlineStr"><is><r><t>In</t></r><r><rPr><b/></rPr><t xml:space="preserve">line &amp; bold</t></r></is>`),
			want: "Inline & bold",
		},
		{
			name: "CDATA and a '>' inside an attribute",
			edit: replaceIn("xl/sharedStrings.xml", "<t>merged</t>", `<t note="a>b"><![CDATA[<kept> & raw]]> after</t>`),
			want: "<kept> & raw after",
		},
		{
			// ISO/IEC 29500 Strict: other namespaces for the spreadsheet
			// and for relationships (and so other relationship types).
			name: "strict namespaces",
			edit: func(name string, text []byte) []byte {
				s := strings.NewReplacer(
					"http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main",
					"http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships",
				).Replace(string(text))
				if name == "xl/workbook.xml" {
					s = strings.Replace(s, "<workbook ", `<workbook conformance="strict" `, 1)
				}
				return []byte(s)
			},
			want: "merged",
		},
		{
			// The spreadsheet namespace bound to a prefix, as some
			// generators write it, in the parts the scanner reads.
			name: "spreadsheet elements under a prefix",
			edit: func(name string, text []byte) []byte {
				if name != "xl/sharedStrings.xml" && name != "xl/worksheets/sheet1.xml" {
					return nil
				}
				s := prefixedTag.ReplaceAllString(string(text), "<${1}x:$2")
				return []byte(strings.Replace(s, " xmlns=", " xmlns:x=", 1))
			},
			want: "merged",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			data := repack(t, base, tc.edit, nil)
			got := crmTexts(t, data)
			if !contains(got, tc.want) {
				t.Errorf("no text %q among %q", tc.want, got)
			}
			if d := cmp.Diff(excelizeTexts(t, data), got); d != "" {
				t.Errorf("differs from excelize (-excelize +crm):\n%s", d)
			}
		})
	}
}

// prefixedTag is an element's start or end tag without a prefix.
var prefixedTag = regexp.MustCompile(`<(/?)([A-Za-z][\w]*)\b`)

// TestHandmadeEditsApply guards TestHandmadeParts against a fixture that no
// longer holds what its edits replace, which would test nothing.
func TestHandmadeEditsApply(t *testing.T) {
	base := handTypedFile(t)
	for part, old := range map[string]string{
		"xl/sharedStrings.xml":       "<t>merged</t>",
		"xl/worksheets/sheet1.xml":   `<c r="D9" t="s"><v>14</v>`,
		"xl/workbook.xml":            ` r:id="rId5"`,
		"xl/_rels/workbook.xml.rels": "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
		"[Content_Types].xml":        "spreadsheetml",
	} {
		if !strings.Contains(string(zipPart(t, base, part)), old) {
			t.Errorf("the fixture's %s no longer holds %s", part, old)
		}
	}
}

// TestDamagedPartsAreErrors: a part that cannot be read whole is an error
// naming it, never a workbook with its text missing.
func TestDamagedPartsAreErrors(t *testing.T) {
	base := handTypedFile(t)
	tests := []struct {
		name, part, want string
		damage           func(h *zip.FileHeader, raw []byte) []byte
	}{
		{"bad checksum", "xl/sharedStrings.xml", "xl/sharedStrings.xml", func(h *zip.FileHeader, raw []byte) []byte { h.CRC32 ^= 0x5a5a; return raw }},
		{"corrupt deflate stream", "xl/sharedStrings.xml", "xl/sharedStrings.xml", corrupt},
		{"truncated deflate stream", "xl/sharedStrings.xml", "xl/sharedStrings.xml", func(_ *zip.FileHeader, raw []byte) []byte { return raw[:len(raw)/2] }},
		{"size that lies", "xl/sharedStrings.xml", "xl/sharedStrings.xml", func(h *zip.FileHeader, raw []byte) []byte { h.UncompressedSize64 += 100; return raw }},
		{"sheet with a bad checksum", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet1.xml", func(h *zip.FileHeader, raw []byte) []byte { h.CRC32 ^= 1; return raw }},
		{"workbook part corrupt", "xl/workbook.xml", "xl/workbook.xml", corrupt},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			data := repack(t, base, nil, func(h *zip.FileHeader, raw []byte) []byte {
				if h.Name == tc.part {
					return tc.damage(h, raw)
				}
				return raw
			})
			b, err := workbook.Read(bytes.NewReader(data), workbook.ReadOptions{})
			if err == nil {
				t.Fatalf("read a damaged workbook: %d CRM rows", len(b.CRM.Rows))
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q does not name %s", err, tc.want)
			}
		})
	}
}

func TestSheetWithoutPartIsNamed(t *testing.T) {
	data := repack(t, handTypedFile(t), replaceIn("xl/workbook.xml", `r:id="rId5"`, `r:id="rId99"`), nil)
	_, err := workbook.Read(bytes.NewReader(data), workbook.ReadOptions{})
	if err == nil || !strings.Contains(err.Error(), `sheet "Moderate CIS Worksheet" has no part in the package`) {
		t.Errorf("error %v", err)
	}
}

func deflate(t *testing.T, text []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	w, err := flate.NewWriter(&buf, flate.DefaultCompression)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write(text); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func crc(b []byte) uint32 { return crc32.ChecksumIEEE(b) }

func zipPart(t *testing.T, data []byte, name string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := zr.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// corrupt flips bits in the middle of a deflate stream.
func corrupt(_ *zip.FileHeader, raw []byte) []byte {
	out := bytes.Clone(raw)
	for i := len(out) / 3; i < len(out)/3+8 && i < len(out); i++ {
		out[i] ^= 0xff
	}
	return out
}

func replaceIn(part, old, new string) func(string, []byte) []byte {
	return func(name string, text []byte) []byte {
		if name != part {
			return nil
		}
		return []byte(strings.Replace(string(text), old, new, 1))
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// FuzzDamagedPackage damages one part of a good workbook (its checksum, its
// declared size, or bytes of its deflate stream) and wants either an error
// or every cell the undamaged workbook has: never a read that quietly holds
// less.
func FuzzDamagedPackage(f *testing.F) {
	base, err := os.ReadFile(filepath.Join(repo, "testdata", "workbooks", "hand-typed.xlsx"))
	if err != nil {
		f.Fatal(err)
	}
	for part := range uint8(11) {
		for kind := range uint8(4) {
			f.Add(part, kind, uint16(7), uint8(0xa5))
		}
	}
	f.Fuzz(func(t *testing.T, part, kind uint8, at uint16, xor uint8) {
		want := cells(t, base)
		i := 0
		data := repack(t, base, nil, func(h *zip.FileHeader, raw []byte) []byte {
			defer func() { i++ }()
			if i != int(part)%11 {
				return raw
			}
			switch kind % 4 {
			case 0:
				h.CRC32 ^= uint32(xor) | 1
			case 1:
				h.UncompressedSize64 += uint64(at%64) + 1
			case 2:
				out := bytes.Clone(raw)
				out[int(at)%len(out)] ^= xor | 1
				return out
			default:
				return raw[:int(at)%len(raw)]
			}
			return raw
		})
		b, err := workbook.Read(bytes.NewReader(data), workbook.ReadOptions{MaxBytes: 1 << 20})
		if err != nil {
			return
		}
		if d := cmp.Diff(want, bookCells(b)); d != "" {
			t.Fatalf("a damaged workbook read with other cells (-good +damaged):\n%s", d)
		}
	})
}

// cells reads a workbook's CIS and CRM cells.
func cells(t *testing.T, data []byte) [][]string {
	t.Helper()
	b, err := workbook.Read(bytes.NewReader(data), workbook.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return bookCells(b)
}

func bookCells(b *workbook.Book) [][]string {
	var out [][]string
	for _, tb := range []*workbook.Table{b.CIS, b.CRM} {
		if tb == nil {
			continue
		}
		for _, r := range tb.Rows {
			out = append(out, r.Cells)
		}
	}
	return out
}

// TestUnvaluedFormulaCells: a formula cell with no saved value is named,
// since what it says is unknown (crm never evaluates formulas).
func TestUnvaluedFormulaCells(t *testing.T) {
	data := repack(t, handTypedFile(t), replaceIn("xl/worksheets/sheet1.xml", `<c r="D9" t="s"><v>14</v></c>`, `<c r="D9"><f>UPPER("x")</f></c>`), nil)
	b, err := workbook.Read(bytes.NewReader(data), workbook.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff([]string{"D9"}, b.CRM.Unvalued); d != "" {
		t.Errorf("unvalued (-want +got):\n%s", d)
	}
}
