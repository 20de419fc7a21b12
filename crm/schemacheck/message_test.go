package schemacheck

import (
	"encoding/json"
	"testing"
)

// TestUnknownPropertiesAreSortedAndCut: stray keys are named in sorted
// order (the library gives them in map order), ten at most.
func TestUnknownPropertiesAreSortedAndCut(t *testing.T) {
	s, err := Input()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ doc, want string }{
		{`{"schema_version": 1, "system": {"csp": "A", "name": "B", "baseline": "low"}, "zz": 1, "aa": 2}`,
			`unknown properties "aa", "zz"`},
		{`{"schema_version": 1, "system": {"csp": "A", "name": "B", "baseline": "low"},
			"k9": 0, "k3": 0, "k11": 0, "k7": 0, "k1": 0, "k5": 0, "k10": 0, "k2": 0, "k8": 0, "k4": 0, "k12": 0, "k6": 0}`,
			`unknown properties "k1", "k10", "k11", "k12", "k2", "k3", "k4", "k5", "k6", "k7" and 2 more`},
	}
	for _, tc := range tests {
		var v any
		if err := json.Unmarshal([]byte(tc.doc), &v); err != nil {
			t.Fatal(err)
		}
		for range 5 { // map order differs from run to run
			problems, err := s.Problems(v)
			if err != nil {
				t.Fatal(err)
			}
			if len(problems) != 1 || problems[0].Message != tc.want {
				t.Fatalf("problems %+v, want one: %s", problems, tc.want)
			}
		}
	}
}
