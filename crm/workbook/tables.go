package workbook

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/crm-tool/crm/crm/catalog"
	"github.com/crm-tool/crm/templates"
)

// StatusRole and OriginationRole name the CIS columns of a status or an
// origination value (implemented, sp-system, ...).
func StatusRole(v string) string      { return "status:" + v }
func OriginationRole(v string) string { return "origination:" + v }

// headerScan is how many rows from the top a header may be.
const headerScan = 20

func (rd *reader) layout() *templates.Layout {
	return templates.AppendixJ()
}

// findCell finds the first cell among the top rows whose folded text is
// want, returning its 0-based row and column.
func findCell(rows [][]string, want string) (int, int, bool) {
	for i, row := range rows[:min(len(rows), headerScan)] {
		for j, c := range row {
			if norm(c) == want {
				return i, j, true
			}
		}
	}
	return 0, 0, false
}

// cisTable reads a CIS worksheet: a "Control ID" header, and under or beside
// it a row of status and origination headers that start as the template's.
func (rd *reader) cisTable(sheet string) (*Table, error) {
	rows, err := rd.rows(sheet)
	if err != nil {
		return nil, err
	}
	l := rd.layout()
	idRow, idCol, ok := findCell(rows, norm(l.CIS.IDHeader))
	if !ok {
		return nil, fmt.Errorf("sheet %q has no %q header in its first %d rows", sheet, l.CIS.IDHeader, headerScan)
	}
	t := &Table{Sheet: sheet, Columns: map[string]int{RoleID: idCol}, Headers: map[string]string{}}
	headerRow := idRow
	for r := idRow; r < min(len(rows), idRow+2); r++ {
		found := false
		for j, c := range rows[r] {
			role := cisRole(l, norm(c))
			if role == "" {
				continue
			}
			if _, dup := t.Columns[role]; !dup {
				t.Columns[role] = j
				t.Headers[role] = c
				found = true
			}
		}
		if found {
			headerRow = r
		}
	}
	if len(t.Columns) == 1 {
		return nil, fmt.Errorf("sheet %q has no implementation status or control origination headers", sheet)
	}
	t.HeaderRow = headerRow + 1
	t.Ignored = ignored(sheet, rows, idRow, headerRow, t.Columns, l.CIS.StatusGroup, l.CIS.OriginationGroup)
	if t.Rows, err = dataRows(sheet, rows, headerRow+1, idCol); err != nil {
		return nil, err
	}
	return t, nil
}

func cisRole(l *templates.Layout, header string) string {
	if header == "" {
		return ""
	}
	for _, c := range l.CIS.StatusColumns {
		if strings.HasPrefix(header, c.Match) {
			return StatusRole(c.Value)
		}
	}
	for _, c := range l.CIS.OriginationColumns {
		if strings.HasPrefix(header, c.Match) {
			return OriginationRole(c.Value)
		}
	}
	return ""
}

// crmTable reads a CRM worksheet: a header row with "Control ID", an answer
// column ("Can Be Inherited ...") and a responsibilities column.
func (rd *reader) crmTable(sheet string) (*Table, error) {
	rows, err := rd.rows(sheet)
	if err != nil {
		return nil, err
	}
	l := rd.layout()
	idRow, idCol, ok := findCell(rows, norm(l.CRM.Headers[0]))
	if !ok {
		return nil, fmt.Errorf("sheet %q has no %q header in its first %d rows", sheet, l.CRM.Headers[0], headerScan)
	}
	t := &Table{Sheet: sheet, HeaderRow: idRow + 1, Columns: map[string]int{RoleID: idCol}, Headers: map[string]string{}}
	for j, c := range rows[idRow] {
		n := norm(c)
		switch {
		case j == idCol || n == "":
		case strings.HasPrefix(n, l.CRM.AnswerMatch) && !has(t.Columns, RoleAnswer):
			t.Columns[RoleAnswer], t.Headers[RoleAnswer] = j, c
		case strings.Contains(n, l.CRM.TextMatch) && !has(t.Columns, RoleText):
			t.Columns[RoleText], t.Headers[RoleText] = j, c
		}
	}
	if !has(t.Columns, RoleAnswer) {
		return nil, fmt.Errorf("sheet %q has no %q column on row %d", sheet, l.CRM.Headers[1], idRow+1)
	}
	t.Ignored = ignored(sheet, rows, idRow, idRow, t.Columns)
	if t.Rows, err = dataRows(sheet, rows, idRow+1, idCol); err != nil {
		return nil, err
	}
	return t, nil
}

func has(m map[string]int, k string) bool {
	_, ok := m[k]
	return ok
}

