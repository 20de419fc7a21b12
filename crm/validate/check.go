package validate

import (
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/crm-tool/crm/crm"
	"github.com/crm-tool/crm/crm/catalog"
	"github.com/crm-tool/crm/crm/source"
)

// Result is what validating one input file found.
type Result struct {
	File     string
	Doc      *crm.Document // nil when the file could not be decoded or broke the schema
	Rows     []crm.Row     // every baseline row, resolved; nil with Doc
	Findings []crm.Finding
	Waived   int // findings a project-file waiver removed
	src      *source.Doc
}

// Locate gives the line and column of a JSON pointer in the file, or zeros
// when the file could not be decoded.
func (r *Result) Locate(pointer string) (line, col int) {
	if r.src == nil {
		return 0, 0
	}
	p := r.src.Pos(pointer)
	return p.Line, p.Col
}

// checker accumulates the findings of one file.
type checker struct {
	file     string
	src      *source.Doc
	doc      *crm.Document
	cat      *catalog.Catalog
	set      *catalog.BaselineSet
	findings []crm.Finding
	groups   map[groupKey][]string // row findings, grouped by where they come from
	order    []groupKey
}

type groupKey struct{ rule, pointer, message string }

// check decodes, schema-checks, resolves and rule-checks one document.
func check(name string, data []byte, cat *catalog.Catalog) (*Result, error) {
	c := &checker{file: name, cat: cat, groups: map[groupKey][]string{}}
	res := &Result{File: name}
	src, err := source.Decode(name, data)
	if err != nil {
		var se *source.SyntaxError
		if !errors.As(err, &se) {
			return nil, err
		}
		c.findings = append(c.findings, crm.Finding{File: name, Line: se.Pos.Line, Col: se.Pos.Col, Rule: "syntax", Severity: crm.Error, Message: se.Msg})
		res.Findings = c.findings
		return res, nil
	}
	c.src, res.src = src, src
	for _, d := range src.Duplicates {
		c.addAt(d.Pos, "duplicate-key", d.Pointer, fmt.Sprintf("key %q appears again; the first one, on line %d, is used", d.Key, d.First.Line))
	}
	schema, err := inputSchema()
	if err != nil {
		return nil, err
	}
	problems, err := schemaProblems(schema, src.Value)
	if err != nil {
		return nil, err
	}
	for _, p := range problems {
		c.add("schema", p.Pointer, p.Message)
	}
	if len(problems) == 0 {
		c.doc, err = toDocument(src.Value)
		if err != nil {
			return nil, err
		}
		c.set = cat.Baseline(catalog.Baseline(c.doc.System.Baseline))
		layers := c.layers()
		rows := crm.Resolve(c.set, layers)
		c.documentRules()
		c.rowRules(rows)
		c.textRules()
		c.flushGroups()
		res.Doc, res.Rows = c.doc, rows
	}
	crm.SortFindings(c.findings)
	res.Findings = c.findings
	return res, nil
}

// toDocument turns a schema-valid value into the typed document.
func toDocument(v any) (*crm.Document, error) {
	var doc crm.Document
	if err := decodeValue(v, &doc); err != nil {
		return nil, err
	}
	return &doc, nil
}

// decodeValue fills a typed struct from a schema-valid JSON value.
func decodeValue(v, into any) error {
	raw, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("re-encode input: %w", err)
	}
	if err := json.Unmarshal(raw, into); err != nil {
		return fmt.Errorf("decode valid input: %w", err)
	}
	return nil
}

func (c *checker) add(rule, pointer, message string, rows ...string) {
	c.addAt(c.src.Pos(pointer), rule, pointer, message, rows...)
}

func (c *checker) addAt(pos source.Pos, rule, pointer, message string, rows ...string) {
	r := rulesByID[rule]
	c.findings = append(c.findings, crm.Finding{
		File: c.file, Line: pos.Line, Col: pos.Col, Pointer: pointer,
		Rule: rule, Severity: r.Severity, Message: message, Rows: rows,
	})
}

// addRow records a row-level finding; rows with the same rule, source entry
// and message become one finding.
func (c *checker) addRow(rule, pointer, message, row string) {
	k := groupKey{rule, pointer, message}
	if _, ok := c.groups[k]; !ok {
		c.order = append(c.order, k)
	}
	c.groups[k] = append(c.groups[k], row)
}

func (c *checker) flushGroups() {
	for _, k := range c.order {
		rows := c.groups[k]
		c.add(k.rule, k.pointer, listRows(rows, 6)+": "+k.message, rows...)
	}
}

// listRows names up to max rows and counts the rest.
func listRows(rows []string, max int) string {
	if len(rows) <= max {
		return strings.Join(rows, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(rows[:max], ", "), len(rows)-max)
}

// sortedKeys returns a map's keys in the order they appear in the file.
func (c *checker) sortedKeys(ptr string, m map[string]crm.Entry) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		pi, pj := c.src.Pos(ptr+"/"+source.Escape(keys[i])), c.src.Pos(ptr+"/"+source.Escape(keys[j]))
		if pi != pj {
			return pi.Line < pj.Line || pi.Line == pj.Line && pi.Col < pj.Col
		}
		return keys[i] < keys[j]
	})
	return keys
}
