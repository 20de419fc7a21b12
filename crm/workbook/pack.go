package workbook

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"hash/crc32"
	"io"
	"io/fs"
	"regexp"
	"runtime"
	"sort"
	"sync"

	"github.com/xuri/excelize/v2"
)

// The zip writer crm gives excelize. excelize writes some entries and
// content-type defaults in map order, and compresses at deflate's default
// level on one core; the packer compresses each entry as it arrives, large
// ones in parallel chunks at the fastest level, then writes the entries in a
// fixed order with the content types sorted: the same workbook is always the
// same bytes.

// chunkSize is how much of an entry one compressor takes at a time.
const chunkSize = 1 << 20

// contentTypes is the part whose entries excelize writes in map order.
const contentTypes = "[Content_Types].xml"

var defaultEntry = regexp.MustCompile(`<Default [^>]*?(?:/>|></Default>)`)

// usePacker makes f write through a packer.
func usePacker(f *excelize.File) {
	f.SetZipWriter(func(w io.Writer) excelize.ZipWriter { return &packer{dst: w} })
}

type packer struct {
	dst     io.Writer
	entries []*entry
	cur     *entry
}

// entry is one compressed part; chunks are compressed by workers and
// joined in order.
type entry struct {
	name    string
	crc     uint32
	size    uint64
	pending []byte
	chunks  []chan []byte
	raw     []byte // the whole part, kept only for the content types
	sem     chan struct{}
}

func (p *packer) Create(name string) (io.Writer, error) {
	p.finish()
	p.cur = &entry{name: name, sem: make(chan struct{}, runtime.NumCPU())}
	p.entries = append(p.entries, p.cur)
	return p.cur, nil
}

func (p *packer) AddFS(fs.FS) error { return errors.New("workbook: AddFS is not supported") }

// Chunk buffers and compressors are reused: a compressor's state is large.
var (
	chunks      = sync.Pool{New: func() any { b := make([]byte, 0, chunkSize); return &b }}
	compressors = sync.Pool{New: func() any { w, _ := flate.NewWriter(nil, flate.BestSpeed); return w }}
)

func (e *entry) Write(b []byte) (int, error) {
	n := len(b)
	e.crc = crc32.Update(e.crc, crc32.IEEETable, b)
	e.size += uint64(n)
	if e.name == contentTypes {
		e.raw = append(e.raw, b...)
		return n, nil
	}
	for len(b) > 0 {
		if e.pending == nil {
			e.pending = (*chunks.Get().(*[]byte))[:0]
		}
		take := min(len(b), chunkSize-len(e.pending))
		e.pending = append(e.pending, b[:take]...)
		b = b[take:]
		if len(e.pending) == chunkSize {
			e.dispatch(e.pending, false)
			e.pending = nil
		}
	}
	return n, nil
}

// dispatch hands one chunk to a worker, which compresses it and returns the
// buffer to the pool. Chunks other than the last end with a sync flush, so
// that their streams join into one deflate stream.
func (e *entry) dispatch(chunk []byte, last bool) {
	out := make(chan []byte, 1)
	e.chunks = append(e.chunks, out)
	e.sem <- struct{}{}
	go func() {
		defer func() { <-e.sem }()
		var buf bytes.Buffer
		buf.Grow(len(chunk) / 4)
		fw := compressors.Get().(*flate.Writer)
		fw.Reset(&buf)
		fw.Write(chunk)
		if last {
			fw.Close()
		} else {
			fw.Flush()
		}
		compressors.Put(fw)
		chunk = chunk[:0]
		chunks.Put(&chunk)
		out <- buf.Bytes()
	}()
}

// finish sends the current entry's last chunk.
func (p *packer) finish() {
	if e := p.cur; e != nil && e.name != contentTypes {
		if e.pending == nil {
			e.pending = (*chunks.Get().(*[]byte))[:0]
		}
		e.dispatch(e.pending, true)
		e.pending = nil
	}
	p.cur = nil
}

func (p *packer) Close() error {
	p.finish()
	sort.SliceStable(p.entries, func(i, j int) bool {
		a, b := p.entries[i].name, p.entries[j].name
		if (a == contentTypes) != (b == contentTypes) {
			return a == contentTypes
		}
		return a < b
	})
	zw := zip.NewWriter(p.dst)
	for _, e := range p.entries {
		if e.name == contentTypes {
			w, err := zw.CreateHeader(&zip.FileHeader{Name: e.name, Method: zip.Deflate})
			if err != nil {
				return err
			}
			if _, err := w.Write(sortedDefaults(e.raw)); err != nil {
				return err
			}
			continue
		}
		parts := make([][]byte, len(e.chunks))
		total := 0
		for i, c := range e.chunks {
			parts[i] = <-c
			total += len(parts[i])
		}
		data := make([]byte, 0, total)
		for _, part := range parts {
			data = append(data, part...)
		}
		w, err := zw.CreateRaw(&zip.FileHeader{Name: e.name, Method: zip.Deflate, CRC32: e.crc,
			CompressedSize64: uint64(len(data)), UncompressedSize64: e.size})
		if err != nil {
			return err
		}
		if _, err := w.Write(data); err != nil {
			return err
		}
	}
	return zw.Close()
}

// sortedDefaults sorts the content types' Default entries.
func sortedDefaults(data []byte) []byte {
	entries := defaultEntry.FindAll(data, -1)
	sort.Slice(entries, func(i, j int) bool { return bytes.Compare(entries[i], entries[j]) < 0 })
	i := 0
	return defaultEntry.ReplaceAllFunc(data, func([]byte) []byte { i++; return entries[i-1] })
}
