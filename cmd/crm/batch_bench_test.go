package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkBatchHigh runs the steps of bench/run's 100-CRM batch in one
// process, on 10 copies of the High example: generate, import, validate.
func BenchmarkBatchHigh(b *testing.B) {
	high, err := os.ReadFile(filepath.Join("..", "..", "testdata", "examples", "iaas-high.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	var inputs []string
	for i := 0; i < 10; i++ {
		in := filepath.Join(dir, fmt.Sprintf("high-%02d.yaml", i))
		text := strings.Replace(string(high), "name: Northwind Compute", fmt.Sprintf("name: Northwind Compute %02d", i), 1)
		if err := os.WriteFile(in, []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
		inputs = append(inputs, in)
	}
	xlsxDir, yamlDir := filepath.Join(dir, "xlsx"), filepath.Join(dir, "yaml")
	crm := func(b *testing.B, ok int, args ...string) {
		var stderr strings.Builder
		if code := run(context.Background(), args, strings.NewReader(""), io.Discard, &stderr); code != 0 && code != ok {
			b.Fatalf("crm %s: exit %d\n%s", args[0], code, stderr.String())
		}
	}
	step := func(b *testing.B, ok int, args ...string) {
		for i := 0; i < b.N; i++ {
			crm(b, ok, args...)
		}
	}
	generate := append([]string{"generate", "--out-dir", xlsxDir}, inputs...)
	crm(b, 0, generate...) // what import and validate read
	b.Run("generate", func(b *testing.B) { step(b, 0, generate...) })
	var books []string
	for _, in := range inputs {
		books = append(books, outputFor(in, xlsxDir, ".xlsx"))
	}
	b.Run("import", func(b *testing.B) {
		step(b, 0, append([]string{"import", "--out-dir", yamlDir}, books...)...)
	})
	b.Run("validate", func(b *testing.B) {
		step(b, 1, "validate", xlsxDir)
	})
}
