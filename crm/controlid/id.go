// Package controlid parses NIST SP 800-53 Rev 5 control identifiers in every
// spelling met in FedRAMP workbooks and OSCAL documents, and prints them in the
// canonical Appendix J template form (AC-2(3)(a)) and as OSCAL ids.
package controlid

import (
	"fmt"
	"strconv"
	"strings"
)

// ID names a control, an enhancement, or one lettered statement part of
// either. The zero value is not a valid ID.
type ID struct {
	Family      string // two upper-case letters, e.g. "AC"
	Control     int    // base control number, >= 1
	Enhancement int    // 0 for a base control
	Part        string // lower-case item letter, "" for the whole control
}

// String returns the Rev 5 template spelling: AC-2, AC-2(3), AC-2(3)(a).
func (id ID) String() string {
	var b strings.Builder
	b.Grow(12)
	b.WriteString(id.Family)
	b.WriteByte('-')
	b.WriteString(strconv.Itoa(id.Control))
	if id.Enhancement > 0 {
		b.WriteByte('(')
		b.WriteString(strconv.Itoa(id.Enhancement))
		b.WriteByte(')')
	}
	if id.Part != "" {
		b.WriteByte('(')
		b.WriteString(id.Part)
		b.WriteByte(')')
	}
	return b.String()
}

// Rev4 returns the Rev 4 template spelling: AC-02, AC-02 (03), AC-02 (03) (a).
func (id ID) Rev4() string {
	s := fmt.Sprintf("%s-%02d", id.Family, id.Control)
	if id.Enhancement > 0 {
		s += fmt.Sprintf(" (%02d)", id.Enhancement)
	}
	if id.Part != "" {
		s += " (" + id.Part + ")"
	}
	return s
}

// OSCAL returns the OSCAL control id without the part: ac-2, ac-2.3.
func (id ID) OSCAL() string {
	s := strings.ToLower(id.Family) + "-" + strconv.Itoa(id.Control)
	if id.Enhancement > 0 {
		s += "." + strconv.Itoa(id.Enhancement)
	}
	return s
}

// StatementID returns the OSCAL statement id: ac-2.3_smt.a, or ac-2.3_smt
// for a whole control.
func (id ID) StatementID() string {
	s := id.OSCAL() + "_smt"
	if id.Part != "" {
		s += "." + id.Part
	}
	return s
}

// Base returns the control or enhancement the ID belongs to, without its part.
func (id ID) Base() ID {
	id.Part = ""
	return id
}

// IsZero reports whether id is the zero value.
func (id ID) IsZero() bool { return id.Family == "" }

// Compare orders IDs as the catalog does: by family, control number,
// enhancement number (base first), then part (whole control first).
func Compare(a, b ID) int {
	if c := strings.Compare(a.Family, b.Family); c != 0 {
		return c
	}
	if a.Control != b.Control {
		return cmpInt(a.Control, b.Control)
	}
	if a.Enhancement != b.Enhancement {
		return cmpInt(a.Enhancement, b.Enhancement)
	}
	if len(a.Part) != len(b.Part) {
		return cmpInt(len(a.Part), len(b.Part))
	}
	return strings.Compare(a.Part, b.Part)
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
