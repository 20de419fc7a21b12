package xlsx

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/crm-tool/crm/crm"
)

// RowWriter writes a sheet's data rows as worksheet XML and compresses them
// as it goes; the packer splices the pieces into the sheet's part. It writes
// what excelize's stream writer would for the same cells, byte for byte, at
// a fraction of the cost and without the stream writer's 16 MiB buffer.
type RowWriter struct {
	buf    []byte // a chunk from newChunk
	pieces []*Piece
	row    int
}

// Start opens row r; height 0 leaves it at the default height.
func (w *RowWriter) Start(r int, height float64) {
	if w.buf == nil {
		w.buf = newChunk()
	}
	w.row = r
	b := append(w.buf, `<row r="`...)
	b = strconv.AppendInt(b, int64(r), 10)
	b = append(b, '"')
	if height > 0 {
		b = append(b, ` ht="`...)
		b = strconv.AppendFloat(b, height, 'f', -1, 64)
		b = append(b, `" customHeight="1"`...)
	}
	w.buf = append(b, '>')
}

// Cell writes text in column col of the open row. Empty text writes an
// empty cell that keeps its style (its borders), or nothing without one.
// It appends to a local slice and stores it once: each store of the
// buffer into the writer would cost a write barrier while the collector
// runs.
func (w *RowWriter) Cell(col, style int, text string) {
	if text == "" && style == 0 {
		return
	}
	b := append(w.buf, `<c r="`...)
	b = appendColumn(b, col)
	b = strconv.AppendInt(b, int64(w.row), 10)
	b = append(b, '"')
	if style != 0 {
		b = append(b, ` s="`...)
		b = strconv.AppendInt(b, int64(style), 10)
		b = append(b, '"')
	}
	if text == "" {
		w.buf = append(b, `></c>`...)
		return
	}
	text = truncateCell(text)
	b = append(b, ` t="inlineStr"><is><t`...)
	if edgeSpace(text) {
		b = append(b, ` xml:space="preserve"`...)
	}
	b = append(b, '>')
	b = appendCellText(b, text)
	w.buf = append(b, `</t></is></c>`...)
}

// rowRoom is how much of a chunk is kept free for the row that fills it,
// so that the chunk seldom outgrows its buffer.
const rowRoom = 64 << 10

// End closes the row, handing a full chunk to the compressors.
func (w *RowWriter) End() {
	w.buf = append(w.buf, `</row>`...)
	if len(w.buf) >= chunkSize-rowRoom {
		w.cut()
	}
}

func (w *RowWriter) cut() {
	if len(w.buf) > 0 {
		w.pieces = append(w.pieces, compress(w.buf, false))
	}
	w.buf = nil
}

// Done returns the compressed rows.
func (w *RowWriter) Done() []*Piece {
	w.cut()
	return w.pieces
}

// CellName is the A1 name of a 1-based column and row.
func CellName(col, row int) string {
	var b [16]byte
	return string(strconv.AppendInt(appendColumn(b[:0], col), int64(row), 10))
}

// ColumnName is a 1-based column's letters.
func ColumnName(col int) string { return string(appendColumn(nil, col)) }

// appendColumn appends a 1-based column's letters.
func appendColumn(dst []byte, col int) []byte {
	if col > 26 {
		dst = appendColumn(dst, (col-1)/26)
	}
	return append(dst, byte('A'+(col-1)%26))
}

// truncateCell cuts text to what a cell holds, as excelize does.
func truncateCell(s string) string {
	if len(s) <= crm.MaxCellChars {
		return s // each UTF-8 byte is at most one UTF-16 unit
	}
	n := 0
	for i, r := range s {
		if n += utf16.RuneLen(r); n > crm.MaxCellChars {
			return s[:i]
		}
	}
	return s
}

// edgeSpace tells whether text starts or ends with whitespace a reader would
// drop unless told to keep it.
func edgeSpace(s string) bool {
	isSpace := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
	return isSpace(s[0]) || isSpace(s[len(s)-1])
}

// appendCellText appends text escaped as excelize escapes a cell's: XML's
// escapes (but a literal newline), U+FFFD for what XML cannot hold, and
// _xHHHH_ sequences guarded so that readers do not decode them.
func appendCellText(dst []byte, s string) []byte {
	start := len(dst)
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < utf8.RuneSelf && c != '&' && c != '<' && c != '>' && c != '"' && c != '\'' {
			dst = append(dst, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '&':
			dst = append(dst, "&amp;"...)
		case r == '<':
			dst = append(dst, "&lt;"...)
		case r == '>':
			dst = append(dst, "&gt;"...)
		case r == '"':
			dst = append(dst, "&#34;"...)
		case r == '\'':
			dst = append(dst, "&#39;"...)
		case r == '\t':
			dst = append(dst, "&#x9;"...)
		case r == '\n':
			dst = append(dst, '\n')
		case r == '\r':
			dst = append(dst, "&#xD;"...)
		case !xmlChar(r) || (r == utf8.RuneError && size == 1):
			dst = append(dst, "\uFFFD"...)
		default:
			dst = append(dst, s[i-size:i]...)
		}
	}
	if bytes.Contains(dst[start:], []byte("_x")) {
		escaped := guardEscapes(string(dst[start:]))
		dst = append(dst[:start], escaped...)
	}
	return dst
}

// xmlChar tells whether XML 1.0 can hold r.
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

var (
	escapeSeq     = regexp.MustCompile(`_x[a-fA-F\d]{4}_`)
	escapeSeqTail = regexp.MustCompile(`x[a-fA-F\d]{4}_`)
)

// guardEscapes prefixes the _xHHHH_ sequences of text with _x005F, the
// escaped underscore, so that a reader shows them as typed, following
// excelize's rules (including for _x005F_ itself).
func guardEscapes(s string) string {
	var out strings.Builder
	cursor := 0
	for _, m := range escapeSeq.FindAllStringIndex(s, -1) {
		out.WriteString(s[cursor:m[0]])
		cursor = m[1]
		seq := s[m[0]:m[1]]
		if seq == "_x005F_" {
			if m[1]+6 <= len(s) && escapeSeqTail.MatchString(s[m[1]:m[1]+6]) && validCodePoint(s[m[1]+1:m[1]+5]) {
				out.WriteString(seq + "x005F" + seq)
			} else {
				out.WriteString(seq + "x005F_")
			}
			continue
		}
		if validCodePoint(seq[2:6]) {
			out.WriteString("_x005F" + seq)
		} // excelize drops a sequence that names a surrogate
	}
	out.WriteString(s[cursor:])
	return out.String()
}

// validCodePoint tells whether four hex digits name a rune Go can unquote:
// anything but a surrogate.
func validCodePoint(hex string) bool {
	v, err := strconv.ParseUint(hex, 16, 32)
	return err == nil && (v < 0xD800 || v > 0xDFFF)
}
