package validate

import (
	"strings"

	"github.com/crm-tool/crm/crm"
	"github.com/crm-tool/crm/crm/importer"
	"github.com/crm-tool/crm/crm/source"
)

// locator places findings: at file:line:col for input documents, at
// 'Sheet'!Cell for workbooks.
type locator interface {
	place(f *crm.Finding, pointer string)
	has(pointer string) bool
	// order ranks a pointer by where its value stands in the file.
	order(pointer string) int
}

type sourceLocator struct{ src *source.Doc }

func (l sourceLocator) place(f *crm.Finding, pointer string) {
	p := l.src.Pos(pointer)
	f.Line, f.Col = p.Line, p.Col
}

func (l sourceLocator) has(pointer string) bool { return l.src.Has(pointer) }

func (l sourceLocator) order(pointer string) int {
	p := l.src.Pos(pointer)
	return p.Line<<16 | p.Col
}

// cellLocator maps the pointers of an imported document back to the cells
// they came from; a pointer without a cell of its own falls back to its
// longest prefix that has one, else to the main sheet.
type cellLocator struct {
	imp   *importer.Result
	rank  map[string]int
	sheet string
}

func newCellLocator(imp *importer.Result, sheet string) cellLocator {
	rank := make(map[string]int, len(imp.Keys))
	for i, k := range imp.Keys {
		rank["/controls/"+source.Escape(k)] = i
	}
	return cellLocator{imp: imp, rank: rank, sheet: sheet}
}

func (l cellLocator) place(f *crm.Finding, pointer string) {
	for p := pointer; ; {
		if c, ok := l.imp.Cell(p); ok {
			f.Sheet, f.Cell = c.Sheet, c.Ref
			return
		}
		i := strings.LastIndexByte(p, '/')
		if i < 0 {
			f.Sheet = l.sheet
			return
		}
		p = p[:i]
	}
}

func (l cellLocator) has(pointer string) bool {
	_, ok := l.imp.Cell(pointer)
	return ok
}

func (l cellLocator) order(pointer string) int { return l.rank[pointer] }
