package oscal

import (
	"maps"
	"slices"
	"strings"

	"github.com/crm-tool/crm/crm"
	"github.com/crm-tool/crm/crm/catalog"
	"github.com/crm-tool/crm/crm/controlid"
)

// Namespaces of the properties crm writes. FedRAMP's are read in both
// spellings its documents use.
const (
	FedRAMPNS    = "https://fedramp.gov/ns/oscal"
	fedRAMPNSOld = "http://fedramp.gov/ns/oscal"
	CRMNS        = "https://github.com/crm-tool/crm/ns/oscal"
	OSCALVersion = "1.1.2"
)

// profileHref is FedRAMP's published profile for each baseline.
var profileHref = map[catalog.Baseline]string{
	catalog.High:     "https://raw.githubusercontent.com/GSA/fedramp-automation/master/dist/content/rev5/baselines/json/FedRAMP_rev5_HIGH-baseline_profile.json",
	catalog.Moderate: "https://raw.githubusercontent.com/GSA/fedramp-automation/master/dist/content/rev5/baselines/json/FedRAMP_rev5_MODERATE-baseline_profile.json",
	catalog.Low:      "https://raw.githubusercontent.com/GSA/fedramp-automation/master/dist/content/rev5/baselines/json/FedRAMP_rev5_LOW-baseline_profile.json",
	catalog.LISaaS:   "https://raw.githubusercontent.com/GSA/fedramp-automation/master/dist/content/rev5/baselines/json/FedRAMP_rev5_LI-SaaS-baseline_profile.json",
}

// fedRAMPOrigination maps a CIS column to FedRAMP's control-origination
// values: Hybrid is both provider values, Shared a provider and a customer
// value, as FedRAMP's guide writes them.
var fedRAMPOrigination = map[crm.Origination][]string{
	crm.SPCorporate:        {"sp-corporate"},
	crm.SPSystem:           {"sp-system"},
	crm.SPHybrid:           {"sp-corporate", "sp-system"},
	crm.CustomerConfigured: {"customer-configured"},
	crm.CustomerProvided:   {"customer-provided"},
	crm.Shared:             {"sp-system", "customer-configured"},
	crm.Inherited:          {"inherited"},
}

// fips199 is the FIPS 199 level of a baseline.
func fips199(b catalog.Baseline) string {
	switch b {
	case catalog.High:
		return "fips-199-high"
	case catalog.Moderate:
		return "fips-199-moderate"
	}
	return "fips-199-low"
}

// exporter writes one document; key makes the UUIDs of this system.
type exporter struct {
	doc  *crm.Document
	key  string
	this string // the this-system component's UUID
	lev  map[string]string
	svc  map[string]string
	ups  Links
}

// Links tie the SSP to the leveraged systems' own CRMs, when they are read
// (leveraged[].crm): Upstreams by leveraged id, and Met, by row, the
// leveraged systems whose customer duty on the row this system meets
// (validate.Result.MetDuties).
type Links struct {
	Upstreams map[string]Upstream
	Met       map[controlid.ID][]string
}

// Upstream is a leveraged system's own CRM, read from a local file: its
// export's UUIDs are crm's too (they derive from its key), so this
// system's inherited and satisfied entries can name them.
type Upstream struct {
	Doc  *crm.Document
	Rows map[controlid.ID]*crm.Row
}

func (e *exporter) uuid(parts ...string) string { return uuidOf(e.key, parts...) }

func uuidOf(key string, parts ...string) string {
	return uuid5(key + "/" + strings.Join(parts, "/"))
}

// systemKey is what a system's UUIDs derive from: its FedRAMP id, or its
// CSP and name.
func systemKey(doc *crm.Document) string {
	if key := doc.System.FedRAMPID; key != "" {
		return key
	}
	return doc.System.CSP + "/" + doc.System.Name
}

func crmProp(name, value string) Prop { return Prop{Name: name, NS: CRMNS, Value: value} }
func frProp(name, value string) Prop  { return Prop{Name: name, NS: FedRAMPNS, Value: value} }

