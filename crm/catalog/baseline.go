package catalog

import (
	"fmt"
	"strings"

	"github.com/crm-tool/crm/crm/catalog/internal/format"
	"github.com/crm-tool/crm/crm/controlid"
)

// Baseline names a FedRAMP Rev 5 baseline.
type Baseline string

// The four FedRAMP Rev 5 baselines, by the names the CLI and input files use.
const (
	High     Baseline = "high"
	Moderate Baseline = "moderate"
	Low      Baseline = "low"
	LISaaS   Baseline = "li-saas"
	// Rev4 names the Rev 4 Low-or-Moderate template's row set; it is not an
	// input baseline.
	Rev4 Baseline = "rev4"
)

// Baselines lists the baselines from highest to lowest, as the template does.
func Baselines() []Baseline { return []Baseline{High, Moderate, Low, LISaaS} }

// BaselineNames lists the accepted names, for help text and completion.
func BaselineNames() []string {
	names := make([]string, 0, 4)
	for _, b := range Baselines() {
		names = append(names, string(b))
	}
	return names
}

// ParseBaseline accepts a baseline name in any case, with "lisaas" and
// "li_saas" as other spellings of li-saas.
func ParseBaseline(s string) (Baseline, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "high":
		return High, nil
	case "moderate":
		return Moderate, nil
	case "low":
		return Low, nil
	case "li-saas", "lisaas", "li_saas", "li saas":
		return LISaaS, nil
	}
	return "", fmt.Errorf("unknown baseline %q (want one of %s)", s, strings.Join(BaselineNames(), ", "))
}

// Title is the baseline's name as the template's sheet names spell it.
func (b Baseline) Title() string {
	switch b {
	case LISaaS:
		return "LI-SaaS"
	case Rev4:
		return "Rev 4 Low or Moderate"
	case "":
		return ""
	}
	return strings.ToUpper(string(b[:1])) + string(b[1:])
}

// Member is a control as one baseline selects it.
type Member struct {
	*Control
	Core    bool     // FedRAMP CORE control
	Methods []string // LI-SaaS tailoring: ATTEST, ASSESS, CONDITIONAL, NSO, FED
	// Constraints are FedRAMP's values or constraints on the control's
	// parameters in this baseline, by parameter id (the profile's
	// set-parameters): "at least annually", "eight (8) hours".
	Constraints map[string]string
}

// Row is one Appendix J row of a baseline.
type Row struct {
	ID     controlid.ID
	Member *Member
}

// BaselineSet is one baseline's controls and rows, in template order.
type BaselineSet struct {
	Baseline Baseline
	Members  []*Member
	Rows     []Row
	byID     map[controlid.ID]*Member
	rowIndex map[controlid.ID]int
}

func newBaselineSet(c *Catalog, b Baseline, members []format.Member) (*BaselineSet, error) {
	set := &BaselineSet{
		Baseline: b,
		byID:     make(map[controlid.ID]*Member, len(members)),
		rowIndex: make(map[controlid.ID]int),
	}
	for _, fm := range members {
		id, err := controlid.Parse(fm.ID)
		if err != nil {
			return nil, err
		}
		ctl, ok := c.byID[id]
		if !ok {
			return nil, fmt.Errorf("baseline %s names %s, which the catalog lacks", b, id)
		}
		m := &Member{Control: ctl, Core: fm.Core, Methods: fm.Methods}
		if len(fm.Constraints) > 0 {
			m.Constraints = make(map[string]string, len(fm.Constraints))
			for _, k := range fm.Constraints {
				m.Constraints[k.Param] = k.Text
			}
		}
		set.Members = append(set.Members, m)
		set.byID[id] = m
		for _, rid := range ctl.Rows() {
			set.rowIndex[rid] = len(set.Rows)
			set.Rows = append(set.Rows, Row{ID: rid, Member: m})
		}
	}
	return set, nil
}

// Member finds the control id belongs to (its part is ignored) in the baseline.
func (s *BaselineSet) Member(id controlid.ID) (*Member, bool) {
	m, ok := s.byID[id.Base()]
	return m, ok
}

// RowIndex gives the position of row id in Rows.
func (s *BaselineSet) RowIndex(id controlid.ID) (int, bool) {
	i, ok := s.rowIndex[id]
	return i, ok
}

// HasMethod reports whether the LI-SaaS tailoring of m includes method.
func (m *Member) HasMethod(method string) bool {
	for _, x := range m.Methods {
		if x == method {
			return true
		}
	}
	return false
}

// Rev4Set is the Rev 4 Low-or-Moderate template's rows as a row set, for
// checking workbooks and inputs that still use Rev 4 rows. Its controls are
// the catalog's (Rev 4 controls withdrawn in Rev 5 are there, withdrawn);
// no row is CORE.
func (c *Catalog) Rev4Set() *BaselineSet {
	c.rev4Once.Do(func() {
		set := &BaselineSet{Baseline: Rev4, byID: map[controlid.ID]*Member{}, rowIndex: map[controlid.ID]int{}}
		for _, id := range c.rev4Rows {
			base := id.Base()
			m, ok := set.byID[base]
			if !ok {
				ctl, known := c.byID[base]
				if !known {
					ctl = &Control{ID: base}
				}
				m = &Member{Control: ctl}
				set.byID[base] = m
				set.Members = append(set.Members, m)
			}
			set.rowIndex[id] = len(set.Rows)
			set.Rows = append(set.Rows, Row{ID: id, Member: m})
		}
		c.rev4Set = set
	})
	return c.rev4Set
}
