package parallel

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
)

func TestEachCallsEveryJobOnce(t *testing.T) {
	for _, tc := range []struct{ n, workers int }{{0, 4}, {1, 4}, {7, 3}, {100, 0}, {5, 50}} {
		calls := make([]atomic.Int32, tc.n)
		if err := Each(context.Background(), tc.n, tc.workers, func(i int) { calls[i].Add(1) }); err != nil {
			t.Fatal(err)
		}
		for i := range calls {
			if c := calls[i].Load(); c != 1 {
				t.Errorf("n=%d workers=%d: job %d called %d times", tc.n, tc.workers, i, c)
			}
		}
	}
}

func TestEachBoundsTheWorkers(t *testing.T) {
	var running, most atomic.Int32
	var mu sync.Mutex
	err := Each(context.Background(), 50, 3, func(int) {
		now := running.Add(1)
		mu.Lock()
		most.Store(max(most.Load(), now))
		mu.Unlock()
		for range 1000 {
			_ = running.Load()
		}
		running.Add(-1)
	})
	if err != nil || most.Load() > 3 {
		t.Errorf("%d jobs at once (err %v), want at most 3", most.Load(), err)
	}
}

func TestEachStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var started atomic.Int32
	err := Each(ctx, 1000, 1, func(i int) {
		started.Add(1)
		if i == 4 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	// One worker: the job after the cancelling one may already be handed
	// over, none after that.
	if n := started.Load(); n < 5 || n > 6 {
		t.Errorf("%d jobs started after cancelling at the fifth", n)
	}
}
