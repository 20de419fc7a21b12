package xlsx

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/crm-tool/crm/crm"
)

// Reading cells straight from the package: excelize's GetRows decodes every
// cell through encoding/xml and reflection, which was most of the time spent
// reading a workbook. pkg.go opens the package (size limits, relationships,
// the sheet list) with encoding/xml; the scanner below only reads the cells
// of sheetData and the shared strings, and returns what GetRows returns with
// RawCellValue (TestScannerMatchesExcelize holds it to that on every
// workbook in the tests, TestHandmadeParts on parts other producers write,
// and the fuzz tests in scan_xml_test.go to encoding/xml on arbitrary XML).

// Rows reads a sheet's cells as GetRows does: one slice per row up to the
// last row holding a cell, each up to its last non-empty cell. Unlike
// GetRows, it refuses a sheet whose cells lie past Excel's limits.
// It also names the formula cells that have no value saved (1-based row,
// column): what they say is unknown, since formulas are never evaluated.
func (p *Package) Rows(sheet string) ([][]string, [][2]int, error) {
	part, ok := p.sheets[sheet]
	if !ok {
		return nil, nil, fmt.Errorf("no sheet %q", sheet)
	}
	data, err := p.readText(part)
	if err != nil {
		return nil, nil, err
	}
	var unvalued [][2]int
	rows, err := p.sheetRows(data, func(row, col int) { unvalued = append(unvalued, [2]int{row, col}) })
	if err != nil {
		return nil, nil, fmt.Errorf("sheet %q: %w", sheet, err)
	}
	return rows, unvalued, nil
}

// Excel's limits. A cell beyond them is a broken or hostile sheet, which
// must not make the reader allocate a row or a column for each number up to
// its reference.
const (
	maxRows    = 1 << 20
	maxColumns = 1 << 14
)

// maxCells bounds the cells a sheet's rows span, empty ones between them
// included (16 bytes each): 64 MiB of them, 87 times the largest sheet
// of FedRAMP's Appendix J template (48,180 cells by its dimension).
const maxCells = 1 << 22

// sheetRows reads a sheet part's cells; unvalued, when not nil, is told of
// each formula cell without a saved value.
func (p *Package) sheetRows(data string, unvalued func(row, col int)) ([][]string, error) {
	sc := scanner{data: data}
	var out [][]string
	row, col, width := 0, 0, 0 // width: the widest row so far, to size the next
	// Rows hold the empty cells between their cells too, which cost memory
	// but no bytes of XML, so their number is bounded, not the XML's size.
	cells := 0
	var slab rowSlab
	for {
		name, tag, closing, selfClosing := sc.next()
		switch {
		case name == "":
			return trimRows(out), nil
		case closing:
			if name == "sheetData" {
				return trimRows(out), nil
			}
		case name == "row":
			if r, err := strconv.Atoi(rawAttr(tag, "r")); err == nil && r > 0 {
				row = r
			} else {
				row++
			}
			if row > maxRows {
				return nil, fmt.Errorf("row %d is past Excel's last row, %d", row, maxRows)
			}
			col = 0
		case name == "c":
			ref, typ := rawAttrs(tag, "r", "t")
			if len(ref) > 0 {
				if c, ok := columnOf(ref); ok {
					col = c
				} else {
					col++
				}
			} else {
				col++
			}
			if col > maxColumns {
				return nil, fmt.Errorf("a cell of row %d is past Excel's last column, %d", row, maxColumns)
			}
			if selfClosing || row < 1 {
				continue
			}
			v, formula := p.cell(&sc, cellType(typ))
			if sc.tooLong {
				return nil, fmt.Errorf("cell %s%d %w", appendColumn(nil, col), row, errTextTooLong)
			}
			if v == "" && !formula {
				continue // as GetRows: a cell counts when it has a value or a formula
			}
			if v == "" && unvalued != nil {
				unvalued(row, col)
			}
			for len(out) < row {
				out = append(out, nil)
			}
			r := out[row-1]
			if r == nil {
				r = slab.row(max(width, col))
			}
			if cells += col - len(r); cells > maxCells {
				return nil, fmt.Errorf("its rows span more than %d cells, the most crm reads of a sheet", maxCells)
			}
			for len(r) < col {
				r = append(r, "")
			}
			r[col-1] = v
			out[row-1] = r
			width = max(width, col)
		}
	}
}

// rowSlab hands out rows from shared blocks: one allocation for many rows.
type rowSlab []string

// row is an empty row with room for n cells; appending past them moves it
// out of the block, never over the next row.
func (s *rowSlab) row(n int) []string {
	if len(*s) < n {
		*s = make([]string, max(n, 1024))
	}
	r := (*s)[:0:n]
	*s = (*s)[n:]
	return r
}