// Export writes a resolved CRM as an OSCAL SSP. UUIDs derive from the
// system's FedRAMP identifier (or CSP and name), each row's statement id and
// the role of the object, so they are stable from one export to the next.
//
// links tie it to the leveraged systems' own CRMs; zero without them.
func Export(doc *crm.Document, rows []crm.Row, ups Links) *Document {
	key := systemKey(doc)
	e := &exporter{doc: doc, key: key, lev: map[string]string{}, svc: map[string]string{}, ups: ups}
	e.this = e.uuid("component", "this-system")
	b := catalog.Baseline(doc.System.Baseline)
	level := fips199(b)
	date := doc.System.Date
	if date == "" {
		date = "2000-01-01"
	}
	s := SSP{
		UUID: e.uuid("ssp"),
		Metadata: Metadata{
			Title:        doc.System.Name + " System Security Plan: control implementation and customer responsibilities",
			LastModified: date + "T00:00:00Z",
			Version:      orDefault(doc.System.Version, "1.0"),
			OSCALVersion: OSCALVersion,
			Roles:        []Role{{ID: "customer", Title: "Customer"}, {ID: "poc-for-customers", Title: "Point of Contact for Customers"}},
			Parties:      []Party{{UUID: e.uuid("party", "csp"), Type: "organization", Name: doc.System.CSP}},
			Props:        []Prop{crmProp("schema-version", "1"), crmProp("baseline", string(b))},
		},
		ImportProfile: ImportProfile{Href: profileHref[b]},
		SystemCharacteristics: SystemCharacteristics{
			SystemIDs:                []SystemID{{IdentifierType: "https://fedramp.gov", ID: orDefault(doc.System.FedRAMPID, key)}},
			SystemName:               doc.System.Name,
			Description:              doc.System.Name + ", a cloud service offering of " + doc.System.CSP + ".",
			SecuritySensitivityLevel: level,
			SystemInformation: SystemInformation{InformationTypes: []InformationType{{
				UUID: e.uuid("information-type"), Title: "Information processed by " + doc.System.Name,
				Description:           "Customer information processed, stored or transmitted by the service.",
				ConfidentialityImpact: &Impact{Base: level}, IntegrityImpact: &Impact{Base: level}, AvailabilityImpact: &Impact{Base: level},
			}}},
			SecurityImpactLevel:   &SecurityImpactLevel{Confidentiality: level, Integrity: level, Availability: level},
			Status:                Status{State: "operational"},
			AuthorizationBoundary: AuthorizationBoundary{Description: "The authorization boundary of " + doc.System.Name + "."},
		},
		SystemImplementation: SystemImplementation{
			Users: []User{{UUID: e.uuid("user", "customer"), Title: "Customer", RoleIDs: []string{"customer"}}},
		},
		ControlImplementation: ControlImplementation{
			Description: "What " + doc.System.Name + " implements, and what it leaves to its customers, per FedRAMP " + b.Title() + " control part.",
		},
	}
	sc := &s.SystemCharacteristics
	for _, m := range doc.System.ServiceModels {
		sc.Props = append(sc.Props, frProp("cloud-service-model", m))
	}
	if dm := doc.System.DeploymentModel; dm != "" {
		sc.Props = append(sc.Props, frProp("cloud-deployment-model", dm))
	}
	if uri := doc.System.PackageOverviewURI; uri != "" {
		sc.Props = append(sc.Props, crmProp("package-overview-uri", uri))
	}
	sc.DateAuthorized = doc.System.DateAuthorized
	for _, id := range slices.Sorted(maps.Keys(doc.Parameters)) {
		s.ControlImplementation.SetParameters = append(s.ControlImplementation.SetParameters, SetParameter{ParamID: id, Values: []string{doc.Parameters[id]}})
	}
	if doc.System.Date != "" {
		s.Metadata.Props = append(s.Metadata.Props, crmProp("date", doc.System.Date))
	}
	if doc.System.Version == "" {
		s.Metadata.Props = append(s.Metadata.Props, crmProp("version", "none")) // OSCAL requires one
	}
	for _, r := range doc.System.Revisions {
		rev := Revision{Title: r.Description, Version: orDefault(r.Version, "-"), Published: r.Date + "T00:00:00Z"}
		if r.Author != "" {
			rev.Props = []Prop{crmProp("author", r.Author)}
		}
		s.Metadata.Revisions = append(s.Metadata.Revisions, rev)
	}
	si := &s.SystemImplementation
	si.Components = append(si.Components, Component{UUID: e.this, Type: "this-system", Title: doc.System.Name,
		Description: "The system as a whole.", Status: Status{State: "operational"}})
	for _, l := range doc.Leveraged {
		la := e.uuid("leveraged", l.ID)
		e.lev[l.ID] = e.uuid("component", "leveraged", l.ID)
		party := e.uuid("party", "leveraged", l.ID)
		s.Metadata.Parties = append(s.Metadata.Parties, Party{UUID: party, Type: "organization", Name: l.Name})
		props := []Prop{crmProp("id", l.ID)}
		if l.FedRAMPID != "" {
			props = append(props, frProp("leveraged-system-identifier", l.FedRAMPID))
		}
		if l.Type != "" {
			props = append(props, frProp("authorization-type", l.Type))
		}
		if l.Impact != "" {
			props = append(props, frProp("impact-level", "fips-199-"+l.Impact))
		}
		if l.CRM != "" {
			props = append(props, crmProp("crm", l.CRM))
		}
		for _, in := range l.Inherit {
			props = append(props, crmProp("inherit", in))
		}
		// OSCAL requires the date; crm never invents it (validate.ExportFindings
		// refuses an export without it).
		si.LeveragedAuthorizations = append(si.LeveragedAuthorizations, LeveragedAuthorization{
			UUID: la, Title: l.Name, Props: props, PartyUUID: party, DateAuthorized: l.DateAuthorized,
		})
		si.Components = append(si.Components, Component{UUID: e.lev[l.ID], Type: "system", Title: l.Name,
			Description: "The leveraged system " + l.Name + ".", Status: Status{State: "operational"},
			Props: []Prop{{Name: "leveraged-authorization-uuid", Value: la}, {Name: "implementation-point", Value: "external"}}})
	}
	for _, sv := range doc.Services {
		e.svc[sv.ID] = e.uuid("component", "service", sv.ID)
		c := Component{UUID: e.svc[sv.ID], Type: "service", Title: sv.Name, Description: sv.Description,
			Status: Status{State: "operational"}, Props: []Prop{crmProp("service", sv.ID)}}
		if c.Description == "" {
			c.Description = "The service " + sv.Name + "."
			c.Props = append(c.Props, crmProp("description", "none"))
		}
		si.Components = append(si.Components, c)
	}
	for _, ctl := range crm.ByControl(rows) {
		var stmts []Statement
		for i := range ctl {
			if r := &ctl[i]; r.Resolved() || r.IsTodo() {
				stmts = append(stmts, e.statement(r))
			}
		}
		if len(stmts) == 0 {
			continue
		}
		id := ctl[0].Member.ID.OSCAL()
		s.ControlImplementation.ImplementedRequirements = append(s.ControlImplementation.ImplementedRequirements, ImplementedRequirement{
			UUID: e.uuid("requirement", id), ControlID: id, Statements: stmts, Props: requirementOrigination(ctl),
		})
	}
	return &Document{SSP: s}
}

