package xlsx

import (
	"encoding/xml"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// The reference reading of sheet XML: encoding/xml decoding into the shape
// excelize decodes a sheet into. It shares only the numbering of rows and
// cells and the _xHHHH_ decoding with the scanner; tokens, references,
// CDATA, comments, prefixes and attribute quoting are encoding/xml's.
type refSheet struct {
	Rows []refRow `xml:"sheetData>row"`
}

type refRow struct {
	R     string    `xml:"r,attr"`
	Cells []refCell `xml:"c"`
}

type refCell struct {
	R  string    `xml:"r,attr"`
	T  string    `xml:"t,attr"`
	F  *struct{} `xml:"f"`
	V  *string   `xml:"v"`
	IS *refItem  `xml:"is"`
}

// refItem is a string item, inline (<is>) or shared (<si>): its text and its
// runs' text; phonetic runs (<rPh>) are not part of it.
type refItem struct {
	T    *string `xml:"t"`
	Runs []struct {
		T string `xml:"t"`
	} `xml:"r"`
}

func (it refItem) text() string {
	var b strings.Builder
	if it.T != nil {
		b.WriteString(*it.T)
	}
	for _, r := range it.Runs {
		b.WriteString(r.T)
	}
	return bstr(b.String())
}

func (c refCell) value(shared []string) string {
	v := ""
	if c.V != nil {
		v = *c.V
	}
	switch c.T {
	case "s":
		i, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || i < 0 || i >= len(shared) {
			return ""
		}
		return shared[i]
	case "inlineStr":
		if c.IS == nil || c.IS.text() == "" {
			return v
		}
		return c.IS.text()
	}
	return v
}

// refRows reads sheet XML as encoding/xml does; false when it is not XML
// encoding/xml accepts.
func refRows(data []byte, shared []string) ([][]string, bool) {
	var s refSheet
	if err := xml.Unmarshal(data, &s); err != nil {
		return nil, false
	}
	var out [][]string
	row := 0
	for _, r := range s.Rows {
		if n, err := strconv.Atoi(r.R); err == nil && n > 0 {
			row = n
		} else {
			row++
		}
		col := 0
		for _, c := range r.Cells {
			if n, ok := columnOf(c.R); ok {
				col = n
			} else {
				col++
			}
			if row > maxRows || col > maxColumns {
				return nil, false
			}
			v := c.value(shared)
			if v == "" && c.F == nil {
				continue // a cell counts when it has a value or a formula
			}
			for len(out) < row {
				out = append(out, nil)
			}
			for len(out[row-1]) < col {
				out[row-1] = append(out[row-1], "")
			}
			out[row-1][col-1] = v
		}
	}
	return trimRows(out), true
}

// FuzzSheetRowsAgreeWithEncodingXML feeds arbitrary sheetData content to
// the scanner and to encoding/xml: wherever encoding/xml accepts the sheet,
// both must read the same cells.
func FuzzSheetRowsAgreeWithEncodingXML(f *testing.F) {
	for _, s := range []string{
		`<row r="1"><c r="A1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>x&amp;y</t></is></c></row>`,
		`<row><c><v>7</v></c><c t="inlineStr"><is><r><t xml:space="preserve"> a </t></r><rPh><t>b</t></rPh><r><t>c</t></r></is></c></row>`,
		`<x:row r='2' xmlns:x="urn:x"><x:c r='B2' t='inlineStr'><x:is><x:t>&#38;lt;&#x263A;</x:t></x:is></x:c></x:row>`,
		`<row r="3"><!-- > --><c r="D3" t="str"><f>A1</f><v><![CDATA[<b>&amp;</b>]]></v></c><?pi x?></row>`,
		`<row r="4"><c r="A4" t="inlineStr" s=">"><is><t>line&#13;&#10;next&#9;_x000D_</t></is></c></row>`,
		`<row r="5"><c r="A5"><v>1<!-- x -->2</v></c><c r="B5" t="inlineStr"><is><t>a<?pi x>y?>b</t></is></c></row>`,
	} {
		f.Add([]byte(s))
	}
	p := &Package{shared: []string{"zero", "one"}}
	f.Fuzz(func(t *testing.T, content []byte) {
		sheet := append(append([]byte(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`), content...), `</sheetData></worksheet>`...)
		want, ok := refRows(sheet, p.shared)
		if !ok || hasDirective(content) {
			t.Skip()
		}
		got, err := p.sheetRows(string(sheet), nil)
		if err != nil {
			t.Fatalf("encoding/xml reads it, the scanner refuses it: %v", err)
		}
		if d := cmp.Diff(want, got, cmpopts.EquateEmpty()); d != "" {
			t.Errorf("%q: scanner and encoding/xml differ (-encoding/xml +scanner):\n%s", content, d)
		}
	})
}

// hasDirective tells whether content holds a <!...> that is neither a
// comment nor CDATA. XML allows those (DOCTYPE) only before the root, so
// none can stand in a sheet; encoding/xml reads one anyway, to its
// balancing '>', where the scanner skips to the first '>'.
func hasDirective(content []byte) bool {
	for rest := string(content); ; {
		i := strings.Index(rest, "<!")
		if i < 0 {
			return false
		}
		rest = rest[i+2:]
		if !strings.HasPrefix(rest, "--") && !strings.HasPrefix(rest, "[CDATA[") {
			return true
		}
	}
}

// FuzzSharedStringsAgreeWithEncodingXML does the same for the shared-strings
// table.
func FuzzSharedStringsAgreeWithEncodingXML(f *testing.F) {
	for _, s := range []string{
		`<si><t>plain</t></si><si/><si><r><rPr><b/></rPr><t xml:space="preserve">bold </t></r><r><t>&#38;amp;</t></r></si>`,
		`<x:si xmlns:x="urn:x"><x:t><![CDATA[<raw>]]>_x0009_</x:t><x:rPh sb="0" eb="1"><x:t>phonetic</x:t></x:rPh></x:si>`,
		`<si><t>a<!-- x -->b<?pi >?>c</t></si>`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, content []byte) {
		sst := append(append([]byte(`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`), content...), `</sst>`...)
		var ref struct {
			Items []refItem `xml:"si"`
		}
		if xml.Unmarshal(sst, &ref) != nil || hasDirective(content) {
			t.Skip()
		}
		var want []string
		for _, it := range ref.Items {
			want = append(want, it.text())
		}
		if d := cmp.Diff(want, mustSharedStrings(t, sst), cmpopts.EquateEmpty()); d != "" {
			t.Errorf("%q: scanner and encoding/xml differ (-encoding/xml +scanner):\n%s", content, d)
		}
	})
}

func mustSharedStrings(t *testing.T, sst []byte) []string {
	t.Helper()
	out, err := sharedStrings(string(sst))
	if err != nil {
		t.Fatal(err)
	}
	return out
}