// cell reads the value of a <c> element whose start tag was just read, and
// whether it has a formula.
func (p *Package) cell(sc *scanner, typ string) (string, bool) {
	if text, inline, ok := sc.plainCell(); ok {
		if inline {
			return p.cellValue(typ, "", bstr(unescape(lineEnds(text)))), false
		}
		return p.cellValue(typ, unescape(lineEnds(text)), ""), false
	}
	var v, inline string
	var formula bool
	for {
		name, _, closing, selfClosing := sc.next()
		switch {
		case name == "" || closing: // in XML, the first end tag here is the cell's
			return p.cellValue(typ, v, inline), formula
		case name == "f":
			formula = true
			if !selfClosing {
				sc.skip()
			}
		case name == "v" && selfClosing:
			v = "" // the last <v> is the value, as encoding/xml has it
		case selfClosing:
		case name == "v":
			v = sc.until("v")
		case name == "is":
			inline = sc.text()
		default:
			sc.skip() // text deeper down is not the cell's
		}
	}
}

// cellValue is what a cell of type typ says, given its <v> text and its
// inline string.
func (p *Package) cellValue(typ, v, inline string) string {
	switch typ {
	case "s":
		i, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || i < 0 || i >= len(p.shared) {
			return ""
		}
		return p.shared[i]
	case "inlineStr":
		if inline != "" {
			return inline
		}
	}
	return v
}

// plainCell reads, past a cell's start tag, the shapes nearly every
// producer writes: no content (</c>), <v>text</v></c> and
// <is><t>text</t></is></c>, unprefixed, the text free of markup and within
// maxTextBytes. It returns the raw text and whether it is an inline
// string; anything else is left to the general path (ok false).
func (sc *scanner) plainCell() (text string, inline, ok bool) {
	d := sc.data[sc.pos:]
	if strings.HasPrefix(d, "</c>") {
		sc.pos += len("</c>")
		return "", false, true
	}
	for _, shape := range [...]struct{ open, close string }{{"<v>", "</v></c>"}, {"<is><t>", "</t></is></c>"}} {
		if !strings.HasPrefix(d, shape.open) {
			continue
		}
		body := d[len(shape.open):]
		end := strings.IndexByte(body, '<')
		if end < 0 || end > maxTextBytes || !strings.HasPrefix(body[end:], shape.close) {
			return "", false, false
		}
		sc.pos += len(shape.open) + end + len(shape.close)
		return body[:end], shape.open != "<v>", true
	}
	return "", false, false
}

// trimRows drops trailing empty rows.
func trimRows(rows [][]string) [][]string {
	for len(rows) > 0 && len(rows[len(rows)-1]) == 0 {
		rows = rows[:len(rows)-1]
	}
	return rows
}

// cellType is a cell's t attribute.
func cellType(t string) string { return unescape(t) }

// columnOf reads the column of an A1 reference, 1-based.
func columnOf(ref string) (int, bool) {
	c := 0
	for i := 0; i < len(ref); i++ {
		b := ref[i] | 0x20
		if b < 'a' || b > 'z' {
			return c, c > 0 && i < len(ref) && ref[i] >= '0' && ref[i] <= '9'
		}
		c = min(c*26+int(b-'a'+1), maxColumns+1) // past the limit is past it
	}
	return 0, false
}

// scanner walks XML tags; names lose their namespace prefix.
type scanner struct {
	data string
	pos  int
	// tooLong is set when a text is longer than maxTextBytes; the text is
	// then not kept.
	tooLong bool
}

// maxTextBytes bounds the XML text of one cell or string item. A cell
// holds at most 32,767 characters, which XML writes in at most ten bytes
// each (&#x10FFFF;), so a longer text comes from no spreadsheet program;
// refusing it before it is copied bounds what a hostile part costs to
// about twice its size.
const maxTextBytes = 10 * crm.MaxCellChars

// errTextTooLong is a cell or string item over maxTextBytes.
var errTextTooLong = fmt.Errorf("holds more text than an Excel cell can (%d characters)", crm.MaxCellChars)

