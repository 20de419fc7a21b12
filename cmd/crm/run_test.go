package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// runCLI runs crm in-process and returns its exit code and streams.
func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(""), &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestExitCodes(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		code       int
		stdoutHas  string
		stderrHas  string
		stderrNone string
	}{
		{name: "help", args: []string{"--help"}, code: 0, stdoutHas: "Exit codes:"},
		{name: "version flag", args: []string{"--version"}, code: 0, stdoutHas: "crm "},
		{name: "version command", args: []string{"version"}, code: 0, stdoutHas: "NIST SP 800-53 Rev 5 catalog 5.0.1"},
		{name: "version json", args: []string{"version", "-f", "json"}, code: 0, stdoutHas: `"nist_catalog": "5.0.1"`},
		{name: "unknown command", args: []string{"bogus"}, code: 2, stderrHas: "unknown command \"bogus\""},
		{name: "unknown flag", args: []string{"controls", "--bogus"}, code: 2, stderrHas: "Run 'crm controls --help'"},
		{name: "missing baseline", args: []string{"controls"}, code: 2, stderrHas: `required flag(s) "baseline" not set`},
		{name: "bad baseline", args: []string{"controls", "-b", "medium"}, code: 2, stderrHas: "must be one of high, moderate, low, li-saas"},
		{name: "bad format", args: []string{"controls", "-b", "low", "-f", "xml"}, code: 2, stderrHas: "must be one of text, json, csv"},
		{name: "bad family", args: []string{"controls", "-b", "low", "--family", "ZZ"}, code: 2, stderrHas: `unknown family "ZZ"`},
		{name: "stray argument", args: []string{"controls", "-b", "low", "extra"}, code: 2, stderrHas: "unknown command"},
		{name: "family filter", args: []string{"controls", "-b", "high", "--family", "ac,ia"}, code: 0, stdoutHas: "IA-2(1)", stderrNone: "crm:"},
		{name: "validate valid", args: []string{"validate", "../../testdata/examples/paas-low.yaml"}, code: 0, stderrHas: "0 errors, 0 warnings in 1 file"},
		{name: "validate warnings only", args: []string{"validate", "../../testdata/examples/saas-moderate.yaml"}, code: 0, stderrHas: "0 errors, 1 warning in 1 file"},
		{name: "validate errors", args: []string{"validate", "../../testdata/input/invalid/schema.yaml"}, code: 1, stdoutHas: "error schema"},
		{name: "validate warnings", args: []string{"validate", "../../testdata/input/invalid/placeholder-text.yaml"}, code: 0, stdoutHas: "warning placeholder-text"},
		{name: "validate fail on warning", args: []string{"validate", "--fail-on", "warning", "../../testdata/input/invalid/placeholder-text.yaml"}, code: 1},
		{name: "validate syntax", args: []string{"validate", "../../testdata/input/invalid/syntax.yaml"}, code: 1, stdoutHas: "error syntax"},
		{name: "validate missing file", args: []string{"validate", "nope.yaml"}, code: 2, stderrHas: "no such file"},
		{name: "validate bad fail-on", args: []string{"validate", "--fail-on", "note", "x.yaml"}, code: 2, stderrHas: "must be one of error, warning, info"},
		{name: "batch with a missing input", args: []string{"generate", "../../testdata/examples/paas-low.yaml", "nope.yaml", "--out-dir", "TEMPDIR"}, code: 2, stderrHas: "1 with errors"},
		{name: "completion of an unknown shell", args: []string{"completion", "bogus"}, code: 2, stderrHas: `unknown shell "bogus" for completion (want bash, fish, powershell, zsh)`},
		{name: "completion without a shell", args: []string{"completion"}, code: 2, stderrHas: "completion needs a shell"},
		{name: "schema", args: []string{"schema"}, code: 0, stdoutHas: `"$id": "https://crm.invalid/schemas/input-v1.schema.json"`},
		{name: "schema config", args: []string{"schema", "config"}, code: 0, stdoutHas: "config-v1"},
		{name: "schema bad", args: []string{"schema", "other"}, code: 2, stderrHas: "invalid argument"},
		{name: "csv", args: []string{"controls", "-b", "li-saas", "-f", "csv"}, code: 0, stdoutHas: "AC-7(a),AC-7,AC,Unsuccessful Logon Attempts,false,NSO"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			args := slices.Clone(tc.args)
			for i, a := range args {
				if a == "TEMPDIR" {
					args[i] = t.TempDir()
				}
			}
			code, out, errOut := runCLI(t, args...)
			if code != tc.code {
				t.Errorf("exit code = %d, want %d\nstderr: %s", code, tc.code, errOut)
			}
			if !strings.Contains(out, tc.stdoutHas) {
				t.Errorf("stdout lacks %q:\n%s", tc.stdoutHas, out)
			}
			if !strings.Contains(errOut, tc.stderrHas) {
				t.Errorf("stderr lacks %q:\n%s", tc.stderrHas, errOut)
			}
			if tc.stderrNone != "" && strings.Contains(errOut, tc.stderrNone) {
				t.Errorf("stderr has %q:\n%s", tc.stderrNone, errOut)
			}
		})
	}
}

func TestControlsJSONCounts(t *testing.T) {
	for baseline, want := range map[string]int{"high": 791, "moderate": 688, "low": 424, "li-saas": 424} {
		code, out, _ := runCLI(t, "controls", "--baseline", baseline, "--format", "json")
		if code != 0 {
			t.Fatalf("%s: exit %d", baseline, code)
		}
		var doc struct {
			Version int `json:"version"`
			Count   int `json:"count"`
			Rows    []struct {
				ID string `json:"id"`
			} `json:"rows"`
		}
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatalf("%s: %v", baseline, err)
		}
		if doc.Version != 1 || doc.Count != want || len(doc.Rows) != want {
			t.Errorf("%s: version %d, count %d, %d rows; want 1, %d", baseline, doc.Version, doc.Count, len(doc.Rows), want)
		}
	}
}

func TestOutputFileIsAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "rows.csv")
	if code, _, errOut := runCLI(t, "controls", "-b", "low", "-f", "csv", "-o", path); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(string(raw), "\n"); got != 425 {
		t.Errorf("%d lines, want 425 (header + 424 rows)", got)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
	missing := filepath.Join(dir, "missing", "x.txt")
	if code, _, errOut := runCLI(t, "controls", "-b", "low", "-o", missing); code != 2 || errOut != "crm: write "+missing+": no such file or directory\n" {
		t.Errorf("unwritable output: exit %d, stderr %q", code, errOut)
	}
}

func TestProgressLineOnADumbTerminal(t *testing.T) {
	for _, tc := range []struct {
		term      string
		escape    bool
		clearedBy string
	}{{"xterm-256color", true, "\r\033[K"}, {"dumb", false, "\r" + strings.Repeat(" ", len("validated 12/12")) + "\r"}} {
		var buf bytes.Buffer
		p := progress(&buf, 12, tc.term)
		p(1, 12)
		p(12, 12)
		got := buf.String()
		if strings.Contains(got, "\033") != tc.escape || !strings.HasSuffix(got, tc.clearedBy) {
			t.Errorf("TERM=%s: %q", tc.term, got)
		}
	}
}
