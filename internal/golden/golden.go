// Package golden compares what a test produced with a file under
// testdata/golden; go test -update rewrites the file instead.
package golden

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite testdata/golden files")

// Update reports whether the test run was asked to rewrite golden files.
func Update() bool { return *update }

// Check compares got with testdata/golden/name below the repository root.
func Check(t testing.TB, root, name string, got []byte) {
	t.Helper()
	p := filepath.Join(root, "testdata", "golden", name)
	if *update {
		if err := os.WriteFile(p, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(string(want), string(got)); d != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", name, d)
	}
}
