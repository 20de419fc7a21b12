package main

import (
	"errors"
	"fmt"
)

// Exit codes, as documented in the root command's help and README.md.
const (
	exitOK       = 0 // success: valid, written, or no differences
	exitFindings = 1 // findings at or above --fail-on, or differences
	exitUsage    = 2 // bad flags or arguments, unreadable input, I/O or internal error
)

// usageError is a mistake in how crm was called; run prints it with a hint
// to see --help.
type usageError struct{ err error }

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

func usagef(format string, args ...any) error {
	return &usageError{err: fmt.Errorf(format, args...)}
}

// errFindings ends a command whose results were already printed with exit
// code 1 and no further message.
var errFindings = errors.New("findings reported")

// silentError ends a command with an exit code and no further message: what
// went wrong was printed already.
type silentError struct{ code int }

func (e *silentError) Error() string { return fmt.Sprintf("exit %d", e.code) }
