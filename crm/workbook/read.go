package workbook

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"sync"

	"github.com/crm-tool/crm/crm/catalog"

	"github.com/crm-tool/crm/crm/workbook/internal/xlsx"
)

// Column roles a reader recognises.
const (
	RoleID     = "id"
	RoleAnswer = "answer"
	RoleText   = "text"
)

// Table is one CIS or CRM worksheet as found in a workbook: where its header
// is, which column plays which role, and its data rows.
type Table struct {
	Sheet     string
	HeaderRow int               // 1-based row of the last header row
	Columns   map[string]int    // role → 0-based column
	Headers   map[string]string // role → the header as written
	Ignored   []string          // headers crm does not read, as 'Sheet'!C4 "text"
	Rows      []TableRow
	// Unvalued are the data cells that are formulas with no value saved
	// (A1 references): what they say is unknown.
	Unvalued []string
}

// TableRow is a data row: its 1-based row number and its cells (ragged).
type TableRow struct {
	Row   int
	Cells []string
}

// Value is the row's cell for a role, "" when the column or cell is absent.
func (t *Table) Value(r TableRow, role string) string {
	c, ok := t.Columns[role]
	if !ok || c >= len(r.Cells) {
		return ""
	}
	return r.Cells[c]
}

// Ref is the A1 name of the row's cell for a role.
func (t *Table) Ref(r TableRow, role string) string {
	c, ok := t.Columns[role]
	if !ok {
		c = 0
	}
	return cellName(c+1, r.Row)
}

// Book is what a reader found in a CIS/CRM workbook.
type Book struct {
	Sheets     []string
	Baseline   catalog.Baseline // from the sheet names or titles; "" when unknown
	Revision   int              // 5, or 4 for workbooks with Rev 4 ids
	CIS        *Table           // nil when the workbook has no CIS sheet
	CRM        *Table           // nil when the workbook has no CRM sheet
	System     map[string]string
	Revisions  [][4]string // date, description, version, author
	Provenance *Table      // crm's own Provenance sheet, when present
	Facts      [][2]string // the Provenance sheet's facts above its table: label, value
}

// ReadOptions say which baseline to read when a workbook holds several.
type ReadOptions struct {
	Baseline catalog.Baseline
	// MaxBytes caps what may be unzipped; 0 means MaxUnzipped.
	MaxBytes int64
}

// ErrNotWorkbook is returned for input that is not an xlsx package.
var ErrNotWorkbook = errors.New("not an xlsx workbook")

// Read finds the CIS and CRM worksheets of a workbook (this tool's, FedRAMP's
// template filled in by hand, Rev 4 ones, real-world variants) by their
// content, never by fixed cell addresses. Formulas are never evaluated:
// their cached values are read.
func Read(r io.Reader, o ReadOptions) (*Book, error) {
	raw, err := io.ReadAll(io.LimitReader(r, MaxBytes+1))
	if err != nil {
		return nil, err
	}
	return ReadBytes(raw, o)
}

// ReadBytes reads a workbook as Read does, from its bytes.
func ReadBytes(raw []byte, o ReadOptions) (*Book, error) {
	limit := o.MaxBytes
	if limit <= 0 {
		limit = MaxUnzipped
	}
	if int64(len(raw)) > MaxBytes {
		return nil, fmt.Errorf("the file is larger than %d MiB, the most crm reads", MaxBytes>>20)
	}
	if err := sniff(raw); err != nil {
		return nil, err
	}
	p, err := xlsx.Open(raw, limit)
	switch {
	case errors.Is(err, xlsx.ErrTooLarge):
		return nil, fmt.Errorf("%w: it unzips to more than %d MiB, the most crm reads", ErrNotWorkbook, limit>>20)
	case err != nil:
		return nil, fmt.Errorf("%w: %w", ErrNotWorkbook, err)
	}
	rd := &reader{p: p, book: &Book{Sheets: p.Sheets()}}
	return rd.read(o)
}

