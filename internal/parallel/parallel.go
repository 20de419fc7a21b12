// Package parallel runs a batch's jobs on a bounded number of goroutines:
// the one worker pool that crm's batches (generate, import, validate) share.
package parallel

import (
	"context"
	"runtime"
	"sync"
)

// Each calls do(i) for every i in [0, n), on at most workers goroutines at
// once (one per CPU when workers is 0 or less). Once ctx is done it starts
// no more jobs, waits for those running, and returns ctx's error; the jobs
// not started are not called at all.
func Each(ctx context.Context, n, workers int, do func(i int)) error {
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(workers, n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				do(i)
			}
		}()
	}
feed:
	for i := range n {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	return ctx.Err()
}
