package validate

import (
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/crm-tool/crm/crm"
	"github.com/crm-tool/crm/crm/catalog"
	"github.com/crm-tool/crm/crm/controlid"
	"github.com/crm-tool/crm/crm/importer"
	"github.com/crm-tool/crm/crm/schemacheck"
	"github.com/crm-tool/crm/crm/source"
)

// Result is what validating one input file or workbook found.
type Result struct {
	File     string
	Doc      *crm.Document // nil when the file could not be decoded or broke the schema
	Rows     []crm.Row     // every baseline row, resolved; nil with Doc
	Findings []crm.Finding
	Waived   int      // findings a project-file waiver removed
	Notes    []string // for workbooks: what the import could not place
	// Imported is the workbook as imported, before validation; nil for
	// input documents.
	Imported *importer.Result
	// Upstreams are the CRMs of the leveraged authorizations, by their id.
	Upstreams map[string]*Upstream
	// Sources are the files the result was read from: the file itself, then
	// every leveraged provider's CRM down the chain, readable or not. A
	// command must never write over any of them.
	Sources []string
	loc     locator
}

// Locate gives the line and column of a JSON pointer in an input file, or
// zeros for a workbook or a file that could not be decoded.
func (r *Result) Locate(pointer string) (line, col int) {
	if r.loc == nil {
		return 0, 0
	}
	var f crm.Finding
	r.loc.place(&f, pointer)
	return f.Line, f.Col
}

// checker accumulates the findings of one file.
type checker struct {
	file     string
	loc      locator
	doc      *crm.Document
	cat      *catalog.Catalog
	set      *catalog.BaselineSet
	findings []crm.Finding
	groups   map[groupKey][]string // row findings, grouped by where they come from
	order    []groupKey
	chain    *chain   // loads leveraged providers' CRMs; nil for workbooks
	sources  []string // the upstream CRMs named down the chain
	workbook bool     // the document was read from a workbook, which has no defaults
	// bare: a workbook without crm's Provenance sheet, which has no place
	// for explanations, planned dates or leveraged entries' details.
	bare    bool
	skipped map[string]int        // rows a check could not look at, by rule
	listed  map[controlid.ID]bool // rows and controls the document has entries for
	// answeredNo are the rows only provider columns mark, answered No.
	answeredNo []string
	// also are the second places of grouped findings, by group.
	also map[groupKey]string
	keys []string // control keys in file order, once sorted
}

type groupKey struct{ rule, pointer, message string }

// check decodes, schema-checks, resolves and rule-checks one document.
func check(name string, data []byte, cat *catalog.Catalog, ch *chain) (*Result, error) {
	c := &checker{file: name, cat: cat, groups: map[groupKey][]string{}, chain: ch}
	res := &Result{File: name, Sources: []string{name}}
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
	c.loc = sourceLocator{src}
	for _, d := range src.Duplicates {
		c.addAt(d.Pos, "duplicate-key", d.Pointer, fmt.Sprintf("key %q appears again; the first one, on line %d, is used", d.Key, d.First.Line))
	}
	schema, err := schemacheck.Input()
	if err != nil {
		return nil, err
	}
	problems, err := inputProblems(schema, src.Value)
	if err != nil {
		return nil, err
	}
	return c.run(res, problems, src.Value, nil)
}

// run reports the schema's problems with a decoded value; when there are
// none, it resolves the value and applies every rule. doc, when not nil, is
// the value as a document already, and value is not needed.
func (c *checker) run(res *Result, problems []schemacheck.Problem, value any, doc *crm.Document) (*Result, error) {
	res.loc = c.loc
	var err error
	for _, p := range problems {
		c.add("schema", p.Pointer, p.Message)
	}
	if len(problems) == 0 {
		cat := c.cat
		c.doc = doc
		if c.doc == nil {
			if c.doc, err = toDocument(value); err != nil {
				return nil, err
			}
		}
		c.set = cat.Baseline(catalog.Baseline(c.doc.System.Baseline))
		if c.doc.Revision == 4 {
			c.set = cat.Rev4Set()
			if b := catalog.Baseline(c.doc.System.Baseline); b != catalog.Low && b != catalog.Moderate {
				c.add("schema", "/system/baseline", "a revision 4 CRM follows the Rev 4 Low-or-Moderate template: the baseline must be low or moderate")
			}
		}
		ups := c.upstreams()
		layers := c.layers()
		layers.Upstream = c.upstreamLayer(ups)
		rows := crm.Resolve(c.set, layers)
		c.documentRules()
		c.paramRules()
		c.rowRules(rows)
		c.upstreamRules(rows, ups)
		res.Upstreams = ups
		c.textRules()
		c.answeredNoNote()
		c.flushGroups()
		c.notMade()
		res.Doc, res.Rows = c.doc, rows
	}
	crm.SortFindings(c.findings)
	res.Findings = c.findings
	res.Sources = append([]string{c.file}, c.sources...)
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
	f := crm.Finding{File: c.file, Pointer: pointer, Rule: rule, Severity: crm.SeverityOf(rule), Message: message, Rows: rows}
	c.loc.place(&f, pointer)
	c.findings = append(c.findings, f)
}

// addAt records a finding at a position of its own (a duplicate key, whose
// pointer names the first occurrence).
func (c *checker) addAt(pos source.Pos, rule, pointer, message string, rows ...string) {
	c.findings = append(c.findings, crm.Finding{
		File: c.file, Line: pos.Line, Col: pos.Col, Pointer: pointer,
		Rule: rule, Severity: crm.SeverityOf(rule), Message: message, Rows: rows,
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

// addRowAlso is addRow for a finding that stands in two places: the
// pointer, and also (a related location: a CRM answer's CIS marks).
func (c *checker) addRowAlso(rule, pointer, also, message, row string) {
	if c.also == nil {
		c.also = map[groupKey]string{}
	}
	c.also[groupKey{rule, pointer, message}] = also
	c.addRow(rule, pointer, message, row)
}

func (c *checker) flushGroups() {
	for _, k := range c.order {
		rows := c.groups[k]
		c.add(k.rule, k.pointer, listRows(rows, 6)+": "+k.message, rows...)
		if also, ok := c.also[k]; ok {
			f := &c.findings[len(c.findings)-1]
			var rel crm.Finding
			c.loc.place(&rel, also)
			if rel.Line != f.Line || rel.Col != f.Col || rel.Sheet != f.Sheet || rel.Cell != f.Cell {
				f.Related = append(f.Related, crm.Place{Line: rel.Line, Col: rel.Col, Pointer: also, Sheet: rel.Sheet, Cell: rel.Cell})
			}
		}
	}
}

// listRows names up to max rows and counts the rest.
func listRows(rows []string, max int) string {
	if len(rows) <= max {
		return strings.Join(rows, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(rows[:max], ", "), len(rows)-max)
}

// controlKeys returns the document's control keys in the order they
// appear in the file, sorted once per document.
func (c *checker) controlKeys() []string {
	if c.keys != nil {
		return c.keys
	}
	type ranked struct {
		key   string
		order int
	}
	all := make([]ranked, 0, len(c.doc.Controls))
	for k := range c.doc.Controls {
		all = append(all, ranked{k, c.loc.order("/controls/" + source.Escape(k))})
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].order != all[j].order {
			return all[i].order < all[j].order
		}
		return all[i].key < all[j].key
	})
	c.keys = make([]string, len(all))
	for i, r := range all {
		c.keys[i] = r.key
	}
	return c.keys
}
