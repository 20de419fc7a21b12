package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/crm-tool/crm/internal/parallel"
)

// batch runs one job per input on every core, prints each job's diagnostics
// in input order, and sums up: a usage, I/O or internal error in any job
// makes the exit code 2, findings in any job 1. A single input runs as a
// plain command would.
func batch(s *streams, inputs []string, job func(in string, s *streams) error) error {
	if len(inputs) == 1 {
		return job(inputs[0], s)
	}
	errs := make([]error, len(inputs))
	logs := make([]bytes.Buffer, len(inputs))
	for i := range errs {
		errs[i] = errInterrupted // until its job runs: an interrupt leaves the rest undone
	}
	ctx := s.ctx
	if ctx == nil {
		ctx = context.Background()
	}
	_ = parallel.Each(ctx, len(inputs), 0, func(i int) {
		errs[i] = job(inputs[i], &streams{ctx: s.ctx, in: s.in, out: s.out, err: &logs[i]})
	})
	var failed, broken int
	for i := range inputs {
		s.err.Write(logs[i].Bytes())
		switch err := errs[i]; {
		case err == nil:
		case errors.Is(err, errFindings):
			failed++
		default:
			broken++
			fmt.Fprintf(s.err, "crm: %s: %v\n", inputs[i], err)
		}
	}
	fmt.Fprintf(s.err, "%d of %d inputs done", len(inputs)-failed-broken, len(inputs))
	if failed+broken > 0 {
		fmt.Fprintf(s.err, "; %d with findings, %d with errors", failed, broken)
	}
	fmt.Fprintln(s.err)
	switch {
	case broken > 0:
		return errBatch
	case failed > 0:
		return errFindings
	}
	return nil
}

// distinctOutputs refuses a batch two of whose inputs would be written to
// the same output (a/x.yaml and b/x.yaml into one --out-dir): one would
// overwrite the other.
func distinctOutputs(inputs []string, dir, ext string) error {
	seen := map[string]string{}
	for _, in := range inputs {
		out := outputFor(in, dir, ext)
		if prev, ok := seen[out]; ok {
			return usagef("%s and %s would both be written to %s; give them other names or other --out-dir runs", prev, in, out)
		}
		seen[out] = in
	}
	return nil
}

// errBatch ends a batch whose jobs failed with errors already printed: exit 2.
var errBatch = &silentError{code: exitUsage}

// makeOutDir creates the --out-dir folder when it is missing, once, before
// any job runs.
func makeOutDir(dir string) error {
	if dir == "" {
		return nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("--out-dir: %w", err)
	}
	return nil
}

// outputFor names the output of one input of a batch: in dir (or beside the
// input) with the input's name and the extension ext.
func outputFor(input, dir, ext string) string {
	name := strings.TrimSuffix(filepath.Base(input), filepath.Ext(input)) + ext
	if dir == "" {
		return filepath.Join(filepath.Dir(input), name)
	}
	return filepath.Join(dir, name)
}
