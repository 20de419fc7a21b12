// Command bare writes the cells of bench/synthetic's workbook (the CIS, CRM
// and Provenance rows) with excelize's stream writer and nothing of crm's
// own: no styles, banding, lists, Summary or determinism. It is the floor
// crm's writer is measured against.
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/crm-tool/crm/bench/internal/rows"
	"github.com/crm-tool/crm/crm"
	"github.com/xuri/excelize/v2"
)

func main() {
	n := flag.Int("rows", 79100, "rows to write")
	out := flag.String("o", "bare.xlsx", "output file")
	flag.Parse()
	if err := write(*n, *out); err != nil {
		fmt.Fprintln(os.Stderr, "bare:", err)
		os.Exit(1)
	}
}

func mark(on bool) any {
	if on {
		return "X"
	}
	return nil
}

func write(n int, out string) error {
	spec, err := rows.Spec(n)
	if err != nil {
		return err
	}
	f := excelize.NewFile()
	defer f.Close()
	sheets := []string{"CIS", "CRM", "Provenance"}
	f.SetSheetName("Sheet1", sheets[0])
	for _, s := range sheets[1:] {
		if _, err := f.NewSheet(s); err != nil {
			return err
		}
	}
	var sws []*excelize.StreamWriter
	for _, s := range sheets {
		sw, err := f.NewStreamWriter(s)
		if err != nil {
			return err
		}
		sws = append(sws, sw)
	}
	statuses := []crm.Status{crm.Implemented, crm.Partial, crm.Planned, crm.Alternative, crm.NotApplicable}
	for i := range spec.Rows {
		r := &spec.Rows[i]
		cis := []any{r.ID.String()}
		for _, s := range statuses {
			cis = append(cis, mark(contains(r.Status, s)))
		}
		for _, o := range crm.Originations {
			cis = append(cis, mark(contains(r.Origination, o)))
		}
		text := crm.Responsibility(r, spec.Doc, "")
		prov := []any{r.ID.String(), r.Answer.Label(), "no", r.AnswerFrom.Layer.String(), r.AnswerFrom.Pointer, "1",
			join(r.Origination), join(r.Status), r.PlannedDate, r.Explanation, r.Provider, r.Leveraged, ""}
		row := fmt.Sprintf("A%d", i+2)
		for j, cells := range [][]any{cis, {r.ID.String(), r.Answer.Label(), text}, prov} {
			if err := sws[j].SetRow(row, cells); err != nil {
				return err
			}
		}
	}
	for _, sw := range sws {
		if err := sw.Flush(); err != nil {
			return err
		}
	}
	return f.SaveAs(out)
}

func contains[T comparable](l []T, v T) bool {
	for _, x := range l {
		if x == v {
			return true
		}
	}
	return false
}

func join[T ~string](l []T) string {
	s := make([]string, len(l))
	for i, x := range l {
		s[i] = string(x)
	}
	return strings.Join(s, " ")
}
