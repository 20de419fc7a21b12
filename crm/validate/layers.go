package validate

import (
	"fmt"
	"strconv"

	"github.com/crm-tool/crm/crm"
	"github.com/crm-tool/crm/crm/catalog"
	"github.com/crm-tool/crm/crm/controlid"
	"github.com/crm-tool/crm/crm/source"
)

// layers parses every control key and default of the document into the
// layers Resolve applies, reporting bad, withdrawn, out-of-baseline and
// duplicate ids on the way. An entry with a bad id is left out.
func (c *checker) layers() *crm.Layers {
	n := len(c.doc.Controls) // most name rows (parts), the rest controls
	l := &crm.Layers{Controls: map[controlid.ID]crm.Layered{}, Rows: make(map[controlid.ID]crm.Layered, n)}
	c.listed = make(map[controlid.ID]bool, n)
	for i := range c.doc.Defaults {
		d := &c.doc.Defaults[i]
		ptr := "/defaults/" + strconv.Itoa(i)
		entry := crm.Layered{Fields: &d.Fields, Pointer: ptr}
		if d.ServiceModel != "" {
			sm, err := crm.ServiceModelLayers(d.ServiceModel, "", ptr, c.set)
			if err != nil {
				panic(err) // embedded data, covered by tests
			}
			l.ServiceModel = append(l.ServiceModel, sm...)
			continue
		}
		if len(d.Families) > 0 {
			fams := map[string]bool{}
			for j, f := range d.Families {
				fam, ok := c.cat.Family(f)
				if !ok {
					c.add("unknown-family", ptr+"/families/"+strconv.Itoa(j), fmt.Sprintf("there is no control family %q", f))
					continue
				}
				fams[fam.ID] = true
			}
			l.Families = append(l.Families, crm.DefaultLayer{Layered: entry, Families: fams})
			continue
		}
		ids := map[controlid.ID]bool{}
		for j, raw := range d.Controls {
			if id, ok := c.baselineID(raw, ptr+"/controls/"+strconv.Itoa(j)); ok {
				ids[id] = true
			}
		}
		l.Sets = append(l.Sets, crm.DefaultLayer{Layered: entry, IDs: ids})
	}

	firstKey := make(map[controlid.ID]string, n)
	for _, key := range c.controlKeys() {
		ptr := "/controls/" + source.Escape(key)
		id, ok := c.baselineID(key, ptr)
		if !ok {
			continue
		}
		if prev, dup := firstKey[id]; dup {
			c.add("duplicate-row", ptr, fmt.Sprintf("%q and %q are both %s; only the first is used", prev, key, id), id.String())
			continue
		}
		firstKey[id] = key
		c.listed[id] = true
		e := c.doc.Controls[key]
		entry := crm.Layered{Fields: &e, Pointer: ptr}
		if id.Part == "" {
			l.Controls[id] = entry
		} else {
			l.Rows[id] = entry
		}
	}
	return l
}

// baselineID parses raw and checks that it names a live control (or part)
// of the system's baseline.
func (c *checker) baselineID(raw, ptr string) (controlid.ID, bool) {
	id, err := controlid.Parse(raw)
	if err != nil {
		c.add("unknown-id", ptr, err.Error())
		return id, false
	}
	if c.set.Baseline == catalog.Rev4 {
		return c.rev4ID(id, ptr)
	}
	ctl, err := c.cat.Lookup(id)
	if err != nil {
		c.add("unknown-id", ptr, err.Error())
		return id, false
	}
	if ctl.Withdrawn {
		c.add("withdrawn-control", ptr, fmt.Sprintf("%s %s was withdrawn from Rev 5: %s", ctl.ID, ctl.Title, ctl.WithdrawnNote()), id.String())
		return id, false
	}
	if _, ok := c.set.Member(id); !ok {
		c.add("not-in-baseline", ptr, fmt.Sprintf("%s %s is not in the FedRAMP %s baseline; the entry is ignored", ctl.ID, ctl.Title, c.set.Baseline.Title()), id.String())
		return id, false
	}
	return id, true
}

// rev4ID checks an id against the Rev 4 template's rows, where withdrawn
// Rev 5 controls and other part letters are still rows.
func (c *checker) rev4ID(id controlid.ID, ptr string) (controlid.ID, bool) {
	if _, ok := c.set.RowIndex(id); ok {
		return id, true
	}
	if _, ok := c.set.Member(id); ok && id.Part == "" {
		return id, true
	}
	c.add("not-in-baseline", ptr, fmt.Sprintf("%s is not a row of the Rev 4 Low-or-Moderate template; the entry is ignored", id), id.String())
	return id, false
}
