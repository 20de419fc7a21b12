package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
)

// streams are the command's standard streams (tests pass buffers), and its
// context, which a SIGINT or SIGTERM cancels.
type streams struct {
	ctx context.Context
	in  io.Reader
	out io.Writer // results
	err io.Writer // diagnostics and summaries
}

// errInterrupted ends a run stopped by a signal: nothing more is written.
var errInterrupted = errors.New("interrupted; nothing written")

// interrupted reports a signal received since the run began.
func (s *streams) interrupted() error {
	if s.ctx != nil && s.ctx.Err() != nil {
		return errInterrupted
	}
	return nil
}

// run executes crm with args and returns the exit code. It is the only place
// that prints errors and chooses exit codes.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	s := &streams{ctx: ctx, in: stdin, out: stdout, err: stderr}
	root := newRoot(s)
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	cmd, err := root.ExecuteContextC(ctx)
	if err == nil {
		return exitOK
	}
	if errors.Is(err, errFindings) {
		return exitFindings
	}
	var silent *silentError
	if errors.As(err, &silent) {
		return silent.code
	}
	fmt.Fprintf(stderr, "crm: %v\n", err)
	var ue *usageError
	if errors.As(err, &ue) || isCobraUsageError(err) {
		fmt.Fprintf(stderr, "Run '%s --help' for usage.\n", cmd.CommandPath())
	}
	return exitUsage
}

// isCobraUsageError recognises the plain errors cobra returns for unknown
// commands, bad argument counts and missing or conflicting flags.
func isCobraUsageError(err error) bool {
	msg := err.Error()
	for _, prefix := range []string{
		"unknown command", "accepts ", "requires at least", "requires at most", "invalid argument",
		"required flag(s)", "if any flags in the group", "at least one of the flags", "none of the others",
	} {
		if strings.HasPrefix(msg, prefix) {
			return true
		}
	}
	return false
}
