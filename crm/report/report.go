// Package report renders crm's results as text, JSON, CSV and SARIF. It sees
// only crm's own types, never those of the libraries that produced them.
package report

import (
	"encoding/json"
	"io"
)

// FormatVersion is the version of every JSON document crm prints; it changes
// only when a field changes meaning or disappears.
const FormatVersion = 1

// writeJSON writes v as one indented JSON document.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
