package schemacheck

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestCR26Schemas compiles FedRAMP's SDR and SCN schemas with their common
// definitions (referred to without a '#') and applies them: the reference
// resolves, so a relative package overview URI and a wrong change type fail.
func TestCR26Schemas(t *testing.T) {
	for _, tc := range []struct {
		kind, doc string
		want      []string // substrings of the problems, in order; none for a valid document
	}{
		{"sdr", `{"certificationPackageOverviewUri": "https://example.com/cpo", "fedRampRequirements": []}`, nil},
		{"sdr", `{"certificationPackageOverviewUri": "cpo.json", "fedRampRequirements": []}`, []string{"/certificationPackageOverviewUri: "}},
		{"sdr", `{"certificationPackageOverviewUri": "https://example.com/cpo", "fedRampRequirements": [],
			"securityControls": [{"controlId": "AC-1", "controlImplementationStatus": "Planned"}]}`, []string{"/securityControls/0/controlImplementationStatus: "}},
		{"scn", `{"certificationPackageOverviewUri": "https://example.com/cpo", "changeType": "Adaptive", "changeDescription": "x"}`, nil},
		{"scn", `{"certificationPackageOverviewUri": "https://example.com/cpo", "changeType": "Minor", "changeDescription": "x"}`, []string{"/changeType: "}},
	} {
		var v any
		if err := json.Unmarshal([]byte(tc.doc), &v); err != nil {
			t.Fatal(err)
		}
		s, err := map[string]func() (*Schema, error){"sdr": SDR, "scn": SCN}[tc.kind]()
		if err != nil {
			t.Fatal(err)
		}
		ps, err := s.Problems(v)
		if err != nil {
			t.Fatal(err)
		}
		got := Lines(ps)
		if len(got) != len(tc.want) {
			t.Errorf("%s %s: problems %q, want %d", tc.kind, tc.doc, got, len(tc.want))
			continue
		}
		for i, w := range tc.want {
			if !strings.HasPrefix(got[i], w) {
				t.Errorf("%s: problem %q, want %q", tc.kind, got[i], w)
			}
		}
	}
}
