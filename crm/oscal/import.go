package oscal

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/crm-tool/crm/crm"
	"github.com/crm-tool/crm/crm/catalog"
	"github.com/crm-tool/crm/crm/controlid"
	"github.com/crm-tool/crm/crm/source"
)

// ErrNotSSP is returned for documents that hold no system security plan.
var ErrNotSSP = errors.New("not an OSCAL system security plan")

// IsSSP tells an OSCAL SSP (JSON or YAML) from an input document by its top
// key, without a full decode.
func IsSSP(v any) bool {
	m, ok := v.(map[string]any)
	if !ok {
		return false
	}
	_, ok = m["system-security-plan"]
	return ok
}

// Decode reads an OSCAL SSP in JSON or YAML.
func Decode(name string, data []byte) (*Document, error) {
	src, err := source.Decode(name, data)
	if err != nil {
		return nil, err
	}
	if !IsSSP(src.Value) {
		return nil, ErrNotSSP
	}
	raw, err := json.Marshal(src.Value)
	if err != nil {
		return nil, err
	}
	var doc Document
	if err := json.Unmarshal(raw, &doc); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrNotSSP, err)
	}
	return &doc, nil
}

// props reads properties by name in crm's or FedRAMP's namespaces (or none).
type props []Prop

func (ps props) all(ns, name string) []string {
	var out []string
	for _, p := range ps {
		if p.Name != name {
			continue
		}
		if p.NS == ns || ns == FedRAMPNS && (p.NS == fedRAMPNSOld || p.NS == "") {
			out = append(out, p.Value)
		}
	}
	return out
}

func (ps props) one(ns, name string) string {
	if v := ps.all(ns, name); len(v) > 0 {
		return v[0]
	}
	return ""
}