// ignored lists the header cells from row first to last that no role took,
// other than group titles.
func ignored(sheet string, rows [][]string, first, last int, cols map[string]int, groups ...string) []string {
	used := map[int]bool{}
	for _, c := range cols {
		used[c] = true
	}
	skip := map[string]bool{}
	for _, g := range groups {
		skip[norm(g)] = true
	}
	var out []string
	for r := first; r <= last; r++ {
		for j, c := range rows[r] {
			if used[j] || strings.TrimSpace(c) == "" || skip[norm(c)] {
				continue
			}
			out = append(out, fmt.Sprintf("'%s'!%s %q", sheet, cellName(j+1, r+1), c))
		}
	}
	return out
}

// MaxTableRows bounds the rows of a CIS, CRM or Provenance table: FedRAMP's
// High baseline has 791, so a table of twelve times that is no Appendix J
// worksheet,
// and each of its rows would cost the import a document entry or a finding.
const MaxTableRows = 10_000

// dataRows keeps the rows below the header whose id cell is not blank; blank
// rows and notes below the table are skipped.
func dataRows(sheet string, rows [][]string, from, idCol int) ([]TableRow, error) {
	out := make([]TableRow, 0, min(max(0, len(rows)-from), MaxTableRows))
	for i := from; i < len(rows); i++ {
		if idCol >= len(rows[i]) || strings.TrimSpace(rows[i][idCol]) == "" {
			continue
		}
		if len(out) == MaxTableRows {
			return nil, fmt.Errorf("sheet %q lists more than %d rows; an Appendix J worksheet lists at most %d (High)",
				sheet, MaxTableRows, len(catalog.Default().Baseline(catalog.High).Rows))
		}
		out = append(out, TableRow{Row: i + 1, Cells: rows[i]})
	}
	return out, nil
}

// instructions reads the system block and revision history of an
// Instructions sheet, wherever their headers stand.
func (rd *reader) instructions() error {
	l := rd.layout().Instructions
	rd.book.System = map[string]string{}
	if !rd.p.HasSheet(l.Sheet) {
		return nil
	}
	rows, err := rd.rows(l.Sheet)
	if err != nil {
		return err
	}
	if r, c, ok := findCell(rows, norm(l.SystemHeaders[0])); ok && r+1 < len(rows) {
		for j, h := range rows[r][c:] {
			if v := cellAt(rows, r+1, c+j); h != "" && !isPlaceholder(v) {
				rd.book.System[norm(h)] = strings.TrimSpace(v)
			}
		}
	}
	if r, c, ok := findCell(rows, norm(l.RevisionHeaders[0])); ok {
		cols := map[string]int{}
		for j, h := range rows[r] {
			cols[norm(h)] = j
		}
		for i := r + 1; i < len(rows); i++ {
			date := excelDate(strings.TrimSpace(cellAt(rows, i, c)))
			if date == "" {
				break
			}
			var rev [4]string
			for k, h := range l.RevisionHeaders {
				if j, ok := cols[norm(h)]; ok {
					rev[k] = strings.TrimSpace(cellAt(rows, i, j))
				}
			}
			rd.book.Revisions = append(rd.book.Revisions, rev)
		}
	}
	return nil
}

func cellAt(rows [][]string, r, c int) string {
	if r < len(rows) && c < len(rows[r]) {
		return rows[r][c]
	}
	return ""
}

// isPlaceholder reports template text such as <CSP Name>.
func isPlaceholder(v string) bool {
	v = strings.TrimSpace(v)
	return v == "" || strings.HasPrefix(v, "<") && strings.HasSuffix(v, ">")
}

// provenance reads this tool's Provenance sheet: its facts and, per row, the
// fields the CIS and CRM sheets cannot hold.
func (rd *reader) provenance() error {
	l := rd.layout().Provenance
	if !rd.p.HasSheet(l.Sheet) {
		return nil
	}
	rows, err := rd.rows(l.Sheet)
	if err != nil {
		return err
	}
	r, c, ok := findCell(rows, norm(l.Headers[0]))
	if !ok {
		return nil
	}
	t := &Table{Sheet: l.Sheet, HeaderRow: r + 1, Columns: map[string]int{}}
	for j, h := range rows[r] {
		t.Columns[norm(h)] = j
	}
	if t.Rows, err = dataRows(l.Sheet, rows, r+1, c); err != nil {
		return err
	}
	rd.book.Provenance = t
	for _, row := range rows[:r] {
		if len(row) >= 2 && strings.TrimSpace(row[0]) != "" {
			rd.book.Facts = append(rd.book.Facts, [2]string{strings.TrimSpace(row[0]), row[1]})
		}
	}
	return nil
}

// excelDate turns a date cell's serial number (days since 1899-12-30, as
// Excel counts) into YYYY-MM-DD; other text is returned as it is.
func excelDate(v string) string {
	days, err := strconv.ParseFloat(v, 64)
	if err != nil || days < 1 || days > 2958465 {
		return v
	}
	return time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(days)).Format(time.DateOnly)
}