// next returns the next element tag: its local name, the raw tag, whether it
// closes an element and whether it is self-closing. Comments, processing
// instructions and CDATA are skipped. An empty name means the end.
func (sc *scanner) next() (name, tag string, closing, selfClosing bool) {
	for {
		// Tags most often follow one another (<c ...><is><t>): look past
		// the first byte only when it is not one.
		i := 0
		if sc.pos >= len(sc.data) || sc.data[sc.pos] != '<' {
			i = strings.IndexByte(sc.data[sc.pos:], '<')
		}
		if i < 0 {
			sc.pos = len(sc.data)
			return "", "", false, false
		}
		start := sc.pos + i
		if start+1 < len(sc.data) && (sc.data[start+1] == '!' || sc.data[start+1] == '?') {
			switch {
			case strings.HasPrefix(sc.data[start:], "<!--"):
				sc.skipPast(start, "-->")
			case strings.HasPrefix(sc.data[start:], "<![CDATA["):
				sc.skipPast(start, "]]>")
			case sc.data[start+1] == '?':
				sc.skipPast(start, "?>")
			default: // <!DOCTYPE ...>
				sc.skipPast(start, ">")
			}
			continue
		}
		end := tagEnd(sc.data[start:])
		if end < 0 {
			sc.pos = len(sc.data)
			return "", "", false, false
		}
		tag = sc.data[start+1 : start+end]
		sc.pos = start + end + 1
		closing = len(tag) > 0 && tag[0] == '/'
		selfClosing = len(tag) > 0 && tag[len(tag)-1] == '/'
		n := tag
		for len(n) > 0 && n[0] == '/' {
			n = n[1:]
		}
		for j, c := range n {
			if c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '/' {
				n = n[:j]
				break
			}
		}
		if j := strings.IndexByte(n, ':'); j >= 0 {
			n = n[j+1:]
		}
		if n == "" {
			n = ":" // no element's name: a tag without one (<:/>) must not read as the end
		}
		return n, tag, closing, selfClosing
	}
}

// tagEnd finds the '>' that ends the tag data starts with, past any '>'
// inside a quoted attribute value; -1 when there is none.
func tagEnd(data string) int {
	var quote byte
	for i := 0; i < len(data); i++ {
		c := data[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return i
		}
	}
	return -1
}

// isEndTag tells whether data starts with the end tag of element name,
// unprefixed.
func isEndTag(data, name string) bool {
	return len(data) >= len(name)+3 && data[1] == '/' && data[2:2+len(name)] == name && data[2+len(name)] == '>'
}

func (sc *scanner) skipPast(start int, end string) {
	if j := strings.Index(sc.data[start:], end); j >= 0 {
		sc.pos = start + j + len(end)
	} else {
		sc.pos = len(sc.data)
	}
}

// until returns the unescaped text of element name, whose start tag was
// just read, up to its end.
func (sc *scanner) until(name string) string {
	// Most often the text runs straight to the end tag.
	if i := strings.IndexByte(sc.data[sc.pos:], '<'); i >= 0 && isEndTag(sc.data[sc.pos+i:], name) {
		text := sc.data[sc.pos : sc.pos+i]
		sc.pos += i
		sc.next()
		if len(text) > maxTextBytes {
			sc.tooLong = true
			return ""
		}
		return unescape(lineEnds(text))
	}
	var b strings.Builder
	for {
		if b.Len() > maxTextBytes {
			sc.tooLong = true
			sc.skip()
			return ""
		}
		i := strings.IndexByte(sc.data[sc.pos:], '<')
		if i < 0 {
			b.WriteString(unescape(lineEnds(sc.data[sc.pos:])))
			sc.pos = len(sc.data)
			return b.String()
		}
		b.WriteString(unescape(lineEnds(sc.data[sc.pos : sc.pos+i])))
		sc.pos += i
		if strings.HasPrefix(sc.data[sc.pos:], "<![CDATA[") {
			end := strings.Index(sc.data[sc.pos:], "]]>")
			if end < 0 {
				end = len(sc.data) - sc.pos
			}
			b.WriteString(sc.data[sc.pos+9 : sc.pos+end])
			sc.pos += min(end+3, len(sc.data)-sc.pos)
			continue
		}
		// A comment or processing instruction inside the text is no part
		// of it, but the text goes on after it.
		if strings.HasPrefix(sc.data[sc.pos:], "<!--") {
			sc.skipPast(sc.pos, "-->")
			continue
		}
		if strings.HasPrefix(sc.data[sc.pos:], "<?") {
			sc.skipPast(sc.pos, "?>")
			continue
		}
		n, _, closing, self := sc.next()
		switch {
		case n == "" || closing:
			return b.String()
		case !self:
			sc.skip() // an element's text is not the text of the one around it
		}
	}
}

// text is a string item's text (whose start tag was just read): its <t> and
// its runs' <t>, leaving out phonetic runs and anything deeper, with Excel's
// _xHHHH_ escapes decoded, as excelize does. Where an element holds two <t>,
// which the schema does not allow, the last counts, as in encoding/xml.
func (sc *scanner) text() string {
	t, runs := sc.item(true)
	return bstr(t + runs)
}

