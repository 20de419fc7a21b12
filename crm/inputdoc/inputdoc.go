// Package inputdoc writes input documents as YAML people can read and edit:
// one line per control entry, in catalog order, with optional comments.
package inputdoc

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/crm-tool/crm/crm"
	"github.com/crm-tool/crm/crm/controlid"
)

// Options add comments to the document.
type Options struct {
	Header []string // comment lines at the top, without "# "
	// Before, when set, gives comment lines to put before a control key,
	// for instance a control's title before its first row.
	Before func(key string, id controlid.ID) []string
}

// Write writes doc as YAML.
func Write(w io.Writer, doc *crm.Document, o Options) error {
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }
	for _, h := range o.Header {
		if h == "" {
			p("#\n")
		} else {
			p("# %s\n", h)
		}
	}
	p("schema_version: %d\n", doc.SchemaVersion)
	if doc.Revision != 0 {
		p("revision: %d\n", doc.Revision)
	}
	s := doc.System
	p("\nsystem:\n")
	for _, kv := range [][2]string{{"csp", s.CSP}, {"name", s.Name}, {"fedramp_id", s.FedRAMPID}} {
		if kv[1] != "" {
			p("  %s: %s\n", kv[0], q(kv[1]))
		}
	}
	p("  baseline: %s\n", s.Baseline)
	if len(s.ServiceModels) > 0 {
		p("  service_models: [%s]\n", strings.Join(s.ServiceModels, ", "))
	}
	for _, kv := range [][2]string{{"deployment_model", s.DeploymentModel}, {"version", s.Version}, {"date", s.Date},
		{"package_overview_uri", s.PackageOverviewURI}, {"date_authorized", s.DateAuthorized}} {
		if kv[1] != "" {
			p("  %s: %s\n", kv[0], q(kv[1]))
		}
	}
	if len(s.Revisions) > 0 {
		p("  revisions:\n")
		for _, r := range s.Revisions {
			p("    - {%s}\n", pairs("date", r.Date, "version", r.Version, "description", r.Description, "author", r.Author))
		}
	}
	if len(doc.Services) > 0 {
		p("\nservices:\n")
		for _, sv := range doc.Services {
			p("  - {%s}\n", pairs("id", sv.ID, "name", sv.Name, "description", sv.Description))
		}
	}
	if len(doc.Leveraged) > 0 {
		p("\nleveraged:\n")
		for _, l := range doc.Leveraged {
			items := pairs("id", l.ID, "name", l.Name, "fedramp_id", l.FedRAMPID, "type", l.Type, "impact", l.Impact,
				"date_authorized", l.DateAuthorized, "crm", l.CRM)
			if len(l.Inherit) > 0 {
				items += ", inherit: [" + strings.Join(quoteKeys(l.Inherit), ", ") + "]"
			}
			p("  - {%s}\n", items)
		}
	}
	if len(doc.Defaults) > 0 {
		p("\ndefaults:\n")
		for _, d := range doc.Defaults {
			var sel []string
			switch {
			case len(d.Families) > 0:
				sel = append(sel, "families: ["+strings.Join(quoteKeys(d.Families), ", ")+"]")
			case len(d.Controls) > 0:
				sel = append(sel, "controls: ["+strings.Join(quoteKeys(d.Controls), ", ")+"]")
			case d.ServiceModel != "":
				sel = append(sel, "service_model: "+scalar(d.ServiceModel))
			}
			p("  - {%s}\n", strings.Join(append(sel, Fields(&d.Fields)...), ", "))
		}
	}
	if len(doc.Controls) > 0 {
		p("\ncontrols:\n")
		for _, key := range sortedKeys(doc.Controls) {
			id, err := controlid.Parse(key)
			if err == nil && o.Before != nil {
				if comments := o.Before(key, id); len(comments) > 0 {
					p("\n")
					for _, c := range comments {
						p("  # %s\n", c)
					}
				}
			}
			e := doc.Controls[key]
			p("  %s: {%s}\n", quoteKey(key), strings.Join(Fields(&e), ", "))
		}
	}
	if len(doc.Parameters) > 0 {
		p("\nparameters:\n")
		for _, id := range slices.Sorted(maps.Keys(doc.Parameters)) {
			p("  %s: %s\n", quoteKey(id), q(doc.Parameters[id]))
		}
	}
	return bw.Flush()
}

