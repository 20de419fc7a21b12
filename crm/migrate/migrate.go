// Package migrate carries a CRM to another baseline, or from Rev 4 rows to
// Rev 5: answers and texts follow each row where the row survives, also
// through the catalog's incorporated-into and moved-to links; new rows come
// out marked todo, and rows whose meaning may have changed are flagged.
package migrate

import (
	"fmt"
	"slices"
	"strings"

	"github.com/crm-tool/crm/crm"
	"github.com/crm-tool/crm/crm/catalog"
	"github.com/crm-tool/crm/crm/controlid"
)

// Item is a row in the report, with why it is there.
type Item struct {
	Row    string `json:"row"`
	Reason string `json:"reason"`
}

// Report lists what the migration did.
type Report struct {
	From, To string // "Rev 4 moderate", "Rev 5 high"
	Carried  int    // rows that kept their answer and texts as they were
	New      []Item // target rows nothing carried to: marked todo
	Changed  []Item // rows carried whose meaning may have changed: marked todo
	Dropped  []Item // source rows the target has no place for
}

// Migrate turns a resolved document (doc and its rows) into an input
// document for the Rev 5 baseline to.
func Migrate(doc *crm.Document, rows []crm.Row, to catalog.Baseline) (*crm.Document, *Report, error) {
	cat := catalog.Default()
	target := cat.Baseline(to)
	if target == nil {
		return nil, nil, fmt.Errorf("unknown baseline %q", to)
	}
	fromRev := 5
	if doc.Revision == 4 {
		fromRev = 4
	}
	rep := &Report{From: fmt.Sprintf("Rev %d %s", fromRev, doc.System.Baseline), To: "Rev 5 " + string(to)}
	if fromRev == 5 && catalog.Baseline(doc.System.Baseline) == to {
		return nil, nil, fmt.Errorf("the input is already a Rev 5 %s CRM: nothing to migrate", to)
	}
	out := &crm.Document{
		SchemaVersion: crm.SchemaVersion,
		System:        doc.System,
		Services:      doc.Services,
		Leveraged:     doc.Leveraged,
		Controls:      make(map[string]crm.Entry, len(target.Rows)),
	}
	out.System.Baseline = string(to)

	source := map[controlid.ID]*crm.Row{}
	for i := range rows {
		if rows[i].Resolved() {
			source[rows[i].ID] = &rows[i]
		}
	}
	changedParts := map[controlid.ID]bool{}
	if fromRev == 4 {
		changedParts = partsChanged(rows, target)
	}
	links := withdrawnLinks(cat, rows)
	used := map[controlid.ID]bool{}
	todo := true
	for _, tr := range target.Rows {
		id := tr.ID
		if src, ok := source[id]; ok {
			e := carry(src)
			used[id] = true
			if changedParts[id.Base()] {
				e.Todo = &todo
				rep.Changed = append(rep.Changed, Item{id.String(), fmt.Sprintf("%s has other parts in Rev 5 than in Rev 4: check that this part still means the same", id.Base())})
			} else {
				rep.Carried++
			}
			out.Controls[id.String()] = e
			continue
		}
		// A control that was one bare row in Rev 4 and has lettered parts in
		// Rev 5 (AU-3, CM-2, SC-13, …): its answer and text are carried to
		// every part, for review, rather than lost.
		if src, ok := source[id.Base()]; ok && id.Part != "" && fromRev == 4 {
			e := carry(src)
			e.Todo = &todo
			used[id.Base()] = true
			rep.Changed = append(rep.Changed, Item{id.String(), fmt.Sprintf("%s was one row in Rev 4; its answer and text are carried to each Rev 5 part: check that each part says what the control's row said", id.Base())})
			out.Controls[id.String()] = e
			continue
		}
		if from := links[id]; len(from) > 0 {
			e := carry(source[from[0]])
			e.Todo = &todo
			names := make([]string, len(from))
			for i, f := range from {
				used[f] = true
				names[i] = f.String()
			}
			rep.Changed = append(rep.Changed, Item{id.String(), "carried from withdrawn " + strings.Join(names, ", ") + ", incorporated into or moved to this row"})
			out.Controls[id.String()] = e
			continue
		}
		out.Controls[id.String()] = crm.Entry{Todo: &todo}
		rep.New = append(rep.New, Item{id.String(), newReason(fromRev, doc, id)})
	}
	for i := range rows {
		r := &rows[i]
		if !r.Resolved() || used[r.ID] {
			continue
		}
		rep.Dropped = append(rep.Dropped, Item{r.ID.String(), dropReason(cat, r.ID, to)})
	}
	return out, rep, nil
}