// Import turns an SSP into an input document: crm's own properties give
// back exactly what crm exported; other tools' SSPs are read through
// FedRAMP's properties and the export's provided and responsibility parts.
// Notes say what could not be placed.
func Import(ssp *SSP) (*crm.Document, []string) {
	var notes []string
	meta := props(ssp.Metadata.Props)
	sc := ssp.SystemCharacteristics
	doc := &crm.Document{SchemaVersion: crm.SchemaVersion, Controls: map[string]crm.Entry{}}
	sys := &doc.System
	sys.Name = sc.SystemName
	for _, p := range ssp.Metadata.Parties {
		if sys.CSP == "" && p.Type == "organization" {
			sys.CSP = p.Name
		}
	}
	if sys.CSP == "" {
		sys.CSP = "unknown"
		notes = append(notes, "no organisation among the parties: set system.csp")
	}
	for _, id := range sc.SystemIDs {
		if strings.Contains(id.IdentifierType, "fedramp") && !strings.Contains(id.ID, "/") {
			sys.FedRAMPID = id.ID
		}
	}
	sys.Baseline = meta.one(CRMNS, "baseline")
	if sys.Baseline == "" {
		sys.Baseline = baselineOf(ssp.ImportProfile.Href, sc.SecuritySensitivityLevel)
	}
	scp := props(sc.Props)
	sys.PackageOverviewURI = scp.one(CRMNS, "package-overview-uri")
	sys.DateAuthorized = sc.DateAuthorized
	for _, sp := range ssp.ControlImplementation.SetParameters {
		if len(sp.Values) > 0 {
			if doc.Parameters == nil {
				doc.Parameters = map[string]string{}
			}
			doc.Parameters[sp.ParamID] = strings.Join(sp.Values, ", ")
		}
	}
	sys.ServiceModels = scp.all(FedRAMPNS, "cloud-service-model")
	sys.DeploymentModel = scp.one(FedRAMPNS, "cloud-deployment-model")
	sys.Version = ssp.Metadata.Version
	if meta.one(CRMNS, "version") == "none" {
		sys.Version = ""
	}
	sys.Date = meta.one(CRMNS, "date")
	for _, r := range ssp.Metadata.Revisions {
		date, _, _ := strings.Cut(r.Published, "T")
		if len(date) != 10 || r.Title == "" {
			continue
		}
		version := r.Version
		if version == "-" {
			version = ""
		}
		sys.Revisions = append(sys.Revisions, crm.Revision{Date: date, Description: r.Title, Version: version, Author: props(r.Props).one(CRMNS, "author")})
	}
	levByUUID := map[string]string{}
	for _, la := range ssp.SystemImplementation.LeveragedAuthorizations {
		p := props(la.Props)
		l := crm.Leveraged{ID: p.one(CRMNS, "id"), Name: la.Title, FedRAMPID: p.one(FedRAMPNS, "leveraged-system-identifier"),
			Type: p.one(FedRAMPNS, "authorization-type"), Impact: strings.TrimPrefix(p.one(FedRAMPNS, "impact-level"), "fips-199-"),
			DateAuthorized: la.DateAuthorized, CRM: p.one(CRMNS, "crm"), Inherit: p.all(CRMNS, "inherit")}
		if l.ID == "" {
			l.ID = crm.LeveragedID(la.Title)
		}
		levByUUID[la.UUID] = l.ID
		doc.Leveraged = append(doc.Leveraged, l)
	}
	this := ""
	for _, c := range ssp.SystemImplementation.Components {
		switch c.Type {
		case "this-system":
			if this == "" {
				this = c.UUID
			}
		case "service":
			if id := props(c.Props).one(CRMNS, "service"); id != "" {
				sv := crm.Service{ID: id, Name: c.Title, Description: c.Description}
				if props(c.Props).one(CRMNS, "description") == "none" {
					sv.Description = ""
				}
				doc.Services = append(doc.Services, sv)
			}
		}
	}
	if this == "" {
		notes = append(notes, "no this-system component: reading the first component of each statement")
	}
	for _, ir := range ssp.ControlImplementation.ImplementedRequirements {
		for _, st := range ir.Statements {
			id, err := controlid.Parse(st.StatementID)
			if err != nil {
				notes = append(notes, fmt.Sprintf("statement %q is not a control part: %v", st.StatementID, err))
				continue
			}
			bc := thisComponent(st.ByComponents, this)
			if bc == nil {
				notes = append(notes, fmt.Sprintf("%s: no by-component for this system", id))
				continue
			}
			doc.Controls[id.String()] = entry(bc, props(ir.Props), props(st.Props), levByUUID)
		}
		if len(ir.Statements) == 0 && len(ir.ByComponents) > 0 {
			id, err := controlid.Parse(ir.ControlID)
			if bc := thisComponent(ir.ByComponents, this); err == nil && bc != nil {
				doc.Controls[id.String()] = entry(bc, props(ir.Props), nil, levByUUID)
			}
		}
	}
	return doc, notes
}

func thisComponent(bcs []ByComponent, this string) *ByComponent {
	for i := range bcs {
		if bcs[i].ComponentUUID == this || this == "" {
			return &bcs[i]
		}
	}
	return nil
}

// baselineOf reads the baseline from FedRAMP's profile name, else from the
// sensitivity level.
func baselineOf(href, level string) string {
	up := strings.ToUpper(href)
	switch {
	case strings.Contains(up, "LI-SAAS"):
		return string(catalog.LISaaS)
	case strings.Contains(up, "HIGH"):
		return string(catalog.High)
	case strings.Contains(up, "MODERATE"):
		return string(catalog.Moderate)
	case strings.Contains(up, "LOW"):
		return string(catalog.Low)
	}
	if l := strings.TrimPrefix(level, "fips-199-"); l == "high" || l == "low" {
		return l
	}
	return string(catalog.Moderate)
}

