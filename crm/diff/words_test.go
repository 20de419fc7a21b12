package diff

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestWords(t *testing.T) {
	tests := []struct {
		a, b string
		want []WordOp
	}{
		{"a b c", "a b c", []WordOp{{"=", "a b c"}}},
		{"manage users in the console", "manage users and groups in the console",
			[]WordOp{{"=", "manage users"}, {"+", "and groups"}, {"=", "in the console"}}},
		{"one two", "", []WordOp{{"-", "one two"}}},
		{"", "new text", []WordOp{{"+", "new text"}}},
		{"keep  the\nspacing", "keep the spacing", []WordOp{{"=", "keep the spacing"}}},
		{"Yes the CSP does it", "No the customer does it",
			[]WordOp{{"-", "Yes"}, {"+", "No"}, {"=", "the"}, {"-", "CSP"}, {"+", "customer"}, {"=", "does it"}}},
	}
	for _, tc := range tests {
		if d := cmp.Diff(tc.want, Words(tc.a, tc.b)); d != "" {
			t.Errorf("Words(%q, %q) (-want +got):\n%s", tc.a, tc.b, d)
		}
	}
}

func TestWordsLongTextsAreReplacedWhole(t *testing.T) {
	a := strings.Repeat("alpha ", 3000)
	b := strings.Repeat("beta ", 3000)
	got := Words(a, b)
	if len(got) != 2 || got[0].Op != "-" || got[1].Op != "+" {
		t.Errorf("got %d ops", len(got))
	}
}

func TestInline(t *testing.T) {
	ops := Words("the CSP does it", "the customer does it")
	if got := Inline(ops, "[-", "-]", "{+", "+}"); got != "the [-CSP-] {+customer+} does it" {
		t.Errorf("Inline = %q", got)
	}
}
