// Package markdown escapes text that crm puts into Markdown (notices,
// checklists, the Security Decision Record's descriptions), so that a CRM's
// prose is never read as markup.
package markdown

import "strings"

var escaper = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "~", `\~`, "`", "\\`", "|", `\|`, "<", `\<`, "#", `\#`)

// Escape keeps text from being read as Markdown markup.
func Escape(s string) string { return escaper.Replace(s) }
