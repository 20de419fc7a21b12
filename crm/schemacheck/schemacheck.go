// Package schemacheck applies crm's JSON Schemas (its input and project
// files) and FedRAMP's CR26 schemas, all embedded by package schemas, and
// turns the validator's errors into one problem per failing value. It holds
// every call into santhosh-tekuri/jsonschema/v5, so that a move to v6
// touches only it.
package schemacheck

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/crm-tool/crm/crm/source"
	"github.com/crm-tool/crm/schemas"
	"github.com/santhosh-tekuri/jsonschema/v5"
)

func noRemote(u string) (io.ReadCloser, error) {
	return nil, fmt.Errorf("schema %s is not embedded", u)
}

// Schema is a compiled schema, safe for concurrent use.
type Schema struct{ s *jsonschema.Schema }

// Valid reports whether v follows the schema.
func (s *Schema) Valid(v any) bool { return s.s.Validate(v) == nil }

func newCompiler() *jsonschema.Compiler {
	c := jsonschema.NewCompiler()
	c.AssertFormat = true
	c.LoadURL = noRemote
	return c
}

// compile compiles an embedded schema, registered under its id, with c's
// resources besides.
func compile(c *jsonschema.Compiler, file, id string) (*Schema, error) {
	raw, err := schemas.FS.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("read embedded schema: %w", err)
	}
	if err := c.AddResource(id, bytes.NewReader(raw)); err != nil {
		return nil, fmt.Errorf("schema %s: %w", file, err)
	}
	s, err := c.Compile(id)
	if err != nil {
		return nil, fmt.Errorf("schema %s: %w", file, err)
	}
	return &Schema{s}, nil
}

// The schemas, each compiled on first use and shared.
var (
	Input  = sync.OnceValues(func() (*Schema, error) { return compile(newCompiler(), schemas.Input, schemas.InputID) })
	Config = sync.OnceValues(func() (*Schema, error) { return compile(newCompiler(), schemas.Config, schemas.ConfigID) })
	SDR    = sync.OnceValues(func() (*Schema, error) { return compileCR26(schemas.SDR, schemas.SDRID) })
	SCN    = sync.OnceValues(func() (*Schema, error) { return compileCR26(schemas.SCN, schemas.SCNID) })
)

// compileCR26 compiles one of FedRAMP's CR26 schemas with the common
// definitions it refers to. The drafts refer to a definition as
// ".../fedramp-common-definitions-schema-2026-06-24.json/$defs/NAME",
// without the '#' of a JSON pointer fragment, so that URL names another
// document: each definition is registered under it as well.
func compileCR26(file, id string) (*Schema, error) {
	c := newCompiler()
	common, err := schemas.FS.ReadFile(schemas.Common)
	if err != nil {
		return nil, fmt.Errorf("read embedded schema: %w", err)
	}
	var defs struct {
		Defs map[string]json.RawMessage `json:"$defs"`
	}
	if err := json.Unmarshal(common, &defs); err != nil {
		return nil, fmt.Errorf("schema %s: %w", schemas.Common, err)
	}
	if err := c.AddResource(schemas.CommonID, bytes.NewReader(common)); err != nil {
		return nil, fmt.Errorf("schema %s: %w", schemas.Common, err)
	}
	for name, def := range defs.Defs {
		if err := c.AddResource(schemas.CommonID+"/$defs/"+name, bytes.NewReader(def)); err != nil {
			return nil, fmt.Errorf("schema %s, $defs/%s: %w", schemas.Common, name, err)
		}
	}
	return compile(c, file, id)
}

// Lines are problems as "pointer: message" lines.
func Lines(ps []Problem) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = cmp.Or(p.Pointer, "/") + ": " + p.Message
	}
	return out
}

// Problem is one schema violation: where, and what a reader should fix.
type Problem struct {
	Pointer string
	Message string
	// unevaluated marks an "unknown property" from unevaluatedProperties,
	// which the library also reports for known properties whose value failed.
	unevaluated bool
}

// Problems validates v and returns one problem per failing leaf, sorted by
// pointer and message (the library's order is random).
func (s *Schema) Problems(v any) ([]Problem, error) {
	err := s.s.Validate(v)
	if err == nil {
		return nil, nil
	}
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return nil, fmt.Errorf("validate: %w", err)
	}
	var all []Problem
	collect(ve, &all)
	out := dropEchoes(all)
	sort.Slice(out, func(i, j int) bool {
		if out[i].Pointer != out[j].Pointer {
			return out[i].Pointer < out[j].Pointer
		}
		return out[i].Message < out[j].Message
	})
	return dedupe(out), nil
}