// sniff tells encrypted and non-zip files apart before excelize tries them.
func sniff(raw []byte) error {
	switch {
	case bytes.HasPrefix(raw, []byte("PK\x03\x04")) && bytes.Contains(raw[:min(len(raw), 256)], []byte("application/vnd.oasis.opendocument")):
		return fmt.Errorf("%w: it is an OpenDocument file (.ods); save it as .xlsx", ErrNotWorkbook)
	case bytes.HasPrefix(raw, []byte("PK\x03\x04")):
		return nil
	case bytes.HasPrefix(raw, []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")):
		return fmt.Errorf("%w: it is an encrypted workbook or an old .xls file; save it as an unprotected .xlsx", ErrNotWorkbook)
	case len(raw) == 0:
		return fmt.Errorf("%w: the file is empty", ErrNotWorkbook)
	}
	return fmt.Errorf("%w: it is not a zip package", ErrNotWorkbook)
}

type reader struct {
	p     *xlsx.Package
	book  *Book
	cache map[string]*sheetRows
}

// sheetRows is one sheet's cells, read once.
type sheetRows struct {
	once     sync.Once
	rows     [][]string
	unvalued [][2]int // formula cells without a saved value
	err      error
}

// rows reads a sheet's cells once, raw (no number formats: the CIS and CRM
// hold text).
func (rd *reader) rows(sheet string) ([][]string, error) {
	sr, ok := rd.cache[sheet]
	if !ok {
		sr = &sheetRows{}
		rd.cache[sheet] = sr
	}
	sr.once.Do(func() { sr.rows, sr.unvalued, sr.err = rd.p.Rows(sheet) })
	return sr.rows, sr.err
}

// unvalued names a table's data cells that are formulas without a saved
// value, as A1 references.
func (rd *reader) unvalued(t *Table) []string {
	var out []string
	for _, rc := range rd.cache[t.Sheet].unvalued {
		if rc[0] > t.HeaderRow {
			out = append(out, cellName(rc[1], rc[0]))
		}
	}
	return out
}

// prefetch reads the sheets crm reads (every CIS and CRM sheet, and
// Provenance) at once, one goroutine each: scanning their XML is most of
// reading a workbook.
func (rd *reader) prefetch() {
	rd.cache = map[string]*sheetRows{}
	var names []string
	for _, s := range rd.book.Sheets {
		n := norm(s)
		if hasWord(n, "cis") || hasWord(n, "crm") || s == rd.layout().Provenance.Sheet {
			names = append(names, s)
			rd.cache[s] = &sheetRows{}
		}
	}
	var wg sync.WaitGroup
	for _, s := range names {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, _ = rd.rows(s)
		}()
	}
	wg.Wait()
}

// pair is a baseline's CIS and CRM sheet names.
type pair struct {
	key      string // baseline, "" when the names say none
	cis, crm string
}

func (rd *reader) read(o ReadOptions) (*Book, error) {
	rd.prefetch()
	pairs := rd.pairs()
	if len(pairs) == 0 {
		return nil, fmt.Errorf("no CIS or CRM worksheet (sheets: %s)", strings.Join(quoted(rd.book.Sheets), ", "))
	}
	chosen, err := rd.choose(pairs, o.Baseline)
	if err != nil {
		return nil, err
	}
	b := rd.book
	if chosen.cis != "" {
		if b.CIS, err = rd.cisTable(chosen.cis); err != nil {
			return nil, err
		}
		b.CIS.Unvalued = rd.unvalued(b.CIS)
	}
	if chosen.crm != "" {
		if b.CRM, err = rd.crmTable(chosen.crm); err != nil {
			return nil, err
		}
		b.CRM.Unvalued = rd.unvalued(b.CRM)
	}
	b.Baseline = catalog.Baseline(chosen.key)
	b.Revision = rd.revision()
	if b.Baseline == "" {
		b.Baseline = rd.baselineFromTitles()
	}
	if err := rd.instructions(); err != nil {
		return nil, err
	}
	if err := rd.provenance(); err != nil {
		return nil, err
	}
	return b, nil
}

// pairs groups the CIS and CRM sheets by the baseline their names start
// with. Example sheets are not CRMs.
func (rd *reader) pairs() []pair {
	var out []pair
	index := map[string]int{}
	for _, s := range rd.book.Sheets {
		n := norm(s)
		if strings.Contains(n, "example") {
			continue
		}
		isCIS, isCRM := hasWord(n, "cis"), hasWord(n, "crm")
		if !isCIS && !isCRM {
			continue
		}
		key := ""
		for _, b := range catalog.Baselines() {
			if strings.HasPrefix(n, norm(b.Title())+" ") {
				key = string(b)
			}
		}
		i, ok := index[key]
		if !ok {
			i = len(out)
			index[key] = i
			out = append(out, pair{key: key})
		}
		if isCIS && out[i].cis == "" {
			out[i].cis = s
		} else if isCRM && out[i].crm == "" {
			out[i].crm = s
		}
	}
	return out
}

