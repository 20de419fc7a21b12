package validate

import (
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/crm-tool/crm/crm"
	"github.com/crm-tool/crm/crm/controlid"
	"github.com/crm-tool/crm/crm/diff"
	"github.com/crm-tool/crm/crm/obligations"
	"github.com/google/go-cmp/cmp"
)

func chainFile(t *testing.T, name string) *Result {
	t.Helper()
	res, err := File(filepath.Join(repo, "testdata", "chain", name), "")
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestChainExamplesAreClean(t *testing.T) {
	for _, name := range []string{"iaas.yaml", "paas.yaml", "saas.yaml"} {
		if res := chainFile(t, name); len(res.Findings) != 0 {
			t.Errorf("%s: %+v", name, res.Findings)
		}
	}
}

// TestChainRules checks each chain rule on the fixtures that break it.
func TestChainRules(t *testing.T) {
	tests := []struct {
		file, rule string
		rows       []string // the rows the finding names; nil when it names none
		message    string
	}{
		{file: "bad-saas.yaml", rule: "upstream-no", rows: []string{"AC-1(a)", "AC-1(b)", "AC-1(c)"}, message: "whose CRM answers No"},
		{file: "bad-saas.yaml", rule: "upstream-duty", message: `AC-2(a), AC-2(b), AC-2(c), AC-2(d), AC-2(e), AC-2(f) and 6 more: Fabrikam App Platform's CRM answers Partial and leaves this to its customers ("Customers manage the developers`},
		{file: "bad-saas.yaml", rule: "pass-on-without-duty", rows: []string{"SC-7(a)"}, message: "pass_on names fabrikam, whose CRM leaves nothing of this row"},
		{file: "bad-saas.yaml", rule: "leveraged-incomplete", message: "Some Identity Provider has no fedramp_id, type, impact"},
		{file: "bad-saas.yaml", rule: "upstream-unreadable", message: "Ghost Cloud's CRM cannot be used"},
		{file: "high-on-low.yaml", rule: "leveraged-impact-below", message: "Lowly Hosting is authorized at low, below this system's High baseline"},
		{file: "moderate-on-low.yaml", rule: "upstream-missing-row", rows: []string{"AC-2(1)"}, message: "whose CRM does not answer this row"},
		{file: "cycle-a.yaml", rule: "upstream-unreadable", message: "comes back to"},
	}
	for _, tc := range tests {
		t.Run(tc.file+"/"+tc.rule, func(t *testing.T) {
			var hits []crm.Finding
			for _, f := range chainFile(t, tc.file).Findings {
				if f.Rule == tc.rule && strings.Contains(f.Message, tc.message) {
					hits = append(hits, f)
				}
			}
			if len(hits) != 1 {
				t.Fatalf("%d %s findings, want 1: %+v", len(hits), tc.rule, hits)
			}
			if !strings.Contains(hits[0].Message, tc.message) {
				t.Errorf("message %q lacks %q", hits[0].Message, tc.message)
			}
			if tc.rows != nil {
				if d := cmp.Diff(tc.rows, hits[0].Rows); d != "" {
					t.Errorf("rows (-want +got):\n%s", d)
				}
			}
		})
	}
	// IA-2 is done by the SaaS itself, which says how: it meets what
	// Fabrikam leaves. Every row an upstream-duty finding names stays todo,
	// and no other.
	res := chainFile(t, "bad-saas.yaml")
	named := map[string]bool{}
	for _, f := range res.Findings {
		for _, r := range f.Rows {
			if r == "IA-2" {
				t.Errorf("IA-2 is met, yet %s names it", f.Rule)
			}
			if f.Rule == "upstream-duty" {
				named[r] = true
			}
		}
	}
	if !named["AC-2(a)"] || !named["AC-1(a)"] {
		t.Errorf("upstream-duty names %d rows, not AC-1(a) and AC-2(a)", len(named))
	}
	for _, r := range res.Rows {
		if r.IsTodo() != named[r.ID.String()] {
			t.Errorf("%s todo = %v, named by upstream-duty: %v", r.ID, r.IsTodo(), named[r.ID.String()])
		}
	}
}

func TestChainFillsFromUpstream(t *testing.T) {
	res := chainFile(t, "saas.yaml")
	row := func(id string) *crm.Row {
		for i := range res.Rows {
			if res.Rows[i].ID == controlid.MustParse(id) {
				return &res.Rows[i]
			}
		}
		t.Fatalf("no row %s", id)
		return nil
	}
	pe := row("PE-3(a)")
	if pe.Answer != crm.AnswerYes || pe.AnswerFrom.Layer != crm.LayerLeveraged || pe.AnswerFrom.Upstream != "Fabrikam App Platform PE-3(a)" {
		t.Errorf("PE-3(a): %s from %+v", pe.Answer, pe.AnswerFrom)
	}
	// Fabrikam's own customer text never reaches Contoso's customers: the
	// row passes the backup duty on with its own words.
	cp := row("CP-9(a)")
	if cp.Answer != crm.AnswerPartial || cp.Customer != "" || cp.PassOn != "fabrikam" || cp.IsTodo() {
		t.Errorf("CP-9(a): %s %q pass_on %q todo %v", cp.Answer, cp.Customer, cp.PassOn, cp.IsTodo())
	}
	if got := crm.Responsibility(cp, res.Doc, ""); got != "Passed on from Fabrikam App Platform, FedRAMP FR2105550100, whose CRM leaves this to its customers:\n\nContoso Forms Builder: Export the responses of each form you need to keep." {
		t.Errorf("CP-9(a) CRM text %q", got)
	}
	if policy := row("CP-1(a)"); policy.AnswerFrom.Layer != crm.LayerSet {
		t.Errorf("CP-1(a): the set default must win over the upstream layer, got %s", policy.AnswerFrom.Layer)
	}
}

func TestTrace(t *testing.T) {
	hops := Trace(chainFile(t, "saas.yaml"), controlid.MustParse("PE-3(a)"))
	var got []string
	for _, h := range hops {
		got = append(got, h.System+" | "+h.Answer+" | "+h.Leveraged)
	}
	want := []string{
		"Contoso: Contoso Forms | Yes | Fabrikam App Platform",
		"Fabrikam: Fabrikam App Platform | Yes | Northwind Compute",
		"Northwind Infrastructure: Northwind Compute | Yes | ",
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("trace (-want +got):\n%s", d)
	}
	// A row the SaaS does itself is followed down to the duty it meets:
	// Fabrikam leaves account management partly to its customers, Contoso
	// handles it, and Fabrikam in turn handles Northwind's.
	hops = Trace(chainFile(t, "saas.yaml"), controlid.MustParse("AC-2(a)"))
	var handled []string
	for _, h := range hops {
		for _, d := range h.Duties {
			handled = append(handled, d.From+" "+d.Handling)
		}
	}
	if d := cmp.Diff([]string{"Fabrikam App Platform met", "Northwind Compute met"}, handled); d != "" || len(hops) != 3 {
		t.Errorf("AC-2(a): %d hops, duties (-want +got):\n%s", len(hops), d)
	}
}

func TestObligations(t *testing.T) {
	res := chainFile(t, "saas.yaml")
	all, err := obligations.Build(res.Doc, res.Rows, nil)
	if err != nil {
		t.Fatal(err)
	}
	partialOrNo := 0
	for _, r := range res.Rows {
		if r.Answer == crm.AnswerPartial || r.Answer == crm.AnswerNo {
			partialOrNo++
		}
	}
	if n := obligations.Duties(all); n != partialOrNo {
		t.Errorf("%d obligations, want every Partial and No row (%d)", n, partialOrNo)
	}
	var cp9 []string
	for _, o := range all {
		if o.Row == "CP-9(a)" {
			for _, d := range o.Duties {
				cp9 = append(cp9, d.Service+"|"+d.Text)
			}
		}
	}
	// Only what Contoso passes on, in its words: not Fabrikam's text.
	want := []string{"Contoso Forms Builder|Export the responses of each form you need to keep."}
	if d := cmp.Diff(want, cp9); d != "" {
		t.Errorf("CP-9(a) duties (-want +got):\n%s", d)
	}
	if _, err := obligations.Build(res.Doc, res.Rows, []string{"nope"}); err == nil || !strings.Contains(err.Error(), `no service "nope"`) {
		t.Errorf("unknown service: %v", err)
	}
}

// TestStale lists the PaaS rows that Northwind's CRM change reaches.
func TestStale(t *testing.T) {
	side := func(name string) *diff.Side {
		res := chainFile(t, name)
		return &diff.Side{Name: name, Doc: res.Doc, Rows: res.Rows}
	}
	affected := diff.Stale(diff.Compare(side("iaas-v0.yaml"), side("iaas.yaml"), diff.Options{}), chainFile(t, "paas.yaml").Rows, "northwind")
	got := map[string]string{}
	for _, a := range affected {
		got[a.Row] = a.Why
	}
	rows := make([]string, 0, len(got))
	for r := range got {
		rows = append(rows, r)
	}
	sort.Strings(rows)
	if d := cmp.Diff([]string{"CP-9(a)", "CP-9(b)", "CP-9(c)", "CP-9(d)", "PE-3(d)"}, rows); d != "" {
		t.Errorf("affected rows (-want +got):\n%s", d)
	}
	if got["PE-3(d)"] != "filled from the provider's CRM" || !strings.Contains(got["CP-9(a)"], "leaves more") {
		t.Errorf("reasons: %v", got)
	}
}
