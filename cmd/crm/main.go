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
	// Go's collector keeps its default pace (GOGC=100): a batch of High
	// workbooks then peaks near the memory of the openpyxl peer, where a
	// fourfold heap target took a sixth less CPU at about twice the
	// memory (README, Performance). A soft limit makes the collector work
	// harder as the heap nears it, so a large input costs little more than
	// the memory it holds (README, Bad input). GOMEMLIMIT in the
	// environment still decides.
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
