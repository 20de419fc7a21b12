package main

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

var update = flag.Bool("update", false, "rewrite golden files and testscript archives")

// crmMain is the "crm" program inside scripts: the real run(), in-process.
func crmMain() {
	os.Exit(run(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){"crm": crmMain})
}

func TestScripts(t *testing.T) {
	hand, err := os.ReadFile("../../testdata/workbooks/hand-typed.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	chain := map[string][]byte{}
	for _, name := range []string{"iaas.yaml", "iaas-v0.yaml", "paas.yaml", "saas.yaml"} {
		if chain[name], err = os.ReadFile(filepath.Join("../../testdata/chain", name)); err != nil {
			t.Fatal(err)
		}
	}
	if chain["paas-low.yaml"], err = os.ReadFile("../../testdata/examples/paas-low.yaml"); err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir:                 "../../testdata/script",
		UpdateScripts:       *update,
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
		// Binary fixtures (txtar holds text only), the chain example and
		// the PaaS example are put in each work dir.
		Setup: func(env *testscript.Env) error {
			for name, data := range chain {
				if err := os.WriteFile(filepath.Join(env.WorkDir, name), data, 0o644); err != nil {
					return err
				}
			}
			return os.WriteFile(filepath.Join(env.WorkDir, "hand.xlsx"), hand, 0o644)
		},
	})
}