// Fields writes an entry's fields as flow-mapping items, in the schema's
// order.
func Fields(f *crm.Fields) []string {
	var out []string
	if len(f.Origination) > 0 {
		out = append(out, "origination: "+list(f.Origination))
	}
	if len(f.Status) > 0 {
		out = append(out, "status: "+list(f.Status))
	}
	if f.PlannedDate != "" {
		out = append(out, "planned_date: "+q(f.PlannedDate))
	}
	if f.Explanation != "" {
		out = append(out, "explanation: "+q(f.Explanation))
	}
	if f.Answer != "" {
		out = append(out, "answer: "+q(string(f.Answer)))
	}
	if f.Provider != "" {
		out = append(out, "provider: "+q(f.Provider))
	}
	if f.Customer != "" {
		out = append(out, "customer: "+q(f.Customer))
	}
	if len(f.Services) > 0 {
		keys := make([]string, 0, len(f.Services))
		for k := range f.Services {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var svc []string
		for _, k := range keys {
			svc = append(svc, scalar(k)+": "+q(f.Services[k]))
		}
		out = append(out, "services: {"+strings.Join(svc, ", ")+"}")
	}
	if f.Leveraged != "" {
		out = append(out, "leveraged: "+scalar(f.Leveraged))
	}
	if f.PassOn != "" {
		out = append(out, "pass_on: "+scalar(f.PassOn))
	}
	if f.Todo != nil {
		out = append(out, fmt.Sprintf("todo: %t", *f.Todo))
	}
	return out
}

func list[T ~string](l []T) string {
	if len(l) == 1 {
		return scalar(string(l[0]))
	}
	s := make([]string, len(l))
	for i, x := range l {
		s[i] = scalar(string(x))
	}
	return "[" + strings.Join(s, ", ") + "]"
}

// pairs writes key: value items, leaving out empty values.
func pairs(kv ...string) string {
	var out []string
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] != "" {
			out = append(out, kv[i]+": "+q(kv[i+1]))
		}
	}
	return strings.Join(out, ", ")
}

// q quotes a string for YAML: a JSON string is a valid YAML double-quoted
// scalar, whatever it holds. <, > and & stay as they are: escaping them is
// for JSON inside HTML, and a reader of the YAML should see the text.
func q(s string) string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	return strings.TrimSuffix(b.String(), "\n")
}

// quoteKey writes a control key, family or other key plain when every YAML
// reader reads it back as the same string (AC-2(a), PE), else quoted.
func quoteKey(k string) string { return scalar(k) }

func quoteKeys(ks []string) []string {
	out := make([]string, len(ks))
	for i, k := range ks {
		out[i] = quoteKey(k)
	}
	return out
}

// sortedKeys orders control keys as the catalog does; keys that are not
// control ids come last, alphabetically. Each key is parsed once.
func sortedKeys(m map[string]crm.Entry) []string {
	type key struct {
		text string
		id   controlid.ID
		ok   bool
	}
	keys := make([]key, 0, len(m))
	for k := range m {
		id, err := controlid.Parse(k)
		keys = append(keys, key{k, id, err == nil})
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := &keys[i], &keys[j]
		if a.ok != b.ok {
			return a.ok
		}
		if a.ok {
			if c := controlid.Compare(a.id, b.id); c != 0 {
				return c < 0
			}
		}
		return a.text < b.text
	})
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = k.text
	}
	return out
}
