package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// writeOutput calls write with the destination named by path: standard
// output for "-" or "", otherwise a temporary file in the target folder that
// is renamed over path only once write succeeds, so a failure never leaves a
// half-written file. Binary output is refused on a terminal, and a path that
// is, or links to, one of the command's inputs is refused before anything
// is written.
func writeOutput(path string, stdout io.Writer, binary bool, inputs []string, write func(io.Writer) error) error {
	if path == "" || path == "-" {
		if binary && isTerminal(stdout) {
			return usagef("refusing to write a binary file to a terminal; use -o FILE or redirect standard output")
		}
		return write(stdout)
	}
	if err := notAnInput(path, inputs); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		// The temporary name means nothing to the user: name the output.
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer os.Remove(tmp.Name()) // no-op once renamed
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// notAnInput refuses an output path that names one of the command's inputs,
// by the file it reaches: another spelling, a symbolic link or a hard link
// to an input is the input.
func notAnInput(output string, inputs []string) error {
	out, err := os.Stat(output)
	if err != nil {
		return nil // nothing there yet, so no input either
	}
	for _, in := range inputs {
		if st, err := os.Stat(in); err == nil && os.SameFile(st, out) {
			if in == output {
				return usagef("refusing to write over %s, an input of this command; choose another -o", in)
			}
			return usagef("refusing to write %s: it is %s, an input of this command; choose another -o", output, in)
		}
	}
	return nil
}
