package crm

// Rule is a check with a stable id, a default severity and one line of help.
type Rule struct {
	ID       string
	Severity Severity
	Help     string
}

// Rules lists every rule of crm validate, those the importer reports
// among them: each finding takes its severity from here where it is made.
// README.md documents the same table.
var Rules = []Rule{
	{"unreadable", Error, "A file of a batch that cannot be read at all (missing, not a regular file, too large, not a workbook, damaged); the others are still checked."},
	{"misnamed", Warning, "The file's name says a workbook and it holds a text document, or the other way round; its content decides how it is read."},
	{"syntax", Error, "The file is not valid YAML or JSON, or is empty, binary or too large."},
	{"duplicate-key", Error, "A key appears twice in one mapping; only the first counts."},
	{"schema", Error, "The document does not follow the input schema (schemas/input-v1.schema.json)."},
	{"unknown-id", Error, "A control id is malformed or names nothing in NIST SP 800-53 Rev 5; the nearest ids are suggested."},
	{"unknown-family", Error, "A default names a control family that does not exist."},
	{"duplicate-row", Error, "Two spellings of the same control or row in one file."},
	{"duplicate-id", Error, "Two services or leveraged authorizations share an id."},
	{"unknown-parameter", Error, "A parameter id names no parameter of the catalog (ids as FedRAMP's baselines spell them, ac-02_odp.06); the nearest ids are suggested."},
	{"parameter-not-a-choice", Error, "A selection parameter's value is not one of its choices."},
	{"parameter-below-fedramp", Error, "A parameter's frequency is less often than FedRAMP's \"at least …\" value for it in the system's baseline."},
	{"missing-package-overview", Error, "crm validate --for sdr|scn, crm export -f sdr, crm diff -f scn: the input gives no system.package_overview_uri, which FedRAMP's CR26 formats point at."},
	{"missing-parameter", Warning, "crm validate --for sdr, crm export -f sdr: baseline parameters without a value, which the Security Decision Record leaves out (once per file)."},
	{"missing-date-authorized", Error, "crm validate --for oscal-ssp, crm export -f oscal-ssp: a leveraged authorization without date_authorized, which OSCAL requires and crm never invents."},
	{"withdrawn-control", Error, "The control was withdrawn from Rev 5; the message says where it went."},
	{"not-in-baseline", Warning, "The control is not in the system's FedRAMP baseline."},
	{"unresolved-rows", Warning, "Baseline rows that nothing answers (no origination, no answer), grouped by family."},
	{"unresolved-core", Error, "Rows of FedRAMP CORE controls that nothing answers."},
	{"no-origination", Error, "A row states its answer but marks no control origination."},
	{"no-status", Warning, "A row has no implementation status."},
	{"inherited-without-leveraged", Error, "Origination \"inherited\" without the leveraged authorization it comes from."},
	{"unknown-leveraged", Error, "A row names a leveraged authorization the file does not list."},
	{"unknown-service", Error, "Per-service text names a service the file does not list."},
	{"missing-customer-text", Error, "A Partial or No row does not say what the customer must do."},
	{"missing-explanation", Error, "A partial, planned, alternative or not-applicable row has no explanation."},
	{"planned-without-date", Error, "A planned row has no planned completion date."},
	{"status-combination", Error, "Several implementation statuses on one row; only partial and planned may be combined."},
	{"provider-not-in-place", Warning, "A row answered Yes or Partial is planned or only partly implemented: customers cannot inherit it yet (the CRM text says so)."},
	{"li-saas-fed-yes", Error, "An LI-SaaS row tailored FED (a federal responsibility) is answered Yes."},
	{"cis-crm-mismatch", Warning, "The CRM answer claims more inheritance than the row's control origination allows (the template's GUIDANCE); inputs and workbooks alike, at the answer and the marks."},
	{"policy-origination", Error, "A policy and procedures (-1) row marks a customer, shared or inherited origination; FedRAMP's origination guidance allows only Service Provider Corporate or System Specific."},
	{"provider-row-answered-no", Info, "Rows marked only with the provider's own origination are answered No, once per file: allowed, but customers may inherit more than they are told."},
	{"saas-without-leveraged", Warning, "A SaaS offering lists no leveraged authorization."},
	{"placeholder-text", Warning, "Text still holds a placeholder such as <CSP Name>, TBD or TODO."},
	{"repeated-text", Warning, "The same customer text is pasted into very many entries."},
	{"text-too-long", Error, "Text longer than an Excel cell holds (32,767 characters)."},
	{"upstream-unreadable", Error, "A leveraged authorization's CRM cannot be read or used (missing, invalid, or a cycle in the chain)."},
	{"upstream-no", Error, "A row is inherited from a provider whose CRM answers No for it."},
	{"upstream-missing-row", Warning, "A row is inherited from a provider whose CRM does not answer it."},
	{"upstream-duty", Error, "A leveraged provider's CRM leaves this row (in part) to its customers, and this system neither meets that duty (provider text) nor passes it on (pass_on); the row stays todo."},
	{"pass-on-without-duty", Warning, "pass_on names a leveraged provider whose CRM leaves nothing of this row to its customers."},
	{"leveraged-incomplete", Error, "A leveraged authorization lacks its FedRAMP id, authorization type or impact level."},
	{"leveraged-impact-below", Error, "A leveraged authorization's impact level is below the system's baseline (LI-SaaS counts as Low)."},
	{"blank-rows", Error, "Workbooks: rows listed with no CRM answer and no control origination: the CRM is not filled in."},
	{"missing-rows", Error, "Workbooks: rows of the baseline that neither the CIS nor the CRM worksheet lists."},
	{"formula-without-value", Error, "Workbooks: a CIS or CRM cell is a formula with no value saved, so what it says is unknown."},
	{"invalid-answer", Error, "Workbooks: a CRM answer is not Yes, Partial or No."},
	{"sheet-rows-differ", Warning, "Workbooks: the CIS and CRM worksheets list different rows."},
	{"checks-not-made", Info, "Workbooks: the checks the workbook has no place for (explanations, planned dates, leveraged entries' details), once per file."},
	{"expired-waiver", Warning, "A waiver in the project file has expired and no longer applies."},
}

var rulesByID = func() map[string]Rule {
	m := make(map[string]Rule, len(Rules))
	for _, r := range Rules {
		m[r.ID] = r
	}
	return m
}()

// SeverityOf is a rule's default severity.
func SeverityOf(rule string) Severity { return rulesByID[rule].Severity }

// LookupRule finds a rule by id.
func LookupRule(id string) (Rule, bool) {
	r, ok := rulesByID[id]
	return r, ok
}
