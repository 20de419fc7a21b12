package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
	"sync"
)

// Opening a package: its few small metadata parts (relationships, the
// workbook) are read with encoding/xml, so that namespaces resolve whatever
// prefix a producer binds them to; only the large parts (sheet data, shared
// strings) go through the byte scanner in scan.go.

// Package is an opened package: its parts and its shared strings.
type Package struct {
	parts  map[string]*zip.File
	sheets map[string]string // sheet name → part
	order  []string          // sheet names in workbook order
	shared []string
	limit  int64
}

// ErrTooLarge is a package that unzips to more than the limit.
var ErrTooLarge = errors.New("unzips to more than the limit")

// The relationships namespaces of transitional and strict OOXML, and the
// relationship types crm follows (their last path segment, the same in both).
var relNamespaces = []string{
	"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
	"http://purl.oclc.org/ooxml/officeDocument/relationships",
}

const (
	relOfficeDocument = "officeDocument"
	relSharedStrings  = "sharedStrings"
)

// defaultWorkbook is where the workbook part is when the package's own
// relationships do not say.
const defaultWorkbook = "xl/workbook.xml"

type xmlRelationships struct {
	Rels []struct {
		ID         string `xml:"Id,attr"`
		Type       string `xml:"Type,attr"`
		Target     string `xml:"Target,attr"`
		TargetMode string `xml:"TargetMode,attr"`
	} `xml:"Relationship"`
}

type xmlWorkbook struct {
	Sheets []struct {
		Name  string     `xml:"name,attr"`
		Attrs []xml.Attr `xml:",any,attr"`
	} `xml:"sheets>sheet"`
}

// relID is a sheet's relationship id: its id attribute in a relationships
// namespace, whatever the prefix.
func relID(attrs []xml.Attr) string {
	for _, a := range attrs {
		for _, ns := range relNamespaces {
			if a.Name.Local == "id" && a.Name.Space == ns {
				return a.Value
			}
		}
	}
	return ""
}

// Open opens an xlsx package whose parts may unzip to limit bytes in all.
// Only the XML parts count (and only they are read): pictures and other
// binary parts may be as large as the file allows.
func Open(raw []byte, limit int64) (*Package, error) {
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		return nil, err
	}
	zr.RegisterDecompressor(zip.Deflate, inflate)
	p := &Package{parts: map[string]*zip.File{}, sheets: map[string]string{}, limit: limit}
	var total uint64
	for _, f := range zr.File {
		name := strings.TrimPrefix(f.Name, "/")
		p.parts[name] = f
		if isXMLPart(name) {
			total += f.UncompressedSize64
		}
	}
	if total > uint64(limit) {
		return nil, ErrTooLarge
	}
	root, err := p.relationships("")
	if err != nil {
		return nil, err
	}
	wbPart := defaultWorkbook
	if t, ok := root[relOfficeDocument]; ok {
		wbPart = t
	}
	var wb xmlWorkbook
	if err := p.decode(wbPart, &wb); err != nil {
		return nil, err
	}
	rels, err := p.relationshipsByID(wbPart)
	if err != nil {
		return nil, err
	}
	for _, s := range wb.Sheets {
		target, ok := rels[relID(s.Attrs)]
		if !ok {
			return nil, fmt.Errorf("sheet %q has no part in the package (%s names none for it)", s.Name, relsPart(wbPart))
		}
		p.sheets[s.Name] = target
		p.order = append(p.order, s.Name)
	}
	byType, err := p.relationships(wbPart)
	if err != nil {
		return nil, err
	}
	if sstPart, ok := byType[relSharedStrings]; ok {
		sst, err := p.readText(sstPart)
		if err != nil {
			// A workbook whose strings cannot be read would import with
			// its text missing: refuse it instead.
			return nil, fmt.Errorf("shared strings %s: %w", sstPart, err)
		}
		if p.shared, err = sharedStrings(sst); err != nil {
			return nil, fmt.Errorf("shared strings %s: %w", sstPart, err)
		}
	}
	return p, nil
}

// relsPart is the relationships part of a part ("" for the package).
func relsPart(part string) string {
	dir, file := path.Split(part)
	return dir + "_rels/" + file + ".rels"
}

// relationshipsByID reads a part's relationships: id → target part. A
// package part without relationships has none.
func (p *Package) relationshipsByID(part string) (map[string]string, error) {
	rs, err := p.relTargets(part)
	if err != nil {
		return nil, err
	}
	out := make(map[string]string, len(rs))
	for _, r := range rs {
		out[r.id] = r.target
	}
	return out, nil
}

