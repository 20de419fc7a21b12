package validate

import (
	"fmt"
	"strconv"
	"time"

	"github.com/crm-tool/crm/crm"
	"github.com/crm-tool/crm/crm/controlid"
	"github.com/crm-tool/crm/crm/schemacheck"
	"github.com/crm-tool/crm/crm/source"
)

// Config is a project file: rules turned off or given another severity, and
// waivers for named rows with a justification and an expiry date.
type Config struct {
	File     string
	Severity map[string]crm.Severity
	Off      map[string]bool
	Waivers  []Waiver
	src      *source.Doc
}

// Path lists the project file's path, or nothing without a project file.
func (c *Config) Path() []string {
	if c == nil {
		return nil
	}
	return []string{c.File}
}

// Waiver exempts named rows from one rule until it expires.
type Waiver struct {
	Rule          string
	Rows          []controlid.ID // controls cover all their rows
	Justification string
	Expires       string // YYYY-MM-DD, the last day the waiver holds
	pointer       string
}

type configDoc struct {
	Rules   map[string]string `json:"rules"`
	Waivers []struct {
		Rule          string   `json:"rule"`
		Rows          []string `json:"rows"`
		Justification string   `json:"justification"`
		Expires       string   `json:"expires"`
	} `json:"waivers"`
}

// LoadConfig reads and checks a project file. Any problem in it is an error:
// rules cannot be trusted from a file that does not say what it means.
func LoadConfig(path string) (*Config, error) {
	data, err := source.ReadFile(path, source.MaxBytes)
	if err != nil {
		return nil, fmt.Errorf("read project file: %w", err)
	}
	src, err := source.Decode(path, data)
	if err != nil {
		return nil, fmt.Errorf("project file %s:%w", path, err)
	}
	fail := func(ptr, msg string) error {
		p := src.Pos(ptr)
		return fmt.Errorf("project file %s:%d:%d: %s", path, p.Line, p.Col, msg)
	}
	schema, err := schemacheck.Config()
	if err != nil {
		return nil, err
	}
	problems, err := schema.Problems(src.Value)
	if err != nil {
		return nil, err
	}
	if len(problems) > 0 {
		return nil, fail(problems[0].Pointer, problems[0].Message)
	}
	var doc configDoc
	if err := decodeValue(src.Value, &doc); err != nil {
		return nil, err
	}
	cfg := &Config{File: path, Severity: map[string]crm.Severity{}, Off: map[string]bool{}, src: src}
	for _, id := range sortedMapKeys(doc.Rules) {
		if _, ok := crm.LookupRule(id); !ok {
			return nil, fail("/rules/"+source.Escape(id), fmt.Sprintf("unknown rule %q", id))
		}
		if doc.Rules[id] == "off" {
			cfg.Off[id] = true
		} else {
			cfg.Severity[id] = crm.Severity(doc.Rules[id])
		}
	}
	for i, w := range doc.Waivers {
		ptr := "/waivers/" + strconv.Itoa(i)
		if _, ok := crm.LookupRule(w.Rule); !ok {
			return nil, fail(ptr+"/rule", fmt.Sprintf("unknown rule %q", w.Rule))
		}
		waiver := Waiver{Rule: w.Rule, Justification: w.Justification, Expires: w.Expires, pointer: ptr}
		for j, raw := range w.Rows {
			id, err := controlid.Parse(raw)
			if err != nil {
				return nil, fail(fmt.Sprintf("%s/rows/%d", ptr, j), err.Error())
			}
			waiver.Rows = append(waiver.Rows, id)
		}
		cfg.Waivers = append(cfg.Waivers, waiver)
	}
	return cfg, nil
}

// covers reports whether the waiver exempts row (canonical spelling).
func (w *Waiver) covers(row string) bool {
	id, err := controlid.Parse(row)
	if err != nil {
		return false
	}
	for _, x := range w.Rows {
		if x == id || x.Part == "" && x == id.Base() {
			return true
		}
	}
	return false
}

// Apply turns rules off, changes severities and removes waived findings. A
// finding is waived when unexpired waivers for its rule cover all its rows.
// It returns the project file's own findings (expired waivers).
func (cfg *Config) Apply(results []*Result, today time.Time) []crm.Finding {
	day := today.Format(time.DateOnly)
	var live []*Waiver
	var own []crm.Finding
	for i := range cfg.Waivers {
		w := &cfg.Waivers[i]
		if w.Expires < day {
			p := cfg.src.Pos(w.pointer + "/expires")
			own = append(own, crm.Finding{
				File: cfg.File, Line: p.Line, Col: p.Col, Pointer: w.pointer + "/expires",
				Rule: "expired-waiver", Severity: cfg.severity("expired-waiver"),
				Message: fmt.Sprintf("the waiver of %s expired on %s and no longer applies", w.Rule, w.Expires),
			})
			continue
		}
		live = append(live, w)
	}
	for _, res := range results {
		kept := res.Findings[:0]
		for _, f := range res.Findings {
			if cfg.Off[f.Rule] {
				continue
			}
			f.Severity = cfg.severity(f.Rule)
			if waived(f, live) {
				res.Waived++
				continue
			}
			kept = append(kept, f)
		}
		res.Findings = kept
	}
	if cfg.Off["expired-waiver"] {
		return nil
	}
	return own
}

func (cfg *Config) severity(rule string) crm.Severity {
	if s, ok := cfg.Severity[rule]; ok {
		return s
	}
	return crm.SeverityOf(rule)
}

func waived(f crm.Finding, waivers []*Waiver) bool {
	if len(f.Rows) == 0 {
		return false
	}
	for _, row := range f.Rows {
		covered := false
		for _, w := range waivers {
			if w.Rule == f.Rule && w.covers(row) {
				covered = true
				break
			}
		}
		if !covered {
			return false
		}
	}
	return true
}