// dropEchoes removes "unknown property" problems that only echo a failure
// inside that property's own value.
func dropEchoes(ps []Problem) []Problem {
	var out []Problem
	for _, p := range ps {
		if p.unevaluated && failsInside(ps, p.Pointer) {
			continue
		}
		out = append(out, p)
	}
	return out
}

func failsInside(ps []Problem, ptr string) bool {
	for _, q := range ps {
		if !q.unevaluated && (q.Pointer == ptr || strings.HasPrefix(q.Pointer, ptr+"/")) {
			return true
		}
	}
	return false
}

func dedupe(ps []Problem) []Problem {
	out := ps[:0]
	for i, p := range ps {
		if i == 0 || p != ps[i-1] {
			out = append(out, p)
		}
	}
	return out
}

// collect walks the error tree. Inner nodes carry generic text, so only
// leaves are reported; for oneOf/anyOf a branch that failed only because
// the value had the other shape (a string where a list was allowed) is
// dropped when another branch says something more useful.
func collect(e *jsonschema.ValidationError, out *[]Problem) {
	if len(e.Causes) == 0 {
		*out = append(*out, leafProblem(e))
		return
	}
	kw := e.KeywordLocation
	if strings.HasSuffix(kw, "/oneOf") || strings.HasSuffix(kw, "/anyOf") {
		var useful []*jsonschema.ValidationError
		for _, c := range e.Causes {
			if !onlyTypeMismatch(c) && !missesRequired(c) {
				useful = append(useful, c)
			}
		}
		if len(useful) == 0 {
			*out = append(*out, Problem{Pointer: pointer(e.InstanceLocation), Message: alternatives(e.Causes)})
			return
		}
		for _, c := range useful {
			collect(c, out)
		}
		return
	}
	for _, c := range e.Causes {
		collect(c, out)
	}
}

func onlyTypeMismatch(e *jsonschema.ValidationError) bool { return allLeaves(e, "/type") }

// missesRequired is a oneOf branch that asked for a property the value
// lacks, such as a default's families-or-controls choice: a branch for
// another shape of value.
func missesRequired(e *jsonschema.ValidationError) bool {
	for _, l := range appendLeaves(nil, e) {
		if strings.HasSuffix(l.KeywordLocation, "/required") {
			return true
		}
	}
	return false
}

func allLeaves(e *jsonschema.ValidationError, keyword string) bool {
	if len(e.Causes) == 0 {
		return strings.HasSuffix(e.KeywordLocation, keyword)
	}
	for _, c := range e.Causes {
		if !allLeaves(c, keyword) {
			return false
		}
	}
	return true
}

var expectedType = regexp.MustCompile(`^expected (\w+), but got (\w+)$`)

// alternatives says which shapes or properties a oneOf would have accepted.
func alternatives(causes []*jsonschema.ValidationError) string {
	var want, required []string
	got := ""
	var leaves []*jsonschema.ValidationError
	for _, c := range causes {
		leaves = appendLeaves(leaves, c)
	}
	for _, l := range leaves {
		if strings.HasSuffix(l.KeywordLocation, "/required") {
			required = append(required, quotedList(l.Message)...)
		}
	}
	if len(required) == len(leaves) {
		return "needs one of the properties " + strings.Join(quoteEach(required), ", ")
	}
	for _, l := range leaves {
		if m := expectedType.FindStringSubmatch(l.Message); m != nil {
			want = append(want, article(m[1]))
			got = m[2]
		}
	}
	if len(want) == 0 {
		return "does not match any allowed form"
	}
	return fmt.Sprintf("expected %s, but got %s", strings.Join(want, " or "), article(got))
}

func appendLeaves(dst []*jsonschema.ValidationError, e *jsonschema.ValidationError) []*jsonschema.ValidationError {
	if len(e.Causes) == 0 {
		return append(dst, e)
	}
	for _, c := range e.Causes {
		dst = appendLeaves(dst, c)
	}
	return dst
}

func article(jsonType string) string {
	switch jsonType {
	case "array":
		return "a list"
	case "object":
		return "a mapping"
	case "integer":
		return "an integer"
	case "null":
		return "null"
	}
	return "a " + jsonType
}

var (
	quotedNames = regexp.MustCompile(`'((?:[^'\\]|\\.)*)'`)
	formatMsg   = regexp.MustCompile(`^(.*) is not valid '(\w+)'$`)
	minLenMsg   = regexp.MustCompile(`^length must be >= 1, but got 0$`)
	minItemsMsg = regexp.MustCompile(`^minimum (\d+) items required, but found \d+ items$`)
)

