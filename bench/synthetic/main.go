// Command synthetic writes a benchmark-only CIS/CRM workbook of N rows: the
// High example's rows repeated. bench/run times it as a whole process next
// to bench/bare, which writes the same cells with bare excelize.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/crm-tool/crm/bench/internal/rows"
	"github.com/crm-tool/crm/crm/workbook"
)

func main() {
	n := flag.Int("rows", 79100, "rows to write")
	out := flag.String("o", "synthetic.xlsx", "output file")
	flag.Parse()
	spec, err := rows.Spec(*n)
	if err == nil {
		var f *os.File
		if f, err = os.Create(*out); err == nil {
			err = workbook.Write(f, spec)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "synthetic:", err)
		os.Exit(1)
	}
}