// entry reads a row from its by-component, falling back to the statement's
// and the requirement's FedRAMP properties, where other tools put them.
func entry(bc *ByComponent, reqProps, stmtProps props, levByUUID map[string]string) crm.Entry {
	p := props(bc.Props)
	var e crm.Entry
	for _, o := range p.all(CRMNS, "control-origination") {
		e.Origination = append(e.Origination, crm.Origination(o))
	}
	if len(e.Origination) == 0 {
		fr := firstNonEmpty(p.all(FedRAMPNS, "control-origination"), stmtProps.all(FedRAMPNS, "control-origination"), reqProps.all(FedRAMPNS, "control-origination"))
		e.Origination = columnsOf(fr)
	}
	statuses := firstNonEmpty(p.all(FedRAMPNS, "implementation-status"), stmtProps.all(FedRAMPNS, "implementation-status"), reqProps.all(FedRAMPNS, "implementation-status"))
	if len(statuses) == 0 && bc.ImplementationStatus != nil {
		statuses = []string{bc.ImplementationStatus.State}
	}
	for _, s := range statuses {
		e.Status = append(e.Status, crm.Status(s))
	}
	if bc.ImplementationStatus != nil {
		e.Explanation = bc.ImplementationStatus.Remarks
	}
	if e.Explanation == "" {
		e.Explanation = p.one(CRMNS, "explanation")
	}
	e.PlannedDate = p.one(FedRAMPNS, "planned-completion-date")
	if p.one(CRMNS, "provider-text") != "none" {
		e.Provider = bc.Description
	}
	e.Leveraged = p.one(CRMNS, "leveraged")
	e.PassOn = p.one(CRMNS, "pass-on")
	if e.Leveraged == "" {
		if u := firstNonEmpty(p.all(FedRAMPNS, "leveraged-authorization-uuid"), reqProps.all(FedRAMPNS, "leveraged-authorization-uuid")); len(u) > 0 {
			e.Leveraged = levByUUID[u[0]]
		}
	}
	if p.one(CRMNS, "todo") == "true" {
		todo := true
		e.Todo = &todo
	}
	var provided bool
	if ex := bc.Export; ex != nil {
		provided = len(ex.Provided) > 0
		var shared []string
		for _, r := range ex.Responsibilities {
			if svc := props(r.Props).one(CRMNS, "service"); svc != "" {
				if e.Services == nil {
					e.Services = map[string]string{}
				}
				e.Services[svc] = r.Description
				continue
			}
			shared = append(shared, r.Description)
		}
		e.Customer = strings.Join(shared, "\n\n")
	}
	answer := crm.Answer(p.one(CRMNS, "can-be-inherited"))
	switch {
	case p.one(CRMNS, "answer-stated") == "true":
		e.Answer = answer
	case answer == "" && bc.Export != nil:
		// Another tool's SSP: the answer is what the export says, when the
		// origination does not say the same.
		if a := exportAnswer(provided, e.Customer != "" || len(e.Services) > 0); a != crm.DeriveAnswer(e.Origination) {
			e.Answer = a
		}
	}
	return e
}

func firstNonEmpty(lists ...[]string) []string {
	for _, l := range lists {
		if len(l) > 0 {
			return l
		}
	}
	return nil
}

// columnsOf turns FedRAMP origination values back into CIS columns: both
// provider values are the Hybrid column.
func columnsOf(values []string) []crm.Origination {
	var out []crm.Origination
	if slices.Contains(values, "sp-corporate") && slices.Contains(values, "sp-system") {
		out = append(out, crm.SPHybrid)
	}
	for _, v := range values {
		o := crm.Origination(v)
		if (o == crm.SPCorporate || o == crm.SPSystem) && slices.Contains(out, crm.SPHybrid) || slices.Contains(out, o) {
			continue
		}
		if slices.Contains(crm.Originations, o) {
			out = append(out, o)
		}
	}
	return out
}

func exportAnswer(provided, responsibilities bool) crm.Answer {
	switch {
	case provided && responsibilities:
		return crm.AnswerPartial
	case provided:
		return crm.AnswerYes
	case responsibilities:
		return crm.AnswerNo
	}
	return ""
}
