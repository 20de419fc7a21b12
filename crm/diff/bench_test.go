package diff_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/crm-tool/crm/crm"
	"github.com/crm-tool/crm/crm/diff"
	"github.com/crm-tool/crm/crm/validate"
)

// pair loads the High example twice and changes every tenth row of the
// second: an answer, a text.
func pair(b *testing.B) (*diff.Side, *diff.Side) {
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "examples", "iaas-high.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	load := func() *diff.Side {
		res, err := validate.Bytes("iaas-high.yaml", data)
		if err != nil || res.Doc == nil {
			b.Fatal(err)
		}
		return &diff.Side{Name: "high", Doc: res.Doc, Rows: res.Rows}
	}
	old, new := load(), load()
	for i := 0; i < len(new.Rows); i += 10 {
		new.Rows[i].Answer = crm.AnswerNo
		new.Rows[i].Customer += " Customers also review it yearly."
	}
	return old, new
}

// widen repeats a side's rows under distinct synthetic control numbers
// until it has n rows (benchmark-only CRMs).
func widen(s *diff.Side, n int) *diff.Side {
	base := s.Rows
	rows := make([]crm.Row, 0, n)
	for copy := 0; len(rows) < n; copy++ {
		for _, r := range base {
			if len(rows) == n {
				break
			}
			r.ID.Control += 100 * copy
			rows = append(rows, r)
		}
	}
	return &diff.Side{Name: s.Name, Doc: s.Doc, Rows: rows}
}

func BenchmarkDiffHigh(b *testing.B) {
	old, new := pair(b)
	b.ReportAllocs()
	for b.Loop() {
		if res := diff.Compare(old, new, diff.Options{}); len(res.Changes) == 0 {
			b.Fatal("no changes")
		}
	}
}

func BenchmarkDiffRows79100(b *testing.B) {
	old, new := pair(b)
	old, new = widen(old, 79100), widen(new, 79100)
	b.ReportAllocs()
	for b.Loop() {
		if res := diff.Compare(old, new, diff.Options{}); len(res.Changes) == 0 {
			b.Fatal("no changes")
		}
	}
}
