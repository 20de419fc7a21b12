package inputdoc

import "testing"

func TestPlain(t *testing.T) {
	for s, want := range map[string]bool{
		"AC-2(a)": true, "sp-system": true, "implemented": true, "govcloud": true, "PE": true,
		"yes": false, "No": false, "ON": false, "off": false, "y": false, "n": false, "true": false, "null": false,
		"123": false, "0x1F": false, "1e3": false, "1_000": false, "2026-01-01": false, "~": false, "": false,
		"AC-02 (a)": false, "a: b": false, "#x": false, "-x": false, ".inf": false,
		"A": true, "a_b.c()/-d9": true, "é": false, "aé": false, "a\n": false, "@a": false, "[a": false, "a`": false, "a{": false,
	} {
		if got := Plain(s); got != want {
			t.Errorf("Plain(%q) = %v, want %v", s, got, want)
		}
	}
}
