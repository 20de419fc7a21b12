// Package format is the shape of catalog.json, shared by the generator that
// writes it and package catalog that embeds and reads it.
package format

import (
	"bytes"
	"encoding/json"
)

// Catalog is the whole file.
type Catalog struct {
	NISTVersion    string     `json:"nist_version"`
	FedRAMPVersion string     `json:"fedramp_version"`
	Families       []Family   `json:"families"`
	Controls       []Control  `json:"controls"`
	Baselines      []Baseline `json:"baselines"`
	Rev4Rows       []string   `json:"rev4_rows"`
}

// Family is a control family: "AC", "Access Control".
type Family struct {
	ID    string `json:"id"`
	Title string `json:"title"`
}

// Control is one control or enhancement of the catalog.
type Control struct {
	ID        string  `json:"id"` // OSCAL id: ac-2, ac-2.3
	Title     string  `json:"title"`
	Parts     string  `json:"parts,omitempty"` // letters of the Appendix J rows, "" for one bare row
	Withdrawn bool    `json:"withdrawn,omitempty"`
	Links     []Link  `json:"links,omitempty"`
	Params    []Param `json:"params,omitempty"`
}

// Param is one of a control's parameters: its OSCAL id as the FedRAMP
// baselines spell it (ac-02_odp.06, or NIST's older ac-6.1_prm_2), what it
// asks for, and for a selection its choices.
type Param struct {
	ID        string   `json:"id"`
	Label     string   `json:"label,omitempty"`
	Guideline string   `json:"guideline,omitempty"`
	HowMany   string   `json:"how_many,omitempty"` // a selection's "one" or "one-or-more"
	Choices   []string `json:"choices,omitempty"`
}

// Link says where a withdrawn control went.
type Link struct {
	Rel    string `json:"rel"`    // incorporated-into or moved-to
	Target string `json:"target"` // OSCAL id: ac-2_smt.k, at-2.4, sr
}

// Baseline lists the controls FedRAMP selects, in catalog order.
type Baseline struct {
	Name     string   `json:"name"`
	Controls []Member `json:"controls"`
}

// Member is a control's place in one baseline.
type Member struct {
	ID      string   `json:"id"`
	Core    bool     `json:"core,omitempty"`
	Methods []string `json:"methods,omitempty"` // LI-SaaS tailoring
	// Constraints are FedRAMP's values or constraints on the control's
	// parameters in this baseline (the profile's set-parameters), by id.
	Constraints map[string]string `json:"constraints,omitempty"`
}

// Encode writes the catalog with one control or member per line, so that a
// regenerated file diffs readably.
func Encode(c *Catalog) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("{\n")
	if err := field(&b, "nist_version", c.NISTVersion, ",\n"); err != nil {
		return nil, err
	}
	if err := field(&b, "fedramp_version", c.FedRAMPVersion, ",\n"); err != nil {
		return nil, err
	}
	if err := list(&b, "families", c.Families, ",\n"); err != nil {
		return nil, err
	}
	if err := list(&b, "controls", c.Controls, ",\n"); err != nil {
		return nil, err
	}
	b.WriteString("\"baselines\": [\n")
	for i, bl := range c.Baselines {
		b.WriteString("{")
		if err := field(&b, "name", bl.Name, ",\n"); err != nil {
			return nil, err
		}
		if err := list(&b, "controls", bl.Controls, "}"); err != nil {
			return nil, err
		}
		if i < len(c.Baselines)-1 {
			b.WriteString(",")
		}
		b.WriteString("\n")
	}
	b.WriteString("],\n")
	if err := list(&b, "rev4_rows", c.Rev4Rows, "\n"); err != nil {
		return nil, err
	}
	b.WriteString("}\n")
	return b.Bytes(), nil
}

func field(b *bytes.Buffer, name string, v any, after string) error {
	raw, err := json.Marshal(v)
	if err != nil {
		return err
	}
	b.WriteString(`"` + name + `": `)
	b.Write(raw)
	b.WriteString(after)
	return nil
}

func list[T any](b *bytes.Buffer, name string, items []T, after string) error {
	b.WriteString(`"` + name + "\": [\n")
	for i, it := range items {
		raw, err := json.Marshal(it)
		if err != nil {
			return err
		}
		b.Write(raw)
		if i < len(items)-1 {
			b.WriteString(",")
		}
		b.WriteString("\n")
	}
	b.WriteString("]" + after)
	return nil
}
