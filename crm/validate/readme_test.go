package validate

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crm-tool/crm/crm"
)

// TestREADMEListsEveryRule keeps the README's rule table in step with Rules.
func TestREADMEListsEveryRule(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(repo, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range crm.Rules {
		row := "| `" + r.ID + "` | " + string(r.Severity) + " | "
		if !strings.Contains(string(raw), row) {
			t.Errorf("README.md has no row %q", row)
		}
	}
}
