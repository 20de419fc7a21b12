package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"regexp"
	"sort"
	"time"
)

// contentTypes is the part whose entries excelize writes in map order.
const contentTypes = "[Content_Types].xml"

// sheetDataEnd is where spliced rows go: after the rows excelize wrote.
var sheetDataEnd = []byte("</sheetData>")

var defaultEntry = regexp.MustCompile(`<Default [^>]*?(?:/>|></Default>)`)

// NewPacker returns a Packer that writes to dst, splicing the given rows,
// keyed by part name, into their sheet parts; stamp is every part's zip time.
func NewPacker(dst io.Writer, splices map[string][]*Piece, stamp time.Time) *Packer {
	return &Packer{dst: dst, splices: splices, stamp: stamp}
}

// Packer is the zip writer crm gives excelize (it has the methods of
// excelize's ZipWriter). excelize writes some entries and content-type
// defaults in map order, and compresses at deflate's default level on one
// core; the packer compresses each entry as it arrives, in parallel pieces
// at the fastest level, then writes the entries in a fixed order with the
// content types sorted: the same workbook is always the same bytes. It also
// splices rows written by a RowWriter into the sheets excelize writes with
// an empty table body.
type Packer struct {
	dst     io.Writer
	stamp   time.Time
	splices map[string][]*Piece
	entries []*entry
	cur     *entry
	err     error
}

// entry is one part. Parts written whole (the content types and the sheets
// that take spliced rows) are kept raw until the part ends; the others are
// compressed a chunk at a time as they arrive.
type entry struct {
	name   string
	whole  bool
	raw    []byte
	chunks chunker
}

func (p *Packer) Create(name string) (io.Writer, error) {
	p.finish()
	_, splice := p.splices[name]
	p.cur = &entry{name: name, whole: name == contentTypes || splice}
	p.entries = append(p.entries, p.cur)
	return p.cur, nil
}

func (p *Packer) AddFS(fs.FS) error { return errors.New("xlsx: AddFS is not supported") }

func (e *entry) Write(b []byte) (int, error) {
	if e.whole {
		e.raw = append(e.raw, b...)
	} else {
		e.chunks.write(b)
	}
	return len(b), nil
}

// finish ends the current entry, splicing its rows in.
func (p *Packer) finish() {
	e := p.cur
	p.cur = nil
	if e == nil {
		return
	}
	if e.name == contentTypes {
		e.chunks.write(sortedDefaults(e.raw))
		e.raw = nil
	}
	if rows, ok := p.splices[e.name]; ok {
		delete(p.splices, e.name)
		at := bytes.LastIndex(e.raw, sheetDataEnd)
		if at < 0 {
			p.err = fmt.Errorf("xlsx: %s has no table body", e.name)
			return
		}
		e.chunks.write(e.raw[:at])
		e.chunks.cut()
		e.chunks.pieces = append(e.chunks.pieces, rows...)
		e.chunks.write(e.raw[at:])
		e.raw = nil
	}
	e.chunks.end()
}

func (p *Packer) Close() error {
	p.finish()
	if p.err != nil {
		return p.err
	}
	if len(p.splices) > 0 {
		return errors.New("xlsx: rows left for a sheet that was not written")
	}
	sort.SliceStable(p.entries, func(i, j int) bool {
		a, b := p.entries[i].name, p.entries[j].name
		if (a == contentTypes) != (b == contentTypes) {
			return a == contentTypes
		}
		return a < b
	})
	zw := zip.NewWriter(p.dst)
	for _, e := range p.entries {
		crc, size, packed := sum(e.chunks.pieces)
		// CreateRaw writes the header as given: it must say what the zip
		// specification asks, as CreateHeader would (version 2.0, made on
		// MS-DOS, a valid date), since Office checks these fields.
		date, clock := dosTime(p.stamp)
		w, err := zw.CreateRaw(&zip.FileHeader{Name: e.name, Method: zip.Deflate, CRC32: crc,
			CompressedSize64: packed, UncompressedSize64: size,
			CreatorVersion: zipVersion20, ReaderVersion: zipVersion20, ModifiedDate: date, ModifiedTime: clock})
		if err != nil {
			return err
		}
		for _, p := range e.chunks.pieces {
			if _, err := w.Write(p.data); err != nil {
				return err
			}
		}
	}
	return zw.Close()
}

// zipVersion20 is version 2.0 of the zip specification: deflate.
const zipVersion20 = 20

// dosTime is t as a zip header's MS-DOS date and time (two-second steps,
// years from 1980).
func dosTime(t time.Time) (date, clock uint16) {
	t = t.UTC()
	date = uint16(max(t.Year()-1980, 0)<<9 | int(t.Month())<<5 | t.Day())
	clock = uint16(t.Hour()<<11 | t.Minute()<<5 | t.Second()/2)
	return date, clock
}

// sortedDefaults sorts the content types' Default entries.
func sortedDefaults(data []byte) []byte {
	entries := defaultEntry.FindAll(data, -1)
	sort.Slice(entries, func(i, j int) bool { return bytes.Compare(entries[i], entries[j]) < 0 })
	i := 0
	return defaultEntry.ReplaceAllFunc(data, func([]byte) []byte { i++; return entries[i-1] })
}
