package validate

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/crm-tool/crm/crm"

	"github.com/google/go-cmp/cmp"
)

func writeFile(t *testing.T, dir, name, body string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// placeholderInput has a placeholder (warning), AC-2 without customer text
// (error) and AT-2(a) without customer text (error).
const placeholderInput = validLow + `controls:
  AC-2: {answer: partial}
  AT-2(a): {answer: no}
  AC-3: {provider: TBD}
`

func TestConfig(t *testing.T) {
	today := time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name   string
		config string
		rules  []string // rule:severity of the findings left, in order
		waived int
	}{
		{name: "no config", rules: []string{"missing-customer-text:error", "missing-customer-text:error", "placeholder-text:warning"}},
		{name: "rule off and severity changed", config: "schema_version: 1\nrules: {placeholder-text: off, missing-customer-text: warning}\n",
			rules: []string{"missing-customer-text:warning", "missing-customer-text:warning"}},
		{name: "waiver covers a whole control", config: "schema_version: 1\nwaivers:\n  - {rule: missing-customer-text, rows: [AC-2], justification: In the SSP., expires: 2026-11-28}\n",
			rules: []string{"missing-customer-text:error", "placeholder-text:warning"}, waived: 1},
		{name: "waiver for one row does not cover the rest", config: "schema_version: 1\nwaivers:\n  - {rule: missing-customer-text, rows: [AC-2(a)], justification: x, expires: 2027-01-01}\n",
			rules: []string{"missing-customer-text:error", "missing-customer-text:error", "placeholder-text:warning"}},
		{name: "waiver for another rule", config: "schema_version: 1\nwaivers:\n  - {rule: placeholder-text, rows: [AT-2(a)], justification: x, expires: 2027-01-01}\n",
			rules: []string{"missing-customer-text:error", "missing-customer-text:error", "placeholder-text:warning"}},
		{name: "expired waiver", config: "schema_version: 1\nwaivers:\n  - {rule: missing-customer-text, rows: [AC-2, AT-2], justification: x, expires: 2026-11-27}\n",
			rules: []string{"expired-waiver:warning", "missing-customer-text:error", "missing-customer-text:error", "placeholder-text:warning"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			in := writeFile(t, dir, "in.yaml", placeholderInput)
			opts := Options{Today: today}
			if tc.config != "" {
				cfg, err := LoadConfig(writeFile(t, dir, "crm.yaml", tc.config))
				if err != nil {
					t.Fatal(err)
				}
				opts.Config = cfg
			}
			rep, err := Files(context.Background(), []string{in}, opts, nil)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range rep.Findings {
				if f.Severity != crm.Info { // notes are not what a project file is for
					got = append(got, f.Rule+":"+string(f.Severity))
				}
			}
			if d := cmp.Diff(tc.rules, got); d != "" {
				t.Errorf("findings (-want +got):\n%s", d)
			}
			if rep.Waived != tc.waived {
				t.Errorf("waived = %d, want %d", rep.Waived, tc.waived)
			}
		})
	}
}

func TestConfigErrors(t *testing.T) {
	tests := map[string]string{
		"schema_version: 1\nrules: {no-such-rule: off}\n":                                                       `crm.yaml:2:9: unknown rule "no-such-rule"`,
		"schema_version: 1\nrules: {schema: loud}\n":                                                            "crm.yaml:2:9: value must be one of",
		"schema_version: 1\nwaivers:\n  - {rule: schema, rows: [AC-2]}\n":                                       `crm.yaml:3:5: missing required properties "justification", "expires"`,
		"schema_version: 1\nwaivers:\n  - {rule: schema, rows: [AC2], justification: x, expires: 2027-01-01}\n": `crm.yaml:3:27: "AC2" is not a control id`,
		"schema_version: [\n": "invalid YAML",
	}
	for body, want := range tests {
		_, err := LoadConfig(writeFile(t, t.TempDir(), "crm.yaml", body))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("LoadConfig(%q) error = %v, want %q", body, err, want)
		}
	}
}
