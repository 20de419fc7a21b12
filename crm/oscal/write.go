package oscal

import (
	"bytes"
	"encoding/json"
	"io"

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

// needsQuotes keeps quotes on strings YAML would read as something else.
func needsQuotes(s string) bool {
	var v any
	if err := yaml.Unmarshal([]byte(s), &v); err != nil {
		return true
	}
	str, ok := v.(string)
	return !ok || str != s
}