// leafProblem rewrites one leaf in words a compliance analyst understands,
// pointing at the offending key where the library points at its parent.
func leafProblem(e *jsonschema.ValidationError) Problem {
	ptr := pointer(e.InstanceLocation)
	msg := e.Message
	kw := e.KeywordLocation
	switch {
	case strings.HasSuffix(kw, "/additionalProperties"):
		names := quotedList(msg)
		slices.Sort(names) // the library lists them in map order
		if len(names) == 1 {
			return Problem{Pointer: ptr + "/" + source.Escape(names[0]), Message: fmt.Sprintf("unknown property %q", names[0])}
		}
		return Problem{Pointer: ptr, Message: "unknown properties " + quoteAll(names)}
	case strings.HasSuffix(kw, "/unevaluatedProperties"):
		toks := source.Tokens(ptr)
		return Problem{Pointer: ptr, Message: fmt.Sprintf("unknown property %q", toks[len(toks)-1]), unevaluated: true}
	case strings.HasSuffix(kw, "/const"):
		msg = "must be " + strings.Trim(strings.TrimPrefix(msg, "value must be "), `"`)
	case strings.HasSuffix(e.AbsoluteKeywordLocation, "#/$defs/default/oneOf/2/maxProperties"):
		msg = "a service_model default takes no other fields; put them in a default of their own"
	case strings.HasSuffix(e.AbsoluteKeywordLocation, "/properties/service_model") && msg == "not allowed":
		msg = "service_model cannot be combined with families or controls"
	case strings.HasSuffix(e.AbsoluteKeywordLocation, "#/$defs/default/oneOf"):
		msg = "give only one of families, controls or service_model"
	case strings.HasSuffix(e.AbsoluteKeywordLocation, "#/$defs/id/pattern"):
		msg = "must be a short lower-case name: letters, digits, '-' and '_'"
	case strings.HasSuffix(kw, "/required"):
		names := quotedList(msg)
		noun := "property"
		if len(names) > 1 {
			noun = "properties"
		}
		return Problem{Pointer: ptr, Message: fmt.Sprintf("missing required %s %s", noun, quoteAll(names))}
	case strings.HasSuffix(kw, "/format"):
		if m := formatMsg.FindStringSubmatch(msg); m != nil && m[2] == "date" {
			msg = m[1] + " is not a date in the form YYYY-MM-DD"
		}
	case strings.HasSuffix(kw, "/minLength") && minLenMsg.MatchString(msg):
		msg = "must not be empty"
	case strings.HasSuffix(kw, "/type"):
		if m := expectedType.FindStringSubmatch(msg); m != nil {
			msg = fmt.Sprintf("expected %s, but got %s", article(m[1]), article(m[2]))
		}
	case strings.HasSuffix(kw, "/minItems"):
		if m := minItemsMsg.FindStringSubmatch(msg); m != nil {
			msg = "must list at least " + m[1] + " item"
			if m[1] != "1" {
				msg += "s"
			}
		}
	case strings.HasSuffix(kw, "/uniqueItems"):
		msg = "lists the same value twice (" + msg + ")"
	}
	return Problem{Pointer: ptr, Message: msg}
}

func quotedList(msg string) []string {
	var names []string
	for _, m := range quotedNames.FindAllStringSubmatch(msg, -1) {
		names = append(names, strings.ReplaceAll(m[1], `\'`, `'`))
	}
	return names
}

// quoteAll quotes names, the first maxListed of them: a document of a
// hundred thousand stray keys gets a finding of one line.
func quoteAll(names []string) string {
	if len(names) > maxListed {
		return fmt.Sprintf("%s and %d more", strings.Join(quoteEach(names[:maxListed]), ", "), len(names)-maxListed)
	}
	return strings.Join(quoteEach(names), ", ")
}

// maxListed is how many names one message lists.
const maxListed = 10

func quoteEach(names []string) []string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	return q
}

// pointer turns the library's percent-encoded instance location into a JSON
// pointer whose tokens are escaped as RFC 6901 says and nothing more.
func pointer(loc string) string {
	if loc == "" {
		return ""
	}
	parts := strings.Split(loc, "/")
	for i, p := range parts {
		if u, err := url.PathUnescape(p); err == nil {
			parts[i] = u
		}
	}
	return strings.Join(parts, "/")
}
