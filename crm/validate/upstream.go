package validate

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"

	"github.com/crm-tool/crm/crm"
	"github.com/crm-tool/crm/crm/catalog"
	"github.com/crm-tool/crm/crm/controlid"
)

// maxChain bounds how many leveraged authorizations deep a chain may go.
const maxChain = 8

// chain loads leveraged providers' CRMs, each once, refusing cycles.
type chain struct {
	cache map[string]*Result
	stack []string // files being checked, outermost first
}

// newChain starts a chain at the file being checked, so that a provider
// leveraging it back is a cycle.
func newChain(file string) *chain {
	ch := &chain{cache: map[string]*Result{}}
	if abs, err := filepath.Abs(file); err == nil {
		ch.stack = []string{abs}
	}
	return ch
}

// load checks a leveraged provider's CRM as an input of its own.
func (ch *chain) load(path string) (*Result, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	if slices.Contains(ch.stack, abs) {
		return nil, errors.New("the chain of leveraged authorizations comes back to " + path)
	}
	if len(ch.stack) >= maxChain {
		return nil, fmt.Errorf("the chain of leveraged authorizations is deeper than %d", maxChain)
	}
	if r, ok := ch.cache[abs]; ok {
		return r, nil
	}
	data, err := readLimited(path)
	if err != nil {
		return nil, err
	}
	var res *Result
	if IsWorkbook(path) {
		res, err = Workbook(path, data, "")
	} else {
		ch.stack = append(ch.stack, abs)
		res, err = check(path, data, catalog.Default(), ch)
		ch.stack = ch.stack[:len(ch.stack)-1]
	}
	if err != nil {
		return nil, err
	}
	ch.cache[abs] = res
	return res, nil
}

// Upstream is a leveraged provider's CRM as this document uses it.
type Upstream struct {
	Leveraged crm.Leveraged
	Result    *Result
	rows      map[controlid.ID]*crm.Row
}

// Row finds the provider's answer for a row.
func (u *Upstream) Row(id controlid.ID) (*crm.Row, bool) {
	r, ok := u.rows[id]
	return r, ok
}

// Text is the provider's responsibilities text for a row.
func (u *Upstream) Text(r *crm.Row) string {
	return crm.Responsibility(r, u.Result.Doc.Services, "")
}

// upstreams loads the CRMs the document's leveraged authorizations name.
func (c *checker) upstreams() map[string]*Upstream {
	out := map[string]*Upstream{}
	if c.chain == nil {
		return out
	}
	for i, lv := range c.doc.Leveraged {
		if lv.CRM == "" {
			continue
		}
		ptr := "/leveraged/" + strconv.Itoa(i) + "/crm"
		path := lv.CRM
		if !filepath.IsAbs(path) {
			path = filepath.Join(filepath.Dir(c.file), path)
		}
		c.sources = append(c.sources, path)
		res, err := c.chain.load(path)
		if res != nil {
			c.sources = append(c.sources, res.Sources[1:]...)
		}
		if err != nil {
			c.add("upstream-unreadable", ptr, fmt.Sprintf("%s's CRM cannot be used: %v", lv.Name, err))
			continue
		}
		if res.Doc == nil {
			errs, _ := crm.Count(res.Findings)
			c.add("upstream-unreadable", ptr, fmt.Sprintf("%s's CRM %s has %d errors that keep it from being read; run crm validate %s", lv.Name, path, errs, path))
			continue
		}
		for _, f := range res.Findings {
			if f.Rule == "upstream-unreadable" {
				c.add("upstream-unreadable", ptr, fmt.Sprintf("%s's CRM %s: %s", lv.Name, path, f.Message))
			}
		}
		u := &Upstream{Leveraged: lv, Result: res, rows: map[controlid.ID]*crm.Row{}}
		for j := range res.Rows {
			u.rows[res.Rows[j].ID] = &res.Rows[j]
		}
		out[lv.ID] = u
	}
	return out
}

