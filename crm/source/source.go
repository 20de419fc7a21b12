// Package source decodes YAML and JSON documents into the plain values a JSON
// Schema validator accepts (nil, bool, json.Number, string, []any,
// map[string]any) and remembers where every value stands in the text, keyed
// by JSON pointer, so findings can point at file:line:column.
package source

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// Limits that keep hostile input from exhausting memory or the stack.
const (
	MaxBytes = 32 << 20 // largest file read (a workbook, zipped)
	// MaxDocumentBytes bounds a YAML or JSON document: 50 times the largest
	// real CRM (163 KB), and read within 2 s and 200 MiB whatever it holds.
	MaxDocumentBytes = 8 << 20
	maxDepth         = 100 // deepest nesting of mappings and sequences
	// MaxValues bounds the values (mappings, sequences, scalars, keys) of
	// one document, aliases expanded. A parser holds every value in
	// memory at some 200 bytes each, so this, not the file size, bounds
	// what reading a document costs: 250,000 values is about 100 MiB, and
	// fourteen times the largest real CRM (17,600 values in 163 KB,
	// cloud.gov Pages).
	MaxValues = 250_000
)

// Pos is a 1-based line and column; columns count runes.
type Pos struct{ Line, Col int }

// Duplicate is a mapping key given twice.
type Duplicate struct {
	Pointer string // the second occurrence
	Key     string
	Pos     Pos
	First   Pos
}

// Doc is a decoded document.
type Doc struct {
	Value      any
	Duplicates []Duplicate
	pos        map[string]Pos
}

// Pos returns where pointer's value (for an object member: its key) stands.
// A pointer with no entry of its own, such as a missing property, gets the
// position of its longest known prefix.
func (d *Doc) Pos(pointer string) Pos {
	for {
		if p, ok := d.pos[pointer]; ok {
			return p
		}
		i := strings.LastIndexByte(pointer, '/')
		if i < 0 {
			return Pos{Line: 1, Col: 1}
		}
		pointer = pointer[:i]
	}
}

// Has reports whether pointer has a position of its own.
func (d *Doc) Has(pointer string) bool {
	_, ok := d.pos[pointer]
	return ok
}

// SyntaxError is a document that cannot be decoded at all.
type SyntaxError struct {
	Pos Pos
	Msg string
}

func (e *SyntaxError) Error() string { return fmt.Sprintf("%d:%d: %s", e.Pos.Line, e.Pos.Col, e.Msg) }

// IsJSON tells from the file name, or else from the first character, whether
// data is JSON rather than YAML.
func IsJSON(name string, data []byte) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".json":
		return true
	case ".yaml", ".yml":
		return false
	}
	t := bytes.TrimLeft(data, " \t\r\n\ufeff")
	return len(t) > 0 && (t[0] == '{' || t[0] == '[')
}

// Decode reads a YAML or JSON document.
func Decode(name string, data []byte) (*Doc, error) {
	if len(data) > MaxDocumentBytes {
		return nil, &SyntaxError{Pos: Pos{1, 1}, Msg: fmt.Sprintf("the file is %d bytes; a YAML or JSON input may have at most %d (%d MiB)", len(data), MaxDocumentBytes, MaxDocumentBytes>>20)}
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if bytes.IndexByte(data, 0) >= 0 || !utf8.Valid(data) {
		return nil, &SyntaxError{Pos: Pos{1, 1}, Msg: "not a text file: YAML or JSON input must be UTF-8 text"}
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, &SyntaxError{Pos: Pos{1, 1}, Msg: "the file is empty"}
	}
	if n := valueBound(data); n > MaxValues {
		return nil, &SyntaxError{Pos: Pos{1, 1}, Msg: fmt.Sprintf("the document may hold up to %d values; crm reads at most %d", n, MaxValues)}
	}
	if IsJSON(name, data) {
		return decodeJSON(data)
	}
	return decodeYAML(data)
}

// indicators are the characters that bring in a value in YAML and JSON:
// a mapping value (and its key) after ':', an item after '-' or ',', a
// flow collection's first item after '[' or '{', an explicit key after '?'.
var indicators = [256]bool{':': true, ',': true, '-': true, '[': true, '{': true, '?': true}

// valueBound is an upper bound on the values a YAML or JSON document holds
// before aliases are expanded: every value but the root comes after an
// indicator, which brings in at most two (a key and its value). It counts
// indicators inside strings too, so prose raises the bound (real CRMs:
// about one value per ten bytes), but it never falls short, and it is
// known before a parser allocates anything.
func valueBound(data []byte) int {
	n := 0
	for _, c := range data {
		if indicators[c] {
			n++
		}
	}
	return 2*n + 1
}

// Escape escapes one JSON pointer token (RFC 6901).
func Escape(token string) string {
	if !strings.ContainsAny(token, "~/") {
		return token
	}
	return strings.ReplaceAll(strings.ReplaceAll(token, "~", "~0"), "/", "~1")
}

// Unescape reverses Escape.
func Unescape(token string) string {
	if !strings.Contains(token, "~") {
		return token
	}
	return strings.ReplaceAll(strings.ReplaceAll(token, "~1", "/"), "~0", "~")
}

// Tokens splits a JSON pointer into unescaped tokens.
func Tokens(pointer string) []string {
	if pointer == "" {
		return nil
	}
	parts := strings.Split(strings.TrimPrefix(pointer, "/"), "/")
	for i, p := range parts {
		parts[i] = Unescape(p)
	}
	return parts
}

// ReadFile reads the regular file at path, of at most limit bytes. Anything
// else is refused before it is read: a device such as /dev/zero never ends,
// and opening a FIFO without a writer blocks forever. A file that grows
// past its stated size while it is read is cut at limit and refused too.
func ReadFile(path string, limit int64) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file (%s)", path, kind(st.Mode()))
	}
	if st.Size() > limit {
		return nil, fmt.Errorf("%s is larger than %d MiB, the most crm reads", path, limit>>20)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s is larger than %d MiB, the most crm reads", path, limit>>20)
	}
	return data, nil
}

// kind names what a non-regular file is.
func kind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a FIFO"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSocket != 0:
		return "a socket"
	}
	return "not a plain file"
}
