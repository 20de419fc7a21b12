package source

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

var yamlErrLine = regexp.MustCompile(`line (\d+)`)

func decodeYAML(data []byte) (*Doc, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var root yaml.Node
	if err := dec.Decode(&root); errors.Is(err, io.EOF) {
		return nil, &SyntaxError{Pos: Pos{1, 1}, Msg: "the file is empty"}
	} else if err != nil {
		return nil, yamlSyntax(err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return nil, &SyntaxError{Pos: Pos{extra.Line, extra.Column}, Msg: "a second YAML document (---); put everything in one document"}
	} else if !errors.Is(err, io.EOF) {
		return nil, yamlSyntax(err)
	}
	w := &yamlWalker{doc: &Doc{pos: map[string]Pos{}}}
	node := &root
	if node.Kind == yaml.DocumentNode {
		if len(node.Content) == 0 {
			return nil, &SyntaxError{Pos: Pos{1, 1}, Msg: "the file is empty"}
		}
		node = node.Content[0]
	}
	w.doc.pos[""] = Pos{node.Line, node.Column}
	v, err := w.value(node, "", 0, nil)
	if err != nil {
		return nil, err
	}
	w.doc.Value = v
	return w.doc, nil
}

// parserProblems are the YAML parser's (not scanner's) messages. For them
// the library prints a 0-based line (and none at all for line 0).
var parserProblems = []string{
	"did not find expected <", "did not find expected node content", "did not find expected key",
	"did not find expected '-' indicator", "did not find expected ',' or",
}

// yamlSyntax turns the YAML library's error, which carries only a line
// number in its text, into a SyntaxError.
func yamlSyntax(err error) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 1
	if m := yamlErrLine.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = strings.TrimSpace(strings.Replace(msg, m[0]+":", "", 1))
		for _, p := range parserProblems {
			if strings.HasPrefix(msg, p) {
				line++
				break
			}
		}
	}
	return &SyntaxError{Pos: Pos{line, 1}, Msg: "invalid YAML: " + msg}
}

type yamlWalker struct {
	doc   *Doc
	nodes int
}

func (w *yamlWalker) fail(n *yaml.Node, format string, args ...any) error {
	return &SyntaxError{Pos: Pos{n.Line, n.Column}, Msg: fmt.Sprintf(format, args...)}
}

// value converts n; aliases lists the anchors being expanded, to refuse cycles.
func (w *yamlWalker) value(n *yaml.Node, ptr string, depth int, aliases []*yaml.Node) (any, error) {
	w.nodes++
	if w.nodes > MaxValues {
		return nil, w.fail(n, "the document expands to more than %d values (an alias bomb?)", MaxValues)
	}
	if depth > maxDepth {
		return nil, w.fail(n, "nesting deeper than %d levels", maxDepth)
	}
	switch n.Kind {
	case yaml.AliasNode:
		for _, a := range aliases {
			if a == n.Alias {
				return nil, w.fail(n, "alias *%s refers to itself", n.Value)
			}
		}
		return w.value(n.Alias, ptr, depth+1, append(aliases, n.Alias))
	case yaml.MappingNode:
		return w.mapping(n, ptr, depth, aliases)
	case yaml.SequenceNode:
		out := make([]any, 0, len(n.Content))
		for i, item := range n.Content {
			p := ptr + "/" + strconv.Itoa(i)
			w.record(p, item)
			v, err := w.value(item, p, depth+1, aliases)
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		}
		return out, nil
	case yaml.ScalarNode:
		return w.scalar(n)
	}
	return nil, w.fail(n, "unexpected YAML node")
}

func (w *yamlWalker) record(ptr string, n *yaml.Node) {
	if _, ok := w.doc.pos[ptr]; !ok {
		w.doc.pos[ptr] = Pos{n.Line, n.Column}
	}
}

func (w *yamlWalker) mapping(n *yaml.Node, ptr string, depth int, aliases []*yaml.Node) (any, error) {
	out := make(map[string]any, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			return nil, w.fail(k, "a mapping key must be a plain string")
		}
		if k.Tag == "!!merge" {
			return nil, w.fail(k, "merge keys (<<) are not supported; write the values out")
		}
		p := ptr + "/" + Escape(k.Value)
		at := Pos{k.Line, k.Column}
		if _, dup := out[k.Value]; dup {
			// The first one's key position was recorded under p.
			w.doc.Duplicates = append(w.doc.Duplicates, Duplicate{Pointer: p, Key: k.Value, Pos: at, First: w.doc.pos[p]})
			continue
		}
		w.record(p, k)
		val, err := w.value(v, p, depth+1, aliases)
		if err != nil {
			return nil, err
		}
		out[k.Value] = val
	}
	return out, nil
}

func (w *yamlWalker) scalar(n *yaml.Node) (any, error) {
	switch n.ShortTag() {
	case "!!null":
		return nil, nil
	case "!!bool":
		var b bool
		if err := n.Decode(&b); err != nil {
			return nil, w.fail(n, "invalid boolean %q", n.Value)
		}
		return b, nil
	case "!!int":
		return yamlInt(n)
	case "!!float":
		f, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64)
		if err != nil {
			return nil, w.fail(n, "%q has no JSON form (infinity and NaN are not numbers in JSON)", n.Value)
		}
		return json.Number(strconv.FormatFloat(f, 'g', -1, 64)), nil
	}
	return n.Value, nil
}

// yamlInt normalises YAML-only integer forms (0x1F, 0o17, 1_000, +5).
func yamlInt(n *yaml.Node) (any, error) {
	s := strings.ReplaceAll(n.Value, "_", "")
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimLeft(s, "+-")
	base := 10
	switch {
	case strings.HasPrefix(s, "0x"), strings.HasPrefix(s, "0X"):
		base, s = 16, s[2:]
	case strings.HasPrefix(s, "0o"), strings.HasPrefix(s, "0O"):
		base, s = 8, s[2:]
	case strings.HasPrefix(s, "0b"), strings.HasPrefix(s, "0B"):
		base, s = 2, s[2:]
	}
	i, ok := new(big.Int).SetString(s, base)
	if !ok {
		return nil, &SyntaxError{Pos: Pos{n.Line, n.Column}, Msg: fmt.Sprintf("invalid integer %q", n.Value)}
	}
	if neg {
		i.Neg(i)
	}
	return json.Number(i.String()), nil
}
