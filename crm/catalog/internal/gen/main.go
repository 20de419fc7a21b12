// Command gen turns the public reference data in ../shared/data (NIST's OSCAL
// catalog, FedRAMP's resolved Rev 5 baselines and the Rev 4 CIS template) into
// catalog_gen.go, Go data that package catalog compiles in. Run it through
// `go generate ./crm/catalog`; the binary itself never reads ../shared.
package main

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/crm-tool/crm/crm/catalog/internal/format"
	"github.com/crm-tool/crm/crm/controlid"
	"github.com/xuri/excelize/v2"
)

func main() {
	data := flag.String("data", "../../../shared/data", "folder holding the reference data")
	out := flag.String("out", "catalog_gen.go", "file to write")
	flag.Parse()
	if err := run(*data, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

// baselineFiles names the resolved-profile catalog of each baseline, in the
// order the catalog lists them.
var baselineFiles = []struct{ name, file string }{
	{"high", "FedRAMP_rev5_HIGH-baseline-resolved-profile_catalog-min.json"},
	{"moderate", "FedRAMP_rev5_MODERATE-baseline-resolved-profile_catalog-min.json"},
	{"low", "FedRAMP_rev5_LOW-baseline-resolved-profile_catalog-min.json"},
	{"li-saas", "FedRAMP_rev5_LI-SaaS-baseline-resolved-profile_catalog-min.json"},
}

// addedIn511 are the controls release 5.1.1 added to the catalog. The local
// NIST copy is release 5.0.1 and no FedRAMP baseline selects them, so their
// titles come from SP 800-53 Rev 5.1.1 itself.
var addedIn511 = []format.Control{
	{ID: "ia-13", Title: "Identity Providers and Authorization Servers", Parts: "abc"},
	{ID: "ia-13.1", Title: "Protection of Cryptographic Keys"},
	{ID: "ia-13.2", Title: "Verification of Identity Assertions and Access Tokens"},
	{ID: "ia-13.3", Title: "Token Management"},
}

const (
	nistFile  = "NIST_SP-800-53_rev5_catalog-min.json"
	rev4File  = "REV_4_SSP-A09-FedRAMP-Low-or-Moderate-CIS-Workbook-Template.xlsx"
	rev4Sheet = "CIS Worksheet"
	rev4First = 4 // first data row of the Rev 4 CIS sheet
)

func run(dataDir, out string) error {
	nist, err := readCatalog(filepath.Join(dataDir, nistFile))
	if err != nil {
		return err
	}
	doc := format.Catalog{NISTVersion: nist.Metadata.Version}
	for _, g := range nist.Groups {
		doc.Families = append(doc.Families, format.Family{ID: strings.ToUpper(g.ID), Title: g.Title})
	}

	// Titles and parts from FedRAMP's resolved catalogs (release 5.1.1) win
	// over NIST's 5.0.1 text; baselines must agree on each control's parts.
	resolved := map[string]format.Control{}
	for _, bf := range baselineFiles {
		cat, err := readCatalog(filepath.Join(dataDir, bf.file))
		if err != nil {
			return err
		}
		doc.FedRAMPVersion = cat.Metadata.Version
		bl := format.Baseline{Name: bf.name}
		for _, c := range cat.controls() {
			entry := format.Control{ID: c.ID, Title: c.Title, Parts: c.parts(), Params: c.params()}
			if prev, ok := resolved[c.ID]; ok && prev.Parts != entry.Parts && bf.name != "li-saas" {
				return fmt.Errorf("%s: %s has parts %q here but %q in another baseline", bf.file, c.ID, entry.Parts, prev.Parts)
			}
			if _, ok := resolved[c.ID]; !ok {
				resolved[c.ID] = entry
			}
			bl.Controls = append(bl.Controls, format.Member{ID: c.ID, Core: c.prop("CORE") == "true", Methods: c.props("method"), Constraints: c.constraints()})
		}
		doc.Baselines = append(doc.Baselines, bl)
	}

	for _, c := range nist.controls() {
		entry, ok := resolved[c.ID]
		if !ok {
			entry = format.Control{ID: c.ID, Title: c.Title, Parts: c.parts(), Params: c.params()}
		}
		if c.prop("status") == "withdrawn" {
			entry.Withdrawn = true
			for _, l := range c.Links {
				if l.Rel == "incorporated-into" || l.Rel == "moved-to" {
					entry.Links = append(entry.Links, format.Link{Rel: l.Rel, Target: strings.TrimPrefix(l.Href, "#")})
				}
			}
		}
		doc.Controls = append(doc.Controls, entry)
	}
	doc.Controls = append(doc.Controls, addedIn511...)
	slices.SortFunc(doc.Controls, func(a, b format.Control) int {
		return controlid.Compare(controlid.MustParse(a.ID), controlid.MustParse(b.ID))
	})

	if doc.Rev4Rows, err = readRev4Rows(filepath.Join(dataDir, rev4File)); err != nil {
		return err
	}
	src, err := format.GoSource(&doc, "catalog", "generated")
	if err != nil {
		return err
	}
	return os.WriteFile(out, src, 0o644)
}

// readRev4Rows lists the Control ID column of the Rev 4 CIS template in
// canonical spelling. The template lists IR-04 (a) twice; the second is (c).
func readRev4Rows(path string) ([]string, error) {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	defer f.Close()
	rows, err := f.GetRows(rev4Sheet)
	if err != nil {
		return nil, fmt.Errorf("read %s %q: %w", path, rev4Sheet, err)
	}
	var ids []string
	seen := map[string]bool{}
	for _, row := range rows[rev4First-1:] {
		if len(row) == 0 || strings.TrimSpace(row[0]) == "" {
			break
		}
		id, err := controlid.Parse(row[0])
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		s := id.String()
		if s == "IR-4(a)" && seen[s] {
			s = "IR-4(c)"
		}
		if seen[s] {
			return nil, fmt.Errorf("%s: duplicate row %s", path, s)
		}
		seen[s] = true
		ids = append(ids, s)
	}
	if len(ids) == 0 {
		return nil, errors.New(path + ": no rows")
	}
	return ids, nil
}

// oscalCatalog holds the few parts of an OSCAL catalog the generator reads.
type oscalCatalog struct {
	Metadata struct {
		Version string `json:"version"`
	} `json:"metadata"`
	Groups []struct {
		ID       string         `json:"id"`
		Title    string         `json:"title"`
		Controls []oscalControl `json:"controls"`
	} `json:"groups"`
}

type oscalControl struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Props []struct {
		Name  string `json:"name"`
		Value string `json:"value"`
	} `json:"props"`
	Links []struct {
		Href string `json:"href"`
		Rel  string `json:"rel"`
	} `json:"links"`
	Parts    []oscalPart    `json:"parts"`
	Controls []oscalControl `json:"controls"`
	Params   []oscalParam   `json:"params"`
}

type oscalParam struct {
	ID         string `json:"id"`
	Label      string `json:"label"`
	Guidelines []struct {
		Prose string `json:"prose"`
	} `json:"guidelines"`
	Select *struct {
		HowMany string   `json:"how-many"`
		Choice  []string `json:"choice"`
	} `json:"select"`
	Constraints []struct {
		Description string `json:"description"`
	} `json:"constraints"`
}

// params lists the control's parameters as the catalog describes them.
func (c *oscalControl) params() []format.Param {
	var out []format.Param
	for _, p := range c.Params {
		fp := format.Param{ID: p.ID, Label: oneLine(p.Label)}
		if len(p.Guidelines) > 0 {
			fp.Guideline = oneLine(p.Guidelines[0].Prose)
		}
		if p.Select != nil {
			fp.HowMany = cmp.Or(p.Select.HowMany, "one")
			for _, ch := range p.Select.Choice {
				fp.Choices = append(fp.Choices, oneLine(ch))
			}
		}
		out = append(out, fp)
	}
	return out
}

// constraints are FedRAMP's constraints on the control's parameters in a
// resolved baseline, joined when a parameter has several.
func (c *oscalControl) constraints() []format.Constraint {
	var out []format.Constraint
	for _, p := range c.Params {
		var texts []string
		for _, k := range p.Constraints {
			texts = append(texts, oneLine(k.Description))
		}
		if len(texts) > 0 {
			out = append(out, format.Constraint{Param: p.ID, Text: strings.Join(texts, "; ")})
		}
	}
	return out
}

// oneLine folds the white space of catalog prose, whose source is XML.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

type oscalPart struct {
	ID    string      `json:"id"`
	Name  string      `json:"name"`
	Parts []oscalPart `json:"parts"`
}

func readCatalog(path string) (*oscalCatalog, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var doc struct {
		Catalog oscalCatalog `json:"catalog"`
	}
	if err := json.NewDecoder(bytes.NewReader(raw)).Decode(&doc); err != nil {
		return nil, fmt.Errorf("decode %s: %w", path, err)
	}
	return &doc.Catalog, nil
}

// controls walks the catalog in document order: families in order, each base
// control followed by its enhancements.
func (c *oscalCatalog) controls() []oscalControl {
	var all []oscalControl
	var walk func([]oscalControl)
	walk = func(cs []oscalControl) {
		for _, ctl := range cs {
			all = append(all, ctl)
			walk(ctl.Controls)
		}
	}
	for _, g := range c.Groups {
		walk(g.Controls)
	}
	return all
}

func (c *oscalControl) props(name string) []string {
	var vs []string
	for _, p := range c.Props {
		if p.Name == name {
			vs = append(vs, p.Value)
		}
	}
	return vs
}

func (c *oscalControl) prop(name string) string {
	if vs := c.props(name); len(vs) > 0 {
		return vs[0]
	}
	return ""
}

// parts returns the letters of the statement's top-level items, skipping
// FedRAMP's own "_fr" items: these are the Appendix J rows of the control.
func (c *oscalControl) parts() string {
	var letters strings.Builder
	for _, p := range c.Parts {
		if p.Name != "statement" {
			continue
		}
		for _, item := range p.Parts {
			if item.Name != "item" || strings.Contains(item.ID, "_fr") {
				continue
			}
			id, err := controlid.Parse(item.ID)
			if err != nil || id.Part == "" {
				continue
			}
			letters.WriteString(id.Part)
		}
	}
	return letters.String()
}
