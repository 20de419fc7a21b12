// Command crm produces, checks and compares FedRAMP Customer Responsibility
// Matrices. All of its work is in package run and the crm library.
package main

import (
	"context"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
)

// softMemoryLimit is the heap size past which the collector runs more often
// than GOGC alone asks.
const softMemoryLimit = 128 << 20

func main() {
	// crm runs for a moment and allocates much short-lived garbage (XML
	// cells): a fourfold heap target halves the time spent collecting. It
	// costs memory, little for one workbook, much for a batch of them
	// (README, Performance); GOGC in the environment still decides.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	// The fourfold target is for small heaps: a soft limit makes the
	// collector work harder as the heap nears it, so a large input costs
	// little more than the memory it holds (README, Bad input).
	// GOMEMLIMIT in the environment still decides.
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(softMemoryLimit)
	}
	// SIGINT and SIGTERM cancel the run: it stops writing, removes its
	// temporary files and exits 2. A second signal ends it at once.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() { <-ctx.Done(); stop() }()
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
