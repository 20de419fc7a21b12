package validate

import (
	"bytes"
	"encoding/json"
	"sort"
	"strconv"

	"github.com/crm-tool/crm/crm"
	"github.com/crm-tool/crm/crm/schemacheck"
)

// The input schema checks each control entry on its own, against the same
// subschema, whatever its key (TestControlsAreCheckedOneByOne holds it to
// that). A CRM repeats entries (every inherited row of
// a family often reads the same), so a document whose distinct entries pass
// passes whole; only a document that fails is checked entry by entry, to
// point at each failing one. Checking the distinct entries first is most of
// the schema's cost saved on an imported workbook.

// documentProblems is the schema's problems with a typed document (an
// imported workbook), checked as the JSON it would be written as: its
// distinct entries first, the whole document only when they fail.
func documentProblems(s *schemacheck.Schema, doc *crm.Document) ([]schemacheck.Problem, error) {
	slim := *doc
	slim.Controls = make(map[string]crm.Entry, len(doc.Controls))
	seen := make(map[string]bool, len(doc.Controls))
	for key, entry := range doc.Controls {
		raw, err := json.Marshal(entry)
		if err != nil {
			return nil, err
		}
		if !seen[string(raw)] {
			seen[string(raw)] = true
			slim.Controls[key] = entry
		}
	}
	v, err := jsonValue(&slim)
	if err != nil {
		return nil, err
	}
	if s.Valid(v) {
		return nil, nil
	}
	if v, err = jsonValue(doc); err != nil {
		return nil, err
	}
	return s.Problems(v)
}

// jsonValue is v as decoded JSON, what the schema checks: maps, slices,
// strings, json.Number.
func jsonValue(v any) (any, error) {
	raw, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var value any
	err = dec.Decode(&value)
	return value, err
}

// inputProblems is the schema's problems with an input document.
func inputProblems(s *schemacheck.Schema, v any) ([]schemacheck.Problem, error) {
	if slim, ok := distinctControls(v); ok && s.Valid(slim) {
		return nil, nil
	}
	return s.Problems(v)
}

// distinctControls returns the document with one control entry for each
// distinct entry value, and whether that removed any.
func distinctControls(v any) (any, bool) {
	doc, ok := v.(map[string]any)
	if !ok {
		return nil, false
	}
	controls, ok := doc["controls"].(map[string]any)
	if !ok {
		return nil, false
	}
	seen := make(map[string]bool, len(controls))
	kept := map[string]any{}
	var b []byte
	for key, entry := range controls {
		var ok bool
		if b, ok = canonical(b[:0], entry); !ok {
			return nil, false
		}
		if !seen[string(b)] {
			seen[string(b)] = true
			kept[key] = entry
		}
	}
	if len(kept) == len(controls) {
		return nil, false
	}
	slim := make(map[string]any, len(doc))
	for k, x := range doc {
		slim[k] = x
	}
	slim["controls"] = kept
	return slim, true
}

// canonical appends a decoded JSON or YAML value so that equal values, and
// only they, append the same; false for a value of a kind it does not know.
func canonical(b []byte, v any) ([]byte, bool) {
	ok := true
	switch x := v.(type) {
	case nil:
		b = append(b, 'n')
	case bool:
		b = strconv.AppendBool(b, x)
	case string:
		b = strconv.AppendQuote(b, x)
	case json.Number:
		b = append(append(b, '#'), x...)
	case []any:
		b = append(b, '[')
		for _, item := range x {
			if b, ok = canonical(b, item); !ok {
				return b, false
			}
			b = append(b, ',')
		}
		b = append(b, ']')
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		b = append(b, '{')
		for _, k := range keys {
			b = append(strconv.AppendQuote(b, k), ':')
			if b, ok = canonical(b, x[k]); !ok {
				return b, false
			}
			b = append(b, ',')
		}
		b = append(b, '}')
	default:
		return b, false
	}
	return b, true
}