// upstreamLayer fills the rows each leveraged authorization's inherit list
// names from that provider's CRM.
func (c *checker) upstreamLayer(ups map[string]*Upstream) map[controlid.ID]crm.Layered {
	out := map[controlid.ID]crm.Layered{}
	for i, lv := range c.doc.Leveraged {
		u, ok := ups[lv.ID]
		if len(lv.Inherit) == 0 {
			continue
		}
		ptr := "/leveraged/" + strconv.Itoa(i)
		if !ok && lv.CRM == "" {
			c.add("upstream-unreadable", ptr+"/inherit", fmt.Sprintf("%s: inherit needs the provider's CRM; add crm: with its path", lv.Name))
			continue
		}
		families, ids := c.scope(lv.Inherit, ptr+"/inherit")
		if !ok {
			continue
		}
		for _, br := range c.set.Rows {
			if !families[br.ID.Family] && !ids[br.ID] && !ids[br.ID.Base()] {
				continue
			}
			up, found := u.Row(br.ID)
			if !found || up.Answer == "" {
				continue
			}
			f := crm.FromUpstream(up.Answer, u.Text(up), lv.ID)
			out[br.ID] = crm.Layered{Fields: &f, Pointer: ptr, Upstream: lv.Name + " " + br.ID.String()}
		}
	}
	return out
}

// scope parses an inherit list: families and control or row ids.
func (c *checker) scope(list []string, ptr string) (map[string]bool, map[controlid.ID]bool) {
	families, ids := map[string]bool{}, map[controlid.ID]bool{}
	for j, s := range list {
		p := ptr + "/" + strconv.Itoa(j)
		if len(s) == 2 {
			if f, ok := c.cat.Family(s); ok {
				families[f.ID] = true
			} else {
				c.add("unknown-family", p, fmt.Sprintf("there is no control family %q", s))
			}
			continue
		}
		if id, ok := c.baselineID(s, p); ok {
			ids[id] = true
		}
	}
	return families, ids
}

// upstreamRules checks every row against the CRMs of the providers it
// leverages.
func (c *checker) upstreamRules(rows []crm.Row, ups map[string]*Upstream) {
	claimed := map[string]map[controlid.ID]bool{}
	for i := range rows {
		r := &rows[i]
		u, ok := ups[r.Leveraged]
		if !ok || !slices.Contains(r.Origination, crm.Inherited) {
			continue
		}
		if claimed[r.Leveraged] == nil {
			claimed[r.Leveraged] = map[controlid.ID]bool{}
		}
		claimed[r.Leveraged][r.ID] = true
		from := r.From["origination"].Pointer
		name := u.Leveraged.Name
		up, found := u.Row(r.ID)
		switch {
		case !found || up.Answer == "":
			c.addRow("upstream-missing-row", from, fmt.Sprintf("inherited from %s, whose CRM does not answer this row", name), r.ID.String())
		case up.Answer == crm.AnswerNo:
			c.addRow("upstream-no", from, fmt.Sprintf("inherited from %s, whose CRM answers No: the provider leaves it to its customers", name), r.ID.String())
		case up.Answer == crm.AnswerPartial && !crm.ProviderDoes(r.Origination) && !crm.PassesOn(r):
			c.addRow("upstream-partial", from, fmt.Sprintf("inherited from %s, whose CRM answers Partial, and the customer part is neither done here nor passed on", name), r.ID.String())
		}
	}
	for _, lv := range c.doc.Leveraged {
		u, ok := ups[lv.ID]
		if !ok {
			continue
		}
		var left []string
		for i := range rows {
			r := &rows[i]
			up, found := u.Row(r.ID)
			if !found || claimed[lv.ID][r.ID] || up.Answer != crm.AnswerPartial && up.Answer != crm.AnswerNo {
				continue
			}
			if !crm.ProviderDoes(r.Origination) && !crm.PassesOn(r) {
				left = append(left, r.ID.String())
			}
		}
		if len(left) > 0 {
			ptr := "/leveraged/" + strconv.Itoa(slices.IndexFunc(c.doc.Leveraged, func(l crm.Leveraged) bool { return l.ID == lv.ID }))
			c.add("upstream-unaddressed", ptr, fmt.Sprintf("%d rows %s leaves (in part) to its customers are neither implemented here nor passed on to this system's customers: %s",
				len(left), lv.Name, listRows(left, 8)), left...)
		}
	}
}
