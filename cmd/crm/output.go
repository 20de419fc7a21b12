package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"

	"golang.org/x/term"
)

// writeOutput calls write with the destination named by path: standard
// output for "-" or "", otherwise a temporary file in the target folder that
// is renamed over path only once write succeeds, so a failure never leaves a
// half-written file. Binary output is refused on a terminal, and a path that
// is, or links to, one of the command's inputs is refused before anything
// is written.
//
// What path names is respected: a symbolic link keeps pointing where it
// did (its target is replaced), an existing file keeps its permissions, and
// a device or a FIFO (/dev/null, a pipe) is written to as it is, never
// replaced by a file. A write that fails (a full disk) is an error.
//
// A run interrupted (SIGINT, SIGTERM) while writing leaves nothing: the
// temporary file is removed and the output is not replaced.
func writeOutput(s *streams, path string, binary bool, inputs []string, write func(io.Writer) error) error {
	if path == "" || path == "-" {
		if binary && isTerminal(s.out) {
			return usagef("refusing to write a binary file to a terminal; use -o FILE or redirect standard output")
		}
		return write(s.out)
	}
	if err := notAnInput(path, inputs); err != nil {
		return err
	}
	target, err := resolveLink(path)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	mode := fs.FileMode(0o644)
	if st, err := os.Stat(target); err == nil {
		if !st.Mode().IsRegular() {
			return writeThrough(path, target, st.Mode(), write)
		}
		mode = st.Mode().Perm()
	}
	// A short temporary name, so that an output name near the file
	// system's limit still fits; ".crm-" marks what an interrupted run
	// (SIGKILL) may leave.
	tmp, err := os.CreateTemp(filepath.Dir(target), ".crm-*.tmp")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	defer os.Remove(tmp.Name()) // no-op once renamed
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	if err := s.interrupted(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), mode); err != nil {
		return fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	if err := os.Rename(tmp.Name(), target); err != nil {
		return fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	return nil
}

// resolveLink follows symbolic links to the path a write must replace; a
// path that is no link is itself. A dangling link resolves to where it
// points.
func resolveLink(path string) (string, error) {
	for range 40 { // as the kernel's limit on link chains
		st, err := os.Lstat(path)
		if err != nil || st.Mode()&fs.ModeSymlink == 0 {
			return path, nil
		}
		dest, err := os.Readlink(path)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(dest) {
			dest = filepath.Join(filepath.Dir(path), dest)
		}
		path = dest
	}
	return "", errors.New("too many levels of symbolic links")
}

// writeThrough writes to a device or FIFO as it is. A FIFO is opened
// without waiting: with nobody reading it, that is an error, not a hang.
func writeThrough(path, target string, mode fs.FileMode, write func(io.Writer) error) error {
	flags := os.O_WRONLY
	if mode&fs.ModeNamedPipe != 0 {
		flags |= syscall.O_NONBLOCK
	}
	f, err := os.OpenFile(target, flags, 0)
	if errors.Is(err, syscall.ENXIO) {
		return fmt.Errorf("write %s: a FIFO that nobody reads", path)
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	if err := write(f); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	return nil
}

// unwrapPath drops a temporary file's name from an error: it means
// nothing to the user, who named the output.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// notAnInput refuses an output path that names one of the command's inputs,
// by the file it reaches: another spelling, a symbolic link or a hard link
// to an input is the input.
func notAnInput(output string, inputs []string) error {
	out, err := os.Stat(output)
	if err != nil || !out.Mode().IsRegular() {
		return nil // nothing there yet, or a device: no input either
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

// isTerminal reports whether w is a terminal: a character device that
// answers as one (/dev/null is a character device, not a terminal).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
