package crm

import "strings"

// Responsibility is the text of a row's CRM responsibilities cell: crm's
// notes on the row (Notes), then its customer text (CustomerText).
func Responsibility(r *Row, doc *Document, only string) string {
	parts := Notes(r, doc)
	if text := CustomerText(r, doc, only); text != "" {
		parts = append(parts, text)
	}
	return strings.Join(parts, "\n\n")
}

// CustomerText is what a row says its customers must do: the text every
// customer shares, then one "<Service name>: ..." paragraph per service in the
// order the document lists its services. With only set (a service id or
// name), just that service's paragraph follows the shared text.
func CustomerText(r *Row, doc *Document, only string) string {
	parts := make([]string, 0, 1+len(r.Services))
	if r.Customer != "" {
		parts = append(parts, r.Customer)
	}
	for _, s := range doc.Services {
		text := r.Services[s.ID]
		if text == "" || only != "" && only != s.ID && !strings.EqualFold(only, s.Name) {
			continue
		}
		parts = append(parts, s.Name+": "+text)
	}
	return strings.Join(parts, "\n\n")
}

// FindService finds a service by id or, ignoring case, by name.
func (d *Document) FindService(name string) (Service, bool) {
	for _, s := range d.Services {
		if s.ID == name || strings.EqualFold(s.Name, name) {
			return s, true
		}
	}
	return Service{}, false
}

// ServiceIDs lists the document's service ids for messages: "a, b", or
// "no services".
func (d *Document) ServiceIDs() string {
	if len(d.Services) == 0 {
		return "no services"
	}
	ids := make([]string, len(d.Services))
	for i, s := range d.Services {
		ids[i] = s.ID
	}
	return strings.Join(ids, ", ")
}
