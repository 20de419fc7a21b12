package validate

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/crm-tool/crm/crm"
	"github.com/crm-tool/crm/crm/catalog"
	"github.com/crm-tool/crm/crm/controlid"
	"github.com/crm-tool/crm/crm/importer"
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
	if importer.IsPackage(data) {
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
	return crm.CustomerText(r, u.Result.Doc, "")
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
			f := crm.FromUpstream(up.Answer, lv.ID)
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
// leverages: an inherited row must be backed by the provider's answer, and
// what a provider leaves to its customers must be met here or passed on.
func (c *checker) upstreamRules(rows []crm.Row, ups map[string]*Upstream) {
	for i := range rows {
		r := &rows[i]
		c.inheritedBacked(r, ups)
		c.dutiesHandled(r, ups)
	}
}

// inheritedBacked checks a row this system says it inherits against the
// provider's answer for it.
func (c *checker) inheritedBacked(r *crm.Row, ups map[string]*Upstream) {
	u, ok := ups[r.Leveraged]
	if !ok || !slices.Contains(r.Origination, crm.Inherited) {
		return
	}
	from := r.From.At(crm.FieldOrigination).Pointer
	up, found := u.Row(r.ID)
	switch {
	case !found || up.Answer == "":
		c.addRow("upstream-missing-row", from, fmt.Sprintf("inherited from %s, whose CRM does not answer this row", u.Leveraged.Name), r.ID.String())
	case up.Answer == crm.AnswerNo:
		c.addRow("upstream-no", from, fmt.Sprintf("inherited from %s, whose CRM answers No: the provider leaves it to its customers", u.Leveraged.Name), r.ID.String())
	}
}

// Duty is what a leveraged provider's CRM leaves to its customers on a row
// (answered Partial or No). Under FedRAMP's leveraged-authorization model
// the leveraging provider is that customer: the duty is its own, which its
// row meets (OSCAL satisfied) or, on purpose, passes on to its customers.
type Duty struct {
	Leveraged crm.Leveraged
	Answer    crm.Answer
	Text      string
}

// Duties lists what each leveraged provider with a known CRM leaves to its
// customers on a row, in the order the document lists the authorizations.
func Duties(r *crm.Row, doc *crm.Document, ups map[string]*Upstream) []Duty {
	var out []Duty
	for _, lv := range doc.Leveraged {
		u, ok := ups[lv.ID]
		if !ok {
			continue
		}
		if up, found := u.Row(r.ID); found && (up.Answer == crm.AnswerPartial || up.Answer == crm.AnswerNo) {
			out = append(out, Duty{Leveraged: lv, Answer: up.Answer, Text: u.Text(up)})
		}
	}
	return out
}

// Handling says how a row takes on an upstream duty: "passed-on" (pass_on
// names the provider, and the row has its own customer text), "met" (this
// document gives the row an origination with a provider column, and
// provider text saying how), or "" when it does neither.
func Handling(r *crm.Row, doc *crm.Document, d Duty) string {
	switch {
	case r.PassOn == d.Leveraged.ID && crm.CustomerText(r, doc, "") != "":
		return "passed-on"
	case r.From.At(crm.FieldOrigination).Layer > crm.LayerLeveraged && crm.ProviderDoes(r.Origination) && r.Provider != "":
		return "met"
	}
	return ""
}

// MetDuties lists, by row, the leveraged systems whose customer duty on the
// row this system meets (Handling "met"), in the order the document lists
// them.
func (res *Result) MetDuties() map[controlid.ID][]string {
	out := map[controlid.ID][]string{}
	for i := range res.Rows {
		r := &res.Rows[i]
		for _, d := range Duties(r, res.Doc, res.Upstreams) {
			if Handling(r, res.Doc, d) == "met" {
				out[r.ID] = append(out[r.ID], d.Leveraged.ID)
			}
		}
	}
	return out
}

// dutiesHandled reports the upstream duties a row neither meets nor passes
// on, and holds the row back (todo) until it does; and a pass_on that names
// a provider leaving nothing to pass.
func (c *checker) dutiesHandled(r *crm.Row, ups map[string]*Upstream) {
	duties := Duties(r, c.doc, ups)
	passes := false
	for _, d := range duties {
		passes = passes || d.Leveraged.ID == r.PassOn
		if Handling(r, c.doc, d) != "" {
			continue
		}
		ptr := c.leveragedPointer(d.Leveraged.ID)
		if src, ok := r.From.Of(crm.FieldOrigination); ok && src.Layer > crm.LayerLeveraged {
			ptr = src.Pointer
		}
		c.addRow("upstream-duty", ptr, fmt.Sprintf("%s's CRM answers %s and leaves this to its customers (%s): that is this provider's duty; say how this system meets it (an origination with a provider column, and provider text), or pass it on (pass_on: %s, with your customers' text)",
			d.Leveraged.Name, d.Answer.Label(), excerpt(d.Text), d.Leveraged.ID), r.ID.String())
		todo := true
		r.Todo = &todo
		if r.From == nil {
			r.From = &crm.Sources{}
		}
		r.From.Set(crm.FieldTodo, crm.Source{Layer: crm.LayerLeveraged, Pointer: c.leveragedPointer(d.Leveraged.ID), Upstream: d.Leveraged.Name + " " + r.ID.String()})
	}
	if r.PassOn != "" && !passes {
		if _, known := ups[r.PassOn]; known {
			c.addRow("pass-on-without-duty", r.From.At(crm.FieldPassOn).Pointer, fmt.Sprintf("pass_on names %s, whose CRM leaves nothing of this row to its customers", r.PassOn), r.ID.String())
		}
	}
}

func (c *checker) leveragedPointer(id string) string {
	return "/leveraged/" + strconv.Itoa(slices.IndexFunc(c.doc.Leveraged, func(l crm.Leveraged) bool { return l.ID == id }))
}

// excerpt quotes the start of a text on one line.
func excerpt(text string) string {
	text = strings.Join(strings.Fields(text), " ")
	if text == "" {
		return "without saying what"
	}
	if r := []rune(text); len(r) > 70 {
		text = string(r[:70]) + "…"
	}
	return strconv.Quote(text)
}