// choose picks the pair for the asked baseline, else the only pair, else
// the only pair with any content.
func (rd *reader) choose(pairs []pair, want catalog.Baseline) (pair, error) {
	if want != "" {
		for _, p := range pairs {
			if p.key == string(want) || p.key == "" && len(pairs) == 1 {
				return p, nil
			}
		}
		return pair{}, fmt.Errorf("no %s CIS or CRM worksheet (sheets: %s)", want.Title(), strings.Join(quoted(rd.book.Sheets), ", "))
	}
	if len(pairs) == 1 {
		return pairs[0], nil
	}
	var filled []pair
	var names []string
	for _, p := range pairs {
		if rd.filled(p) {
			filled = append(filled, p)
			names = append(names, catalog.Baseline(p.key).Title())
		}
	}
	switch len(filled) {
	case 1:
		return filled[0], nil
	case 0:
		return pair{}, errors.New("the workbook holds several baselines' worksheets and none is filled in; choose one with --baseline")
	}
	return pair{}, fmt.Errorf("the workbook has filled-in worksheets for %s; choose one with --baseline", strings.Join(names, ", "))
}

// filled reports whether a pair's CRM has an answer or its CIS a mark.
func (rd *reader) filled(p pair) bool {
	if p.crm != "" {
		if t, err := rd.crmTable(p.crm); err == nil {
			for _, r := range t.Rows {
				if strings.TrimSpace(t.Value(r, RoleAnswer)) != "" {
					return true
				}
			}
		}
	}
	if p.cis != "" {
		if t, err := rd.cisTable(p.cis); err == nil {
			for _, r := range t.Rows {
				for role := range t.Columns {
					if role != RoleID && strings.TrimSpace(t.Value(r, role)) != "" {
						return true
					}
				}
			}
		}
	}
	return false
}

// rev4Style tells an id written the Rev 4 way: a zero-padded control number
// (AC-02), or a space before a parenthesis (AC-2 (7), AC-2(7) (a)). Read for
// every row, so not a regexp.
func rev4Style(id string) bool {
	if strings.Contains(id, ") (") {
		return true
	}
	letter := func(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
	digit := func(c byte) bool { return c >= '0' && c <= '9' }
	if len(id) < 5 || !letter(id[0]) || !letter(id[1]) || id[2] != '-' || !digit(id[4]) {
		return false
	}
	return id[3] == '0' || digit(id[3]) && len(id) >= 7 && id[5] == ' ' && id[6] == '('
}

// revision tells Rev 4 workbooks by their ids: zero-padded, with spaces
// before parentheses (AC-02 (07) (a)).
func (rd *reader) revision() int {
	var rev4, all int
	for _, t := range []*Table{rd.book.CRM, rd.book.CIS} {
		if t == nil {
			continue
		}
		for _, r := range t.Rows {
			id := strings.TrimSpace(t.Value(r, RoleID))
			if id == "" {
				continue
			}
			all++
			if rev4Style(id) {
				rev4++
			}
		}
	}
	if all > 0 && rev4*2 > all {
		return 4
	}
	return 5
}

// baselineFromTitles reads "FedRAMP Low ... Worksheet" titles for workbooks
// whose sheet names do not say; "Low or Moderate" reads as Moderate, which
// holds every Low row.
func (rd *reader) baselineFromTitles() catalog.Baseline {
	for _, t := range []*Table{rd.book.CRM, rd.book.CIS} {
		if t == nil {
			continue
		}
		rows, _ := rd.rows(t.Sheet)
		for _, row := range rows[:min(len(rows), t.HeaderRow)] {
			for _, c := range row {
				n := norm(c)
				switch {
				case strings.Contains(n, "moderate"):
					return catalog.Moderate
				case strings.Contains(n, "li-saas"):
					return catalog.LISaaS
				case strings.Contains(n, "high"):
					return catalog.High
				case strings.Contains(n, "low"):
					return catalog.Low
				}
			}
		}
	}
	return ""
}

// norm folds case and every kind of space, and trims.
func norm(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(strings.ReplaceAll(s, "\u00a0", " ")), " "))
}

var nonWord = regexp.MustCompile(`[^a-z0-9]+`)

func hasWord(n, word string) bool {
	for _, w := range nonWord.Split(n, -1) {
		if w == word {
			return true
		}
	}
	return false
}

// CellRef is the A1 name of a 0-based column and 1-based row.
func CellRef(col, row int) string { return cellName(col+1, row) }
