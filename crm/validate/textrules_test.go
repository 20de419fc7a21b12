package validate

import "testing"

// The prefilter must never hide a placeholder the regular expression finds.
var placeholderCases = []string{
	"", "The customer configures accounts.", "<insert name>", "see [Insert policy here]",
	"TBD", "owner: TBA.", "TODO later", "FIXME", "XXXX", "Lorem ipsum dolor", "LOREM IPSUM",
	"lOrEm IpSuM", "Loremipsum", "a < b and c > d", "[link]", "tbd in lower case", "xx",
}

func TestPlaceholderInAgreesWithRegexp(t *testing.T) {
	for _, text := range placeholderCases {
		if got, want := placeholderIn(text), placeholder.FindString(text); got != want {
			t.Errorf("placeholderIn(%q) = %q, the regular expression finds %q", text, got, want)
		}
	}
}

func FuzzPlaceholderIn(f *testing.F) {
	for _, text := range placeholderCases {
		f.Add(text)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if got, want := placeholderIn(text), placeholder.FindString(text); got != want {
			t.Errorf("placeholderIn(%q) = %q, the regular expression finds %q", text, got, want)
		}
	})
}
