package schemas

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// TestCR26SchemasAreFedRAMPs holds the embedded CR26 schemas to FedRAMP's
// files in ../shared/data/fedramp-cr26 (go generate ./schemas copies them),
// skipped only when that folder is absent.
func TestCR26SchemasAreFedRAMPs(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "data", "fedramp-cr26")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("../shared/data/fedramp-cr26 is not here")
	}
	for _, f := range []string{SDR, SCN, Common} {
		shared, err := os.ReadFile(filepath.Join(dir, filepath.Base(f)))
		if err != nil {
			t.Fatal(err)
		}
		var want bytes.Buffer
		if err := json.Compact(&want, shared); err != nil {
			t.Fatal(err)
		}
		got, err := FS.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(bytes.TrimSpace(got), want.Bytes()) {
			t.Errorf("%s differs from FedRAMP's; run go generate ./schemas", f)
		}
	}
}
