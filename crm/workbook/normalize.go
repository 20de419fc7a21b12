package workbook

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"regexp"
	"sort"
)

// contentTypes is the package part whose entries excelize writes in map
// order.
const contentTypes = "[Content_Types].xml"

var defaultEntry = regexp.MustCompile(`<Default [^>]*?(?:/>|></Default>)`)

// normalize rewrites an xlsx package so that equal workbooks are equal bytes:
// excelize orders some zip entries and content-type defaults by map
// iteration. Entries are sorted by name (content types first) and copied
// without recompressing.
func normalize(raw []byte, w io.Writer) error {
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		return fmt.Errorf("normalize workbook: %w", err)
	}
	files := append([]*zip.File(nil), zr.File...)
	sort.Slice(files, func(i, j int) bool {
		a, b := files[i].Name, files[j].Name
		if (a == contentTypes) != (b == contentTypes) {
			return a == contentTypes
		}
		return a < b
	})
	zw := zip.NewWriter(w)
	for _, f := range files {
		if f.Name == contentTypes {
			if err := copySorted(zw, f); err != nil {
				return err
			}
			continue
		}
		hdr := f.FileHeader
		out, err := zw.CreateRaw(&hdr)
		if err != nil {
			return err
		}
		in, err := f.OpenRaw()
		if err != nil {
			return err
		}
		if _, err := io.Copy(out, in); err != nil {
			return err
		}
	}
	return zw.Close()
}

// copySorted writes the content-types part with its Default entries sorted.
func copySorted(zw *zip.Writer, f *zip.File) error {
	rc, err := f.Open()
	if err != nil {
		return err
	}
	data, err := io.ReadAll(rc)
	rc.Close()
	if err != nil {
		return err
	}
	entries := defaultEntry.FindAll(data, -1)
	sort.Slice(entries, func(i, j int) bool { return bytes.Compare(entries[i], entries[j]) < 0 })
	i := 0
	data = defaultEntry.ReplaceAllFunc(data, func([]byte) []byte { i++; return entries[i-1] })
	out, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate})
	if err != nil {
		return err
	}
	_, err = out.Write(data)
	return err
}
