package templates

// Layout describes the Appendix J workbook crm writes.
type Layout struct {
	Version      int               `yaml:"version"`
	Font         string            `yaml:"font"`
	Colors       Colors            `yaml:"colors"`
	Creator      string            `yaml:"creator"`
	Title        string            `yaml:"title"`
	Instructions InstructionsSheet `yaml:"instructions"`
	CIS          CISSheet          `yaml:"cis"`
	CRM          CRMSheet          `yaml:"crm"`
	LISaaSKey    KeySheet          `yaml:"li_saas_key"`
	Summary      SummarySheet      `yaml:"summary"`
	Provenance   ProvenanceSheet   `yaml:"provenance"`
	Example      ExampleSheet      `yaml:"example"`
	Record       RecordSheet       `yaml:"record_of_change"`
	Footer       string            `yaml:"footer"` // every sheet's, as header and footer codes
}

// ExampleSheet is FedRAMP's Example CRM Worksheet Responses, which the CRM
// GUIDANCE points to.
type ExampleSheet struct {
	Sheet  string     `yaml:"sheet"`
	Title  string     `yaml:"title"`
	Widths []float64  `yaml:"widths"`
	Rows   [][]string `yaml:"rows"`
}

// RecordSheet is the template's Record of Change: its own revisions.
type RecordSheet struct {
	Sheet   string             `yaml:"sheet"`
	Title   string             `yaml:"title"`
	Widths  map[string]float64 `yaml:"widths"`
	Headers []string           `yaml:"headers"`
	Rows    [][]string         `yaml:"rows"`
}

// Colors are RGB hex colours without '#'.
type Colors struct {
	Title      string `yaml:"title"`
	HeaderFill string `yaml:"header_fill"`
	HeaderText string `yaml:"header_text"`
	IDText     string `yaml:"id_text"`
	Text       string `yaml:"text"`
	Band       string `yaml:"band"`
}

// InstructionsSheet is the first sheet: the system block, revision history
// and FedRAMP's instructions.
type InstructionsSheet struct {
	Sheet         string             `yaml:"sheet"`
	Widths        map[string]float64 `yaml:"widths"`
	SystemTitle   string             `yaml:"system_title"`
	SystemHeaders []string           `yaml:"system_headers"`
	// SystemColumns are the template's columns of the system headers and
	// values (rows 4 and 5); SystemMerge is the range each row merges.
	SystemColumns   []string  `yaml:"system_columns"`
	SystemMerge     [2]string `yaml:"system_merge"`
	RevisionTitle   string    `yaml:"revision_title"`
	RevisionHeaders []string  `yaml:"revision_headers"`
	// RevisionColumns are the template's columns of the revision table.
	RevisionColumns []string  `yaml:"revision_columns"`
	Sections        []Section `yaml:"sections"`
	// Placeholders are the template's Instructions placeholders a fill
	// replaces, keyed by the system field each stands for (csp, name,
	// fedramp_id, baseline).
	Placeholders map[string]string `yaml:"placeholders"`
}

// Section is a heading with a paragraph or a table.
type Section struct {
	Heading string     `yaml:"heading"`
	Text    string     `yaml:"text"`
	Table   [][]string `yaml:"table"`
}

// Column maps a CIS column to the input value it marks. A reader takes a
// header that starts with Match (case and spaces folded) for this column.
type Column struct {
	Value  string `yaml:"value"`
	Header string `yaml:"header"`
	Match  string `yaml:"match"`
}

// CISSheet is the Control Implementation Summary worksheet.
type CISSheet struct {
	Sheet              string               `yaml:"sheet"`
	Title              string               `yaml:"title"`
	IDHeader           string               `yaml:"id_header"`
	StatusGroup        string               `yaml:"status_group"`
	OriginationGroup   string               `yaml:"origination_group"`
	Mark               string               `yaml:"mark"`
	StatusColumns      []Column             `yaml:"status_columns"`
	OriginationColumns []Column             `yaml:"origination_columns"`
	Heights            CISHeights           `yaml:"heights"`
	Widths             map[string][]float64 `yaml:"widths"`
}

// CISHeights are the heights of the title and the two header rows.
type CISHeights struct {
	Title  float64 `yaml:"title"`
	Group  float64 `yaml:"group"`
	Header float64 `yaml:"header"`
}

// CRMSheet is the Customer Responsibility Matrix worksheet.
type CRMSheet struct {
	Sheet   string   `yaml:"sheet"`
	Title   string   `yaml:"title"`
	Headers []string `yaml:"headers"`
	Answers []string `yaml:"answers"`
	// AnswerMatch and TextMatch recognise the answer and responsibilities
	// columns of CRM sheets written by people.
	AnswerMatch string               `yaml:"answer_match"`
	TextMatch   string               `yaml:"text_match"`
	HeaderRow   map[string]int       `yaml:"header_row"`
	Heights     CRMHeights           `yaml:"heights"`
	Widths      map[string][]float64 `yaml:"widths"`
	Guidance    string               `yaml:"guidance"`
}

// CRMHeights are the row heights of the title, guidance (per baseline) and
// header rows.
type CRMHeights struct {
	Title    float64            `yaml:"title"`
	Header   float64            `yaml:"header"`
	Guidance map[string]float64 `yaml:"guidance"`
}

// KeySheet is the Key to LI-SaaS Baseline sheet.
type KeySheet struct {
	Sheet   string             `yaml:"sheet"`
	Title   string             `yaml:"title"`
	Intro   string             `yaml:"intro"`
	Headers []string           `yaml:"headers"`
	Rows    [][]string         `yaml:"rows"`
	Widths  map[string]float64 `yaml:"widths"`
}

// SummarySheet counts answers per family, with a chart.
type SummarySheet struct {
	Sheet      string    `yaml:"sheet"`
	Title      string    `yaml:"title"`
	Headers    []string  `yaml:"headers"`
	Total      string    `yaml:"total"`
	ChartTitle string    `yaml:"chart_title"`
	Widths     []float64 `yaml:"widths"`
}

// ProvenanceSheet records how the workbook was made and what answered each
// row, with every resolved field so that the workbook reads back losslessly.
type ProvenanceSheet struct {
	Sheet   string    `yaml:"sheet"`
	Title   string    `yaml:"title"`
	Facts   []string  `yaml:"facts"`
	Headers []string  `yaml:"headers"`
	Widths  []float64 `yaml:"widths"`
	// LeveragedFact labels the fact rows that keep each leveraged
	// authorization's entry; SystemFact and ServiceFact those of the
	// system block and of each service.
	LeveragedFact string `yaml:"leveraged_fact"`
	SystemFact    string `yaml:"system_fact"`
	ServiceFact   string `yaml:"service_fact"`
	ParameterFact string `yaml:"parameter_fact"`
}
