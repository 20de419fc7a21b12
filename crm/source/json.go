package source

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"sort"
	"strconv"
	"unicode/utf8"
)

// decodeJSON builds the value and the position index in one pass over the
// decoder's tokens, so that duplicate keys are seen (encoding/json would
// silently keep the last one).
func decodeJSON(data []byte) (*Doc, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	p := &jsonParser{dec: dec, data: data, lines: lineStarts(data), doc: &Doc{pos: map[string]Pos{}}}
	tok, at, err := p.next()
	if err != nil {
		return nil, err
	}
	p.doc.pos[""] = at
	v, err := p.value("", 0, tok, at)
	if err != nil {
		return nil, err
	}
	if _, at, err := p.next(); err == nil {
		return nil, &SyntaxError{Pos: at, Msg: "invalid JSON: more data after the document"}
	} else if !errors.Is(err, io.EOF) {
		return nil, err
	}
	p.doc.Value = v
	return p.doc, nil
}

type jsonParser struct {
	dec   *json.Decoder
	data  []byte
	lines []int
	doc   *Doc
	last  struct{ line, off, col int } // the previous position, to count columns on from
}

// next returns the next token and where it starts. InputOffset points just
// after the previous token, so separators and spaces are skipped first.
func (p *jsonParser) next() (json.Token, Pos, error) {
	off := int(p.dec.InputOffset())
	for off < len(p.data) && bytes.IndexByte([]byte(" \t\r\n,:"), p.data[off]) >= 0 {
		off++
	}
	at := p.posAt(off)
	tok, err := p.dec.Token()
	if err == nil || errors.Is(err, io.EOF) {
		return tok, at, err
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		at = p.posAt(int(se.Offset))
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		at = p.posAt(len(p.data))
	}
	return nil, at, &SyntaxError{Pos: at, Msg: "invalid JSON: " + err.Error()}
}

func (p *jsonParser) value(ptr string, depth int, tok json.Token, at Pos) (any, error) {
	if depth > maxDepth {
		return nil, &SyntaxError{Pos: at, Msg: "nesting deeper than " + strconv.Itoa(maxDepth) + " levels"}
	}
	delim, ok := tok.(json.Delim)
	if !ok {
		return tok, nil
	}
	if delim == '[' {
		out := []any{}
		for i := 0; ; i++ {
			tok, at, err := p.next()
			if err != nil {
				return nil, p.unexpectedEOF(err)
			}
			if tok == json.Delim(']') {
				return out, nil
			}
			child := ptr + "/" + strconv.Itoa(i)
			p.doc.pos[child] = at
			v, err := p.value(child, depth+1, tok, at)
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		}
	}
	out := map[string]any{}
	for {
		tok, at, err := p.next()
		if err != nil {
			return nil, p.unexpectedEOF(err)
		}
		if tok == json.Delim('}') {
			return out, nil
		}
		key := tok.(string) // the decoder guarantees a string key here
		child := ptr + "/" + Escape(key)
		vtok, vat, err := p.next()
		if err != nil {
			return nil, p.unexpectedEOF(err)
		}
		v, err := p.value(child, depth+1, vtok, vat)
		if err != nil {
			return nil, err
		}
		if _, dup := out[key]; dup {
			// The first one's key position was recorded under child.
			p.doc.Duplicates = append(p.doc.Duplicates, Duplicate{Pointer: child, Key: key, Pos: at, First: p.doc.pos[child]})
			continue
		}
		p.doc.pos[child] = at
		out[key] = v
	}
}

func (p *jsonParser) unexpectedEOF(err error) error {
	if errors.Is(err, io.EOF) {
		return &SyntaxError{Pos: p.posAt(len(p.data)), Msg: "invalid JSON: unexpected end of file"}
	}
	return err
}

func lineStarts(data []byte) []int {
	starts := []int{0}
	for i, b := range data {
		if b == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// posAt is the line and column of a byte offset. Tokens come in order, so a
// column is counted on from the previous token's when it is on the same
// line: counting from the line's start each time would take time quadratic
// in the line's length (a whole document on one line).
func (p *jsonParser) posAt(off int) Pos {
	off = min(off, len(p.data))
	line := sort.Search(len(p.lines), func(i int) bool { return p.lines[i] > off }) - 1
	from, col := p.lines[line], 0
	if l := p.last; l.line == line && l.off <= off {
		from, col = l.off, l.col
	}
	col += utf8.RuneCount(p.data[from:off])
	p.last.line, p.last.off, p.last.col = line, off, col
	return Pos{Line: line + 1, Col: col + 1}
}
