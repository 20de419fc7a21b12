package oscal

import (
	"bytes"
	"encoding/json"
	"io"

	"github.com/crm-tool/crm/crm/inputdoc"
	"go.yaml.in/yaml/v3"
)

// WriteJSON writes the document as indented OSCAL JSON.
func WriteJSON(w io.Writer, d *Document) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(d)
}

// WriteYAML writes the document as OSCAL YAML, keys in the JSON order.
func WriteYAML(w io.Writer, d *Document) error {
	var buf bytes.Buffer
	if err := WriteJSON(&buf, d); err != nil {
		return err
	}
	// JSON is YAML: decoding it into a node keeps the key order; clearing
	// the flow styles gives block YAML.
	var node yaml.Node
	if err := yaml.Unmarshal(buf.Bytes(), &node); err != nil {
		return err
	}
	blockStyle(&node)
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(&node); err != nil {
		return err
	}
	return enc.Close()
}

func blockStyle(n *yaml.Node) {
	if n.Kind != yaml.ScalarNode {
		n.Style = 0
	} else if n.Style == yaml.DoubleQuotedStyle && !needsQuotes(n.Value) {
		n.Style = 0
	}
	for _, c := range n.Content {
		blockStyle(c)
	}
}

// needsQuotes keeps quotes on strings some YAML reader would read as
// something else: YAML 1.1 readers (PyYAML, SnakeYAML) take yes, on and
// 2026-01-01 for a boolean and a date, where yaml.v3 sees strings.
func needsQuotes(s string) bool { return !inputdoc.Plain(s) }
