package report

import (
	"fmt"
	"io"
)

// Format is one way a command writes its result: the name -f takes, whether
// the output is binary (a workbook, never written to a terminal), and the
// writer.
type Format[T any] struct {
	Name   string
	Binary bool
	Write  func(w io.Writer, v T) error
}

// Formats is a command's table of formats, default first: the one place
// that decides what -f accepts and how each is written.
type Formats[T any] []Format[T]

// Names lists the formats' names, default first.
func (fs Formats[T]) Names() []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.Name
	}
	return out
}

// Lookup finds a format by name.
func (fs Formats[T]) Lookup(name string) (Format[T], error) {
	for _, f := range fs {
		if f.Name == name {
			return f, nil
		}
	}
	return Format[T]{}, fmt.Errorf("unknown format %q", name)
}

// Write writes v in the named format.
func (fs Formats[T]) Write(w io.Writer, name string, v T) error {
	f, err := fs.Lookup(name)
	if err != nil {
		return err
	}
	return f.Write(w, v)
}
