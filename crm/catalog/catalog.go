// Package catalog is the embedded NIST SP 800-53 Rev 5 catalog, the FedRAMP
// Rev 5 baselines and the Appendix J row inventories, generated from public
// OSCAL data by internal/gen and committed as catalog_gen.go: Go data the
// linker lays out, which no process decodes at start.
package catalog

//go:generate go run ./internal/gen -data ../../../shared/data -out catalog_gen.go

import (
	"fmt"
	"sync"

	"github.com/crm-tool/crm/crm/catalog/internal/format"
	"github.com/crm-tool/crm/crm/controlid"
)

// Family is a control family.
type Family struct {
	ID    string // "AC"
	Title string // "Access Control"
}

// Link says where a withdrawn control went.
type Link struct {
	Rel    string // "incorporated-into" or "moved-to"
	Target string // OSCAL id: "ac-2_smt.k", "at-2.4", or a family "sr"
}

// Control is one control or enhancement.
type Control struct {
	ID        controlid.ID // without part
	Title     string
	Parts     []string // letters of its Appendix J rows; empty means one bare row
	Withdrawn bool
	Links     []Link
	Params    []Param // organization-defined parameters, in catalog order
}

// Param is an organization-defined parameter of a control, with its id as
// the FedRAMP baselines spell it (ac-02_odp.06; some are NIST's older
// ac-6.1_prm_2).
// It is the generated data's own type, so that the catalog's parameters
// are used in place, never copied: ID, Label (what it asks for: "time
// period"), Guideline (what defining it means), and for a selection HowMany
// ("one" or "one-or-more") and Choices.
type Param = format.Param

// Rows lists the Appendix J rows of the control: one per lettered part, or
// the bare control.
func (c *Control) Rows() []controlid.ID {
	if len(c.Parts) == 0 {
		return []controlid.ID{c.ID}
	}
	rows := make([]controlid.ID, len(c.Parts))
	for i, p := range c.Parts {
		rows[i] = c.ID
		rows[i].Part = p
	}
	return rows
}

// HasPart reports whether letter is one of the control's row parts.
func (c *Control) HasPart(letter string) bool {
	for _, p := range c.Parts {
		if p == letter {
			return true
		}
	}
	return false
}

// Catalog holds every known control and the FedRAMP baselines.
type Catalog struct {
	NISTVersion    string
	FedRAMPVersion string
	families       []Family
	controls       []*Control
	byID           map[controlid.ID]*Control
	baselines      map[Baseline]*BaselineSet
	rev4Rows       []controlid.ID
	rev4Once       sync.Once
	rev4Set        *BaselineSet
	paramOnce      sync.Once
	paramIdx       *paramIndex
}

var load = sync.OnceValues(func() (*Catalog, error) { return build(&generated) })

// Versions are the NIST catalog release and the FedRAMP baselines release
// the catalog was generated from, known without building it.
func Versions() (nist, fedramp string) { return generated.NISTVersion, generated.FedRAMPVersion }

// Default returns the embedded catalog. It is read once and shared; callers
// must not modify it.
func Default() *Catalog {
	c, err := load()
	if err != nil {
		// The file is generated and covered by tests; failing here means a
		// broken build, not bad user input.
		panic(fmt.Sprintf("generated catalog: %v", err))
	}
	return c
}

// build indexes the generated catalog.
func build(doc *format.Catalog) (*Catalog, error) {
	c := &Catalog{
		NISTVersion:    doc.NISTVersion,
		FedRAMPVersion: doc.FedRAMPVersion,
		byID:           make(map[controlid.ID]*Control, len(doc.Controls)),
		baselines:      make(map[Baseline]*BaselineSet, len(doc.Baselines)),
	}
	for _, f := range doc.Families {
		c.families = append(c.families, Family(f))
	}
	for _, fc := range doc.Controls {
		id, err := controlid.Parse(fc.ID)
		if err != nil {
			return nil, err
		}
		ctl := &Control{ID: id, Title: fc.Title, Withdrawn: fc.Withdrawn}
		for _, r := range fc.Parts {
			ctl.Parts = append(ctl.Parts, string(r))
		}
		for _, l := range fc.Links {
			ctl.Links = append(ctl.Links, Link(l))
		}
		ctl.Params = fc.Params
		c.controls = append(c.controls, ctl)
		c.byID[id] = ctl
	}
	for _, fb := range doc.Baselines {
		b, err := ParseBaseline(fb.Name)
		if err != nil {
			return nil, err
		}
		set, err := newBaselineSet(c, b, fb.Controls)
		if err != nil {
			return nil, err
		}
		c.baselines[b] = set
	}
	for _, s := range doc.Rev4Rows {
		id, err := controlid.Parse(s)
		if err != nil {
			return nil, err
		}
		c.rev4Rows = append(c.rev4Rows, id)
	}
	return c, nil
}

// Families lists the 20 families in catalog order.
func (c *Catalog) Families() []Family { return c.families }

// Family finds a family by its two-letter id, in any case.
func (c *Catalog) Family(id string) (Family, bool) {
	for _, f := range c.families {
		if equalFold2(f.ID, id) {
			return f, true
		}
	}
	return Family{}, false
}

func equalFold2(a, b string) bool {
	return len(a) == len(b) && len(a) == 2 && a[0]|0x20 == b[0]|0x20 && a[1]|0x20 == b[1]|0x20
}

// Controls lists every control and enhancement, withdrawn ones included, in
// catalog order.
func (c *Catalog) Controls() []*Control { return c.controls }

// Control finds the control or enhancement id belongs to (its part is ignored).
func (c *Catalog) Control(id controlid.ID) (*Control, bool) {
	ctl, ok := c.byID[id.Base()]
	return ctl, ok
}

// Baseline returns the FedRAMP baseline b.
func (c *Catalog) Baseline(b Baseline) *BaselineSet { return c.baselines[b] }

// Rev4Rows lists the 616 rows of the Rev 4 Low-or-Moderate CIS template in
// its order and canonical spelling (its duplicated IR-04 (a) read as IR-4(c)).
func (c *Catalog) Rev4Rows() []controlid.ID { return c.rev4Rows }
