package xlsx

import (
	"io"
	"sync"

	"github.com/klauspost/compress/flate"
)

// inflaters are reused: each holds a 32 KiB window.
var inflaters sync.Pool

// inflate reads a deflated part with klauspost's decompressor, a third
// faster than compress/flate's; archive/zip still checks sizes and CRCs.
func inflate(r io.Reader) io.ReadCloser {
	if fr, ok := inflaters.Get().(io.ReadCloser); ok {
		_ = fr.(flate.Resetter).Reset(r, nil) // only fails on a dictionary
		return &pooledInflater{fr}
	}
	return &pooledInflater{flate.NewReader(r)}
}

// pooledInflater goes back to the pool when closed.
type pooledInflater struct{ io.ReadCloser }

func (p *pooledInflater) Close() error {
	if p.ReadCloser == nil {
		return nil
	}
	err := p.ReadCloser.Close()
	inflaters.Put(p.ReadCloser)
	p.ReadCloser = nil
	return err
}
