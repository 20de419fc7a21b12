package controlid

import "testing"

// FuzzParse checks that Parse never panics and that every ID it accepts
// prints to spellings that parse back to the same ID.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"AC-2(3)(a)", "AC-02 (03) (a)", "AC-2 (3)(a)", "ac-2.3", "ac-2.3_smt.a", "ac-2_smt",
		"\u00a0si-16 ", "AC-2(d)(1)", "ac-2_smt.d.1", "AC-999", "", "((", "AC-2(", "zz-1(z)",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		id, err := Parse(s)
		if err != nil {
			return
		}
		if id.IsZero() || id.Control < 1 || id.Enhancement < 0 || len(id.Part) > 1 {
			t.Fatalf("Parse(%q) accepted a malformed ID %#v", s, id)
		}
		for _, spelling := range []string{id.String(), id.Rev4(), id.StatementID()} {
			back, err := Parse(spelling)
			if err != nil {
				t.Fatalf("Parse(%q) -> %v; its spelling %q does not parse: %v", s, id, spelling, err)
			}
			if back != id {
				t.Fatalf("Parse(%q) -> %#v; %q parses to %#v", s, id, spelling, back)
			}
		}
	})
}