// statement writes one row.
func (e *exporter) statement(r *crm.Row) Statement {
	sid := r.ID.StatementID()
	bc := ByComponent{ComponentUUID: e.this, UUID: e.uuid(sid, "this-system"), Description: r.Provider}
	if bc.Description == "" {
		bc.Description = "Not described."
		bc.Props = append(bc.Props, crmProp("provider-text", "none"))
	}
	var fr []string
	for _, o := range r.Origination {
		bc.Props = append(bc.Props, crmProp("control-origination", string(o)))
		for _, v := range fedRAMPOrigination[o] {
			if !slices.Contains(fr, v) {
				fr = append(fr, v)
			}
		}
	}
	for _, v := range fr {
		bc.Props = append(bc.Props, frProp("control-origination", v))
	}
	if r.Answer != "" {
		bc.Props = append(bc.Props, crmProp("can-be-inherited", string(r.Answer)))
		if r.AnswerStated {
			bc.Props = append(bc.Props, crmProp("answer-stated", "true"))
		}
	}
	for _, st := range r.Status {
		bc.Props = append(bc.Props, frProp("implementation-status", string(st)))
	}
	if r.PlannedDate != "" {
		bc.Props = append(bc.Props, frProp("planned-completion-date", r.PlannedDate))
	}
	if r.Leveraged != "" {
		bc.Props = append(bc.Props, crmProp("leveraged", r.Leveraged))
		if _, ok := e.lev[r.Leveraged]; ok {
			bc.Props = append(bc.Props, frProp("leveraged-authorization-uuid", e.uuid("leveraged", r.Leveraged)))
		}
	}
	if r.PassOn != "" {
		bc.Props = append(bc.Props, crmProp("pass-on", r.PassOn))
	}
	if r.IsTodo() {
		bc.Props = append(bc.Props, crmProp("todo", "true"))
	}
	if len(r.Status) > 0 {
		bc.ImplementationStatus = &Status{State: string(r.Status[0]), Remarks: r.Explanation}
	} else if r.Explanation != "" {
		bc.Props = append(bc.Props, crmProp("explanation", r.Explanation))
	}
	bc.Export = e.export(r, sid)
	st := Statement{StatementID: sid, UUID: e.uuid(sid), ByComponents: []ByComponent{bc}}
	if comp, ok := e.lev[r.Leveraged]; ok && slices.Contains(r.Origination, crm.Inherited) {
		name := r.Leveraged
		for _, l := range e.doc.Leveraged {
			if l.ID == r.Leveraged {
				name = l.Name
			}
		}
		bc := ByComponent{
			ComponentUUID: comp, UUID: e.uuid(sid, "leveraged", r.Leveraged), Description: "Inherited from " + name + ".",
			Inherited: []Inherited{{UUID: e.uuid(sid, "inherited", r.Leveraged), Description: orDefault(r.Provider, name+" implements this for "+e.doc.System.Name+" under its own FedRAMP authorization.")}},
		}
		e.linkInherited(&bc, r, sid)
		st.ByComponents = append(st.ByComponents, bc)
	}
	e.satisfy(&st, r, sid)
	return st
}

