package xlsx

import (
	"bytes"
	"hash/crc32"
	"runtime"
	"sync"

	// klauspost's deflate writes the same format as compress/flate's at
	// its fastest level in under half the time, with output as small
	// (README, Performance).
	"github.com/klauspost/compress/flate"
)

// chunkSize is how much of a part one compressor takes at a time. Each
// table being written holds one chunk; at 1 MiB, their buffers were a fifth
// of a two-core batch's peak memory (48 → 39 MiB at GOGC=100).
const chunkSize = 256 << 10

// Piece is one compressed run of a part: deflate blocks that end in a sync
// flush, or in the final block for a part's last piece, so that pieces
// compressed apart join into one stream. It knows the CRC and the length of
// what it holds, so that pieces made apart also join into one checksum.
type Piece struct {
	done chan struct{}
	data []byte
	crc  uint32
	size int
}

// compressSlots bounds the pieces being compressed at once, across every
// workbook the process writes, and with it the memory they hold.
var compressSlots = make(chan struct{}, runtime.NumCPU())

// Chunk buffers and compressors are reused: a compressor's state is large.
var (
	chunkPool   = sync.Pool{New: func() any { b := make([]byte, 0, chunkSize); return &b }}
	compressors = sync.Pool{New: func() any { w, _ := flate.NewWriter(nil, flate.BestSpeed); return w }}
	outPool     = sync.Pool{New: func() any { return new(bytes.Buffer) }}
)

func newChunk() []byte { return (*chunkPool.Get().(*[]byte))[:0] }

// compress starts compressing raw, a buffer from newChunk, which it returns
// to the pool when done.
func compress(raw []byte, last bool) *Piece {
	p := &Piece{done: make(chan struct{}), size: len(raw)}
	compressSlots <- struct{}{}
	go func() {
		defer func() { <-compressSlots; close(p.done) }()
		p.crc = crc32.ChecksumIEEE(raw)
		out := outPool.Get().(*bytes.Buffer)
		out.Reset()
		fw := compressors.Get().(*flate.Writer)
		fw.Reset(out)
		fw.Write(raw)
		if last {
			fw.Close()
		} else {
			fw.Flush()
		}
		compressors.Put(fw)
		raw = raw[:0]
		chunkPool.Put(&raw)
		// Pieces are kept until the workbook is written: keep no more
		// than their bytes.
		p.data = bytes.Clone(out.Bytes())
		outPool.Put(out)
	}()
	return p
}

// chunker cuts what is written to it into chunks and compresses them.
type chunker struct {
	pending []byte
	pieces  []*Piece
}

func (c *chunker) write(b []byte) {
	for len(b) > 0 {
		if c.pending == nil {
			c.pending = newChunk()
		}
		take := min(len(b), chunkSize-len(c.pending))
		c.pending = append(c.pending, b[:take]...)
		b = b[take:]
		if len(c.pending) >= chunkSize {
			c.cut()
		}
	}
}

// cut compresses what is pending as a piece that more may follow.
func (c *chunker) cut() {
	if len(c.pending) > 0 {
		c.pieces = append(c.pieces, compress(c.pending, false))
	}
	c.pending = nil
}

// end compresses what is pending as the part's last piece.
func (c *chunker) end() {
	if c.pending == nil {
		c.pending = newChunk()
	}
	c.pieces = append(c.pieces, compress(c.pending, true))
	c.pending = nil
}

// sum waits for the pieces and returns the CRC and the length of what they
// hold, and the length of their compressed data.
func sum(pieces []*Piece) (crc uint32, size, packed uint64) {
	for _, p := range pieces {
		<-p.done
		crc = joinCRC(crc, p.crc, p.size)
		size += uint64(p.size)
		packed += uint64(len(p.data))
	}
	return crc, size, packed
}

// zeros feeds joinCRC.
var zeros = make([]byte, 64<<10)

// joinCRC is the CRC-32 of A followed by B, given that of A, that of B and
// B's length. A CRC is affine in its input, so
// crc(A‖B) = crc(A‖0ⁿ) ⊕ crc(0ᵐ‖B) ⊕ crc(0ᵐ‖0ⁿ), and the last two terms
// with m = 0 are crc(B) and crc(0ⁿ).
func joinCRC(a, b uint32, n int) uint32 {
	return extendZeros(a, n) ^ b ^ extendZeros(0, n)
}

// extendZeros continues a CRC over n zero bytes.
func extendZeros(crc uint32, n int) uint32 {
	for n > 0 {
		k := min(n, len(zeros))
		crc = crc32.Update(crc, crc32.IEEETable, zeros[:k])
		n -= k
	}
	return crc
}