// carry copies what a row says, leaving a derived answer to be derived again.
func carry(r *crm.Row) crm.Entry {
	e := crm.Entry{
		Origination: r.Origination, Status: r.Status, PlannedDate: r.PlannedDate, Explanation: r.Explanation,
		Provider: r.Provider, Customer: r.Customer, Services: r.Services, Leveraged: r.Leveraged,
	}
	if r.AnswerStated || len(r.Origination) == 0 {
		e.Answer = r.Answer
	}
	return e
}

// partsChanged finds controls whose Rev 4 rows differ from their Rev 5 rows.
func partsChanged(rows []crm.Row, target *catalog.BaselineSet) map[controlid.ID]bool {
	rev4 := map[controlid.ID][]string{}
	for _, r := range rows {
		rev4[r.ID.Base()] = append(rev4[r.ID.Base()], r.ID.Part)
	}
	out := map[controlid.ID]bool{}
	for _, m := range target.Members {
		old, ok := rev4[m.ID]
		if !ok {
			continue
		}
		now := []string{""}
		if len(m.Parts) > 0 {
			now = m.Parts
		}
		if !slices.Equal(old, now) {
			out[m.ID] = true
		}
	}
	return out
}

// withdrawnLinks maps each target row to the source rows of withdrawn
// controls that were incorporated into or moved to it (or to its control:
// IA-2(11) into IA-2(6), the same subject). Never into a policy and
// procedures (-1) control: its parts are about policy, and filling them
// from the withdrawn control (MA-4(2)'s nonlocal maintenance into MA-1(c),
// the policy review) would say what the provider never said.
func withdrawnLinks(cat *catalog.Catalog, rows []crm.Row) map[controlid.ID][]controlid.ID {
	out := map[controlid.ID][]controlid.ID{}
	for _, r := range rows {
		ctl, ok := cat.Control(r.ID)
		if !ok || !ctl.Withdrawn || !r.Resolved() {
			continue
		}
		for _, l := range ctl.Links {
			to, err := controlid.Parse(l.Target)
			if err != nil {
				continue // a whole family: too broad to carry to
			}
			if to.Control == 1 && to.Enhancement == 0 {
				continue // a policy control: about something else
			}
			targets := []controlid.ID{to}
			if to.Part == "" {
				if c, ok := cat.Control(to); ok {
					targets = c.Rows()
				}
			}
			for _, t := range targets {
				if !slices.Contains(out[t], r.ID) {
					out[t] = append(out[t], r.ID)
				}
			}
		}
	}
	return out
}

func newReason(fromRev int, doc *crm.Document, id controlid.ID) string {
	if fromRev == 4 {
		return "a Rev 5 row with no Rev 4 row"
	}
	return fmt.Sprintf("not in the FedRAMP %s baseline", catalog.Baseline(doc.System.Baseline).Title())
}

func dropReason(cat *catalog.Catalog, id controlid.ID, to catalog.Baseline) string {
	if ctl, ok := cat.Control(id); ok && ctl.Withdrawn {
		return fmt.Sprintf("%s was withdrawn from Rev 5: %s", ctl.ID, ctl.WithdrawnNote())
	}
	if _, ok := cat.Baseline(to).Member(id); !ok {
		return fmt.Sprintf("not in the FedRAMP %s baseline", to.Title())
	}
	return "the control has no such part in Rev 5"
}
