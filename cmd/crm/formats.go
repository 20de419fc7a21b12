package main

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/crm-tool/crm/crm/report"
)

// addFormatFlags registers -f/--format with the formats of a command's
// table (report.*Formats, which decide how each is written) and -o/--output.
func addFormatFlags[T any](cmd *cobra.Command, formats report.Formats[T]) *outputFlags {
	return addOutputFlags(cmd, formats.Names())
}

// writeFormatted writes v in the format chosen from the command's table.
func writeFormatted[T any](s *streams, out *outputFlags, formats report.Formats[T], inputs []string, v T) error {
	f, err := formats.Lookup(out.format.value)
	if err != nil {
		return err
	}
	return writeOutput(s, out.output, f.Binary, inputs, func(w io.Writer) error { return f.Write(w, v) })
}
