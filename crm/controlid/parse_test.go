package controlid

import (
	"errors"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in        string
		canonical string
		oscal     string
		statement string
	}{
		{in: "AC-2(3)(a)", canonical: "AC-2(3)(a)", oscal: "ac-2.3", statement: "ac-2.3_smt.a"},
		{in: "AC-02 (03) (a)", canonical: "AC-2(3)(a)", oscal: "ac-2.3", statement: "ac-2.3_smt.a"},
		{in: "AC-2 (3)(a)", canonical: "AC-2(3)(a)", oscal: "ac-2.3", statement: "ac-2.3_smt.a"},
		{in: "ac-2.3", canonical: "AC-2(3)", oscal: "ac-2.3", statement: "ac-2.3_smt"},
		{in: "ac-2.3_smt.a", canonical: "AC-2(3)(a)", oscal: "ac-2.3", statement: "ac-2.3_smt.a"},
		{in: "ac-2_smt", canonical: "AC-2", oscal: "ac-2", statement: "ac-2_smt"},
		{in: "ac-2(3)(a)", canonical: "AC-2(3)(a)", oscal: "ac-2.3", statement: "ac-2.3_smt.a"},
		{in: "  AC-2(a) ", canonical: "AC-2(a)", oscal: "ac-2", statement: "ac-2_smt.a"},
		{in: "AC-2\u00a0(a)", canonical: "AC-2(a)", oscal: "ac-2", statement: "ac-2_smt.a"},
		{in: "\u00a0AC-02\u00a0(01)\u202f", canonical: "AC-2(1)", oscal: "ac-2.1", statement: "ac-2.1_smt"},
		{in: "AC - 2 ( 3 ) ( A )", canonical: "AC-2(3)(a)", oscal: "ac-2.3", statement: "ac-2.3_smt.a"},
		{in: "AC-02(03)", canonical: "AC-2(3)", oscal: "ac-2.3", statement: "ac-2.3_smt"},
		{in: "SI-16", canonical: "SI-16", oscal: "si-16", statement: "si-16_smt"},
		{in: "AC-14", canonical: "AC-14", oscal: "ac-14", statement: "ac-14_smt"},
		{in: "AC-20(a)", canonical: "AC-20(a)", oscal: "ac-20", statement: "ac-20_smt.a"},
		{in: "AC-2\t(12)(b)", canonical: "AC-2(12)(b)", oscal: "ac-2.12", statement: "ac-2.12_smt.b"},
		{in: "SC-7(21)", canonical: "SC-7(21)", oscal: "sc-7.21", statement: "sc-7.21_smt"},
		{in: "AC-2_SMT.A", canonical: "AC-2(a)", oscal: "ac-2", statement: "ac-2_smt.a"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			id, err := Parse(tc.in)
			if err != nil {
				t.Fatalf("Parse(%q): %v", tc.in, err)
			}
			if got := id.String(); got != tc.canonical {
				t.Errorf("String() = %q, want %q", got, tc.canonical)
			}
			if got := id.OSCAL(); got != tc.oscal {
				t.Errorf("OSCAL() = %q, want %q", got, tc.oscal)
			}
			if got := id.StatementID(); got != tc.statement {
				t.Errorf("StatementID() = %q, want %q", got, tc.statement)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		in     string
		reason string
	}{
		{in: "", reason: "empty"},
		{in: "   ", reason: "empty"},
		{in: "A-2", reason: "two-letter family"},
		{in: "AC2", reason: "expected '-'"},
		{in: "AC-", reason: "control number"},
		{in: "AC-0", reason: "control number"},
		{in: "AC-1234", reason: "control number"},
		{in: "AC-2(", reason: "number or a letter"},
		{in: "AC-2(3", reason: "missing ')'"},
		{in: "AC-2(3)(4)", reason: "more than one enhancement"},
		{in: "AC-2(a)(b)", reason: "more than one part"},
		{in: "AC-2(ab)", reason: "more than one part"},
		{in: "AC-2(d)(1)", reason: "sub-item"},
		{in: "ac-2_smt.d.1", reason: "sub-item"},
		{in: "ac-2.", reason: "enhancement number"},
		{in: "ac-2_foo", reason: "unexpected"},
		{in: "ac-2_smt-a", reason: "after _smt"},
		{in: "AC-2 x", reason: "unexpected"},
		{in: "AC-2(a", reason: "missing ')'"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			_, err := Parse(tc.in)
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("Parse(%q) error = %v, want *ParseError", tc.in, err)
			}
			if !strings.Contains(pe.Reason, tc.reason) {
				t.Errorf("reason %q does not mention %q", pe.Reason, tc.reason)
			}
		})
	}
}

func TestSpellingsRoundTrip(t *testing.T) {
	for _, s := range []string{"AC-1", "AC-2(a)", "AC-2(3)", "AC-2(3)(a)", "SR-12", "SC-7(21)"} {
		id := MustParse(s)
		for _, spelling := range []string{id.String(), id.Rev4(), id.StatementID()} {
			got, err := Parse(spelling)
			if err != nil || got != id {
				t.Errorf("Parse(%q) = %v, %v; want %v", spelling, got, err, id)
			}
		}
		if id.Part == "" {
			if got, err := Parse(id.OSCAL()); err != nil || got != id {
				t.Errorf("Parse(%q) = %v, %v; want %v", id.OSCAL(), got, err, id)
			}
		}
	}
}

func TestRev4(t *testing.T) {
	if got := MustParse("AC-2(7)(a)").Rev4(); got != "AC-02 (07) (a)" {
		t.Errorf("Rev4() = %q", got)
	}
	if got := MustParse("SI-16").Rev4(); got != "SI-16" {
		t.Errorf("Rev4() = %q", got)
	}
}

func TestCompare(t *testing.T) {
	ordered := []string{"AC-1", "AC-1(a)", "AC-1(b)", "AC-2", "AC-2(a)", "AC-2(1)", "AC-2(3)(a)", "AC-2(12)", "AC-10", "AT-1", "SR-12"}
	for i := 1; i < len(ordered); i++ {
		a, b := MustParse(ordered[i-1]), MustParse(ordered[i])
		if Compare(a, b) >= 0 || Compare(b, a) <= 0 {
			t.Errorf("want %s < %s", a, b)
		}
		if Compare(a, a) != 0 {
			t.Errorf("Compare(%s, %s) != 0", a, a)
		}
	}
}