// requirementOrigination is the control's FedRAMP control-origination, the
// values of all its parts, on the implemented requirement as FedRAMP's
// OSCAL SSP guide places it (its statements' by-components carry each
// part's own).
func requirementOrigination(ctl []crm.Row) []Prop {
	var values []string
	for i := range ctl {
		for _, o := range ctl[i].Origination {
			for _, v := range fedRAMPOrigination[o] {
				if !slices.Contains(values, v) {
					values = append(values, v)
				}
			}
		}
	}
	var out []Prop
	for _, v := range values {
		out = append(out, frProp("control-origination", v))
	}
	return out
}

// linkInherited ties an inherited row to its leveraged system's own CRM:
// the inherited entry names what that system provides, by the UUID of that
// CRM's provided entry, and in its words when it has them.
func (e *exporter) linkInherited(bc *ByComponent, r *crm.Row, sid string) {
	up, ok := e.ups.Upstreams[r.Leveraged]
	if !ok {
		return
	}
	if ur, ok := up.Rows[r.ID]; ok && (ur.Answer == crm.AnswerYes || ur.Answer == crm.AnswerPartial) && ur.Applicable() {
		bc.Inherited[0].ProvidedUUID = uuidOf(systemKey(up.Doc), sid, "provided")
		if ur.Provider != "" {
			bc.Inherited[0].Description = ur.Provider
		}
	}
}

// satisfy says, on the leveraged system's component, how this system meets
// each duty that system's CRM leaves to its customers on the row (OSCAL
// satisfied), naming that CRM's responsibility UUID: under FedRAMP's
// leveraged-authorization model the leveraging provider is that customer.
func (e *exporter) satisfy(st *Statement, r *crm.Row, sid string) {
	for _, id := range e.ups.Met[r.ID] {
		up, known := e.ups.Upstreams[id]
		comp, listed := e.lev[id]
		if !known || !listed {
			continue
		}
		sat := Satisfied{UUID: e.uuid(sid, "satisfied", id), ResponsibilityUUID: uuidOf(systemKey(up.Doc), sid, "responsibility"), Description: r.Provider}
		i := slices.IndexFunc(st.ByComponents, func(bc ByComponent) bool { return bc.ComponentUUID == comp })
		if i < 0 {
			st.ByComponents = append(st.ByComponents, ByComponent{ComponentUUID: comp, UUID: e.uuid(sid, "leveraged", id),
				Description: "What " + e.doc.System.Name + " does of what the leveraged system leaves to its customers."})
			i = len(st.ByComponents) - 1
		}
		st.ByComponents[i].Satisfied = append(st.ByComponents[i].Satisfied, sat)
	}
}

// export says what customers inherit (Yes, Partial) and what is theirs to
// do (Partial, No): the shared text, then one responsibility per service.
func (e *exporter) export(r *crm.Row, sid string) *ExportPart {
	ex := &ExportPart{}
	provided := ""
	if (r.Answer == crm.AnswerYes || r.Answer == crm.AnswerPartial) && r.Applicable() {
		provided = e.uuid(sid, "provided")
		desc := r.Provider
		if desc == "" {
			desc = e.doc.System.CSP + " provides this to its customers."
		}
		// A row not in place yet is offered, not provided: the description
		// says so first, as the CRM text does (crm.Notes).
		if crm.NotInPlace(r) {
			desc = crm.Notes(r, e.doc)[0] + " " + desc
		}
		ex.Provided = []Provided{{UUID: provided, Description: desc}}
	}
	if r.Customer != "" {
		ex.Responsibilities = append(ex.Responsibilities, Responsibility{UUID: e.uuid(sid, "responsibility"), ProvidedUUID: provided, Description: r.Customer})
	}
	for _, sv := range e.doc.Services {
		if text := r.Services[sv.ID]; text != "" {
			ex.Responsibilities = append(ex.Responsibilities, Responsibility{UUID: e.uuid(sid, "responsibility", sv.ID), ProvidedUUID: provided,
				Description: text, Props: []Prop{crmProp("service", sv.ID)}})
		}
	}
	if len(ex.Provided) == 0 && len(ex.Responsibilities) == 0 {
		return nil
	}
	return ex
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
