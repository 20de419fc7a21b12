// Command crm produces, checks and compares FedRAMP Customer Responsibility
// Matrices. All of its work is in package run and the crm library.
package main

import (
	"context"
	"os"
	"os/signal"
	"runtime/debug"
)

func main() {
	// crm runs for a moment and allocates much short-lived garbage (XML
	// cells): a fourfold heap target halves the time spent collecting. It
	// costs memory, little for one workbook, much for a batch of them
	// (README, Performance); GOGC in the environment still decides.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