// item reads the rest of an element whose start tag was just read: its last
// <t>, and, when withRuns, the text of its rich-text runs. Anything else is
// skipped.
func (sc *scanner) item(withRuns bool) (t, runs string) {
	var b strings.Builder
	for {
		n, _, closing, self := sc.next()
		switch {
		case n == "" || closing:
			return t, b.String()
		case n == "t" && self:
			t = ""
		case self:
		case n == "t":
			t = sc.until("t")
		case n == "r" && withRuns:
			run, _ := sc.item(false)
			if b.WriteString(run); b.Len() > maxTextBytes {
				sc.tooLong = true
				b.Reset()
			}
		default:
			sc.skip()
		}
	}
}

// skip passes over the rest of an element whose start tag was just read,
// its children included.
func (sc *scanner) skip() {
	for depth := 1; depth > 0; {
		n, _, closing, self := sc.next()
		switch {
		case n == "":
			return
		case closing:
			depth--
		case !self:
			depth++
		}
	}
}

// rawAttr is an attribute's value as it stands in a raw start tag, not
// unescaped; "" when absent.
func rawAttr(tag, name string) string {
	v, _ := rawAttrs(tag, name, "")
	return v
}

// rawAttrs reads two attributes in one pass over a raw start tag ("" for
// none). Attributes are read in order, one after the other, so a name
// inside another's value is never taken for an attribute; the name's prefix
// does not count, and of two, the last counts, as in encoding/xml.
func rawAttrs(tag, name1, name2 string) (v1, v2 string) {
	i := 1
	for i < len(tag) && !isSpace(tag[i]) { // past the element's name
		i++
	}
	for i < len(tag) {
		// An attribute: its name (from its last colon on) up to '=', a
		// quote, its value up to the same quote.
		for i < len(tag) && isSpace(tag[i]) {
			i++
		}
		start, local := i, i
		for i < len(tag) && tag[i] != '=' && !isSpace(tag[i]) {
			if tag[i] == ':' {
				local = i + 1
			}
			i++
		}
		attr := tag[local:i]
		for i < len(tag) && isSpace(tag[i]) {
			i++
		}
		if i == start || i == len(tag) || tag[i] != '=' {
			return v1, v2
		}
		for i++; i < len(tag) && isSpace(tag[i]); i++ {
		}
		if i == len(tag) || tag[i] != '"' && tag[i] != '\'' {
			return v1, v2
		}
		end := strings.IndexByte(tag[i+1:], tag[i])
		if end < 0 {
			return v1, v2
		}
		switch value := tag[i+1 : i+1+end]; {
		case len(attr) == 0:
		case attr == name1:
			v1 = value
		case attr == name2:
			v2 = value
		}
		i += end + 2
	}
	return v1, v2
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// lineEnds turns literal CR LF and CR into LF, as every XML parser does
// (a character reference such as &#13; stays).
func lineEnds(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// unescape decodes XML's predefined and numeric character references in one
// pass, so that the text a reference produces is never decoded again
// (&#38;lt; is "&lt;", not "<"). A reference that is not one is kept as it
// stands.
func unescape(s string) string {
	i := strings.IndexByte(s, '&')
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i >= 0 {
		b.WriteString(s[:i])
		s = s[i:]
		r, n := reference(s)
		if n == 0 {
			b.WriteByte('&')
			s = s[1:]
		} else {
			b.WriteString(r)
			s = s[n:]
		}
		i = strings.IndexByte(s, '&')
	}
	b.WriteString(s)
	return b.String()
}

// predefined are XML's five named entities.
var predefined = map[string]string{"lt": "<", "gt": ">", "amp": "&", "quot": `"`, "apos": "'"}

// reference decodes the character reference s starts with, and its length;
// 0 when s does not start with one.
func reference(s string) (string, int) {
	end := strings.IndexByte(s, ';')
	if end < 2 || end > 12 {
		return "", 0
	}
	name := s[1:end]
	if v, ok := predefined[name]; ok {
		return v, end + 1
	}
	if name[0] != '#' || len(name) < 2 {
		return "", 0
	}
	digits, base := name[1:], 10
	if digits[0] == 'x' {
		digits, base = digits[1:], 16
	}
	n, err := strconv.ParseUint(digits, base, 32)
	if err != nil || digits == "" || n > unicode.MaxRune || n >= 0xd800 && n <= 0xdfff {
		return "", 0
	}
	return string(rune(n)), end + 1
}

var bstrEscape = regexp.MustCompile(`_x[a-fA-F0-9]{4}_`)

// bstr decodes Excel's _xHHHH_ escapes of characters XML cannot hold.
func bstr(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	return bstrEscape.ReplaceAllStringFunc(s, func(m string) string {
		if m == "_x005F_" {
			return "_"
		}
		n, err := strconv.ParseUint(m[2:6], 16, 32)
		if err != nil {
			return m
		}
		return string(rune(n))
	})
}