// relationships reads a part's relationships by type, the last segment of
// the type URI (officeDocument, sharedStrings): the first of each type.
func (p *Package) relationships(part string) (map[string]string, error) {
	rs, err := p.relTargets(part)
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, r := range rs {
		if _, seen := out[r.kind]; !seen {
			out[r.kind] = r.target
		}
	}
	return out, nil
}

type relTarget struct{ id, kind, target string }

func (p *Package) relTargets(part string) ([]relTarget, error) {
	name := relsPart(part)
	if _, ok := p.parts[name]; !ok {
		return nil, nil
	}
	var rels xmlRelationships
	if err := p.decode(name, &rels); err != nil {
		return nil, err
	}
	base := path.Dir(part)
	var out []relTarget
	for _, r := range rels.Rels {
		if strings.EqualFold(r.TargetMode, "External") {
			continue
		}
		target := r.Target
		if strings.HasPrefix(target, "/") {
			target = strings.TrimPrefix(target, "/")
		} else {
			target = path.Join(base, target)
		}
		out = append(out, relTarget{id: r.ID, kind: path.Base(r.Type), target: target})
	}
	return out, nil
}

// decode reads a metadata part with encoding/xml.
func (p *Package) decode(name string, into any) error {
	data, err := p.read(name)
	if err != nil {
		return err
	}
	if err := xml.Unmarshal(data, into); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// isXMLPart tells the parts the limit counts, the only ones read.
func isXMLPart(name string) bool {
	return strings.HasSuffix(name, ".xml") || strings.HasSuffix(name, ".rels")
}

// read unzips a part, whole or not at all: a damaged part (a bad checksum,
// a broken deflate stream, sizes that lie) is an error naming it.
func (p *Package) read(name string) ([]byte, error) {
	var buf bytes.Buffer
	if err := p.unzip(name, &buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// readText unzips a part as read does, into a string: the scanner's cell
// values are substrings of it, so reading a cell allocates nothing unless
// its text must be decoded (references, CR LF).
func (p *Package) readText(name string) (string, error) {
	var b strings.Builder
	if err := p.unzip(name, &b); err != nil {
		return "", err
	}
	return b.String(), nil
}

// sink is what a part unzips into: a bytes.Buffer or a strings.Builder.
type sink interface {
	io.Writer
	Grow(n int)
	Len() int
}

// copyBuffers carry a part into a strings.Builder, which has no ReadFrom.
var copyBuffers = sync.Pool{New: func() any { b := make([]byte, 32<<10); return &b }}

// unzip unzips a part into dst, sized for what the part says it holds:
// growing as ReadAll does copies the part several times over.
func (p *Package) unzip(name string, dst sink) error {
	f, ok := p.parts[name]
	if !ok {
		return fmt.Errorf("the package has no part %s", name)
	}
	if !isXMLPart(name) {
		return fmt.Errorf("part %s is not named as XML (.xml or .rels)", name)
	}
	rc, err := f.Open()
	if err != nil {
		return fmt.Errorf("part %s: %w", name, err)
	}
	defer rc.Close()
	dst.Grow(int(min(int64(f.UncompressedSize64), p.limit)) + bytes.MinRead)
	// archive/zip refuses a part that unzips to more than its declared
	// size, so the declared sizes, which Open holds to the limit, bound
	// what all parts together unzip to.
	buf := copyBuffers.Get().(*[]byte)
	defer copyBuffers.Put(buf)
	if _, err := io.CopyBuffer(dst, io.LimitReader(rc, p.limit+1), *buf); err != nil {
		return fmt.Errorf("part %s is damaged: %w", name, err)
	}
	if int64(dst.Len()) > p.limit {
		return ErrTooLarge
	}
	return nil
}

// sharedStrings reads the shared-strings table.
func sharedStrings(sst string) ([]string, error) {
	var out []string
	sc := scanner{data: sst}
	for {
		name, _, closing, selfClosing := sc.next()
		switch {
		case name == "":
			return out, nil
		case name != "si" || closing:
		case selfClosing:
			out = append(out, "") // <si/>: an empty string
		default:
			out = append(out, sc.text())
			if sc.tooLong {
				return nil, fmt.Errorf("string %d %w", len(out)-1, errTextTooLong)
			}
		}
	}
}

// Sheets names the workbook's sheets in workbook order.
func (p *Package) Sheets() []string { return p.order }

// HasSheet tells whether the workbook has a sheet of that name.
func (p *Package) HasSheet(name string) bool {
	_, ok := p.sheets[name]
	return ok
}
