package markdown

import "testing"

func TestEscape(t *testing.T) {
	if got, want := Escape(`a_b *c* <d> #1 | x~y \ `+"`z`"), `a\_b \*c\* \<d> \#1 \| x\~y \\ `+"\\`z\\`"; got != want {
		t.Errorf("Escape = %q, want %q", got, want)
	}
}
