package workbook_test

import (
	"github.com/crm-tool/crm/crm/workbook"
	"io"
	"testing"

	"github.com/crm-tool/crm/crm"
)

// BenchmarkWriteHigh writes the High example: 791 rows, every sheet.
func BenchmarkWriteHigh(b *testing.B) {
	s := load(b, "iaas-high.yaml")
	b.ReportAllocs()
	for b.Loop() {
		if err := workbook.Write(io.Discard, s); err != nil {
			b.Fatal(err)
		}
	}
}

// synthetic repeats the High example's rows until there are n, for
// measuring row throughput (a benchmark-only workbook: ids repeat).
func synthetic(b *testing.B, n int) *workbook.Spec {
	s := load(b, "iaas-high.yaml")
	rows := make([]crm.Row, 0, n)
	for len(rows) < n {
		rows = append(rows, s.Rows[:min(len(s.Rows), n-len(rows))]...)
	}
	s.Rows = rows
	return s
}

func benchmarkRows(b *testing.B, n int) {
	s := synthetic(b, n)
	b.ReportAllocs()
	b.ReportMetric(float64(n), "rows")
	for b.Loop() {
		if err := workbook.Write(io.Discard, s); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWriteRows7910(b *testing.B)  { benchmarkRows(b, 7910) }
func BenchmarkWriteRows79100(b *testing.B) { benchmarkRows(b, 79100) }
