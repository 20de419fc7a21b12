package main

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/crm-tool/crm/schemas"
)

func newSchemaCmd(s *streams) *cobra.Command {
	var out string
	cmd := &cobra.Command{
		Use:       "schema [input|config]",
		Short:     "Print the JSON Schema of input files or of the project file",
		Long:      "Print the embedded JSON Schema (draft 2020-12) of crm's input files (the default) or of its\nproject file. Editors that speak JSON Schema check files against it as you type.",
		Example:   "  crm schema > input-v1.schema.json",
		Args:      cobra.MatchAll(cobra.MaximumNArgs(1), cobra.OnlyValidArgs),
		ValidArgs: []string{"input", "config"},
		RunE: func(_ *cobra.Command, args []string) error {
			name := schemas.Input
			if len(args) == 1 && args[0] == "config" {
				name = schemas.Config
			}
			raw, err := schemas.FS.ReadFile(name)
			if err != nil {
				return err
			}
			return writeOutput(s, out, false, nil, func(w io.Writer) error {
				_, err := w.Write(raw)
				return err
			})
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "-", `write to this file ("-" for standard output)`)
	return cmd
}
