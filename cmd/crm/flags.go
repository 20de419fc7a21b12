package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"
)

// enumFlag is a string flag restricted to a fixed list of values; its help
// and shell completion list the same values the parser accepts.
type enumFlag struct {
	value   string
	allowed []string
	set     bool
}

// changed reports whether the flag was given on the command line.
func (e *enumFlag) changed() bool { return e.set }

func (e *enumFlag) String() string { return e.value }
func (e *enumFlag) Type() string   { return "string" }

func (e *enumFlag) Set(v string) error {
	for _, a := range e.allowed {
		if strings.EqualFold(v, a) {
			e.value, e.set = a, true
			return nil
		}
	}
	return fmt.Errorf("must be one of %s", strings.Join(e.allowed, ", "))
}

// addEnumFlag registers --name (and -short) with its values in the help text
// and in shell completion.
func addEnumFlag(cmd *cobra.Command, name, short, def, usage string, allowed []string) *enumFlag {
	e := &enumFlag{value: def, allowed: allowed}
	cmd.Flags().VarP(e, name, short, fmt.Sprintf("%s: %s", usage, strings.Join(allowed, "|")))
	_ = cmd.RegisterFlagCompletionFunc(name, cobra.FixedCompletions(allowed, cobra.ShellCompDirectiveNoFileComp))
	return e
}

// outputFlags is the convention every command follows: -f/--format chooses
// what is written, -o/--output where ("-" is standard output).
type outputFlags struct {
	format *enumFlag
	output string
}

func addOutputFlags(cmd *cobra.Command, formats []string) *outputFlags {
	o := &outputFlags{}
	o.format = addEnumFlag(cmd, "format", "f", formats[0], "output format", formats)
	cmd.Flags().StringVarP(&o.output, "output", "o", "-", `write to this file ("-" for standard output)`)
	return o
}
