// Package build holds the decisions crm makes between a checked input and
// what it writes from it: whether the input is finished enough to write
// from, which service's CRM is wanted, which cells would be cut short, and
// the workbook itself (new, or filled into a template).
package build

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/crm-tool/crm/crm"
	"github.com/crm-tool/crm/crm/catalog"
	"github.com/crm-tool/crm/crm/validate"
	"github.com/crm-tool/crm/crm/workbook"
)

// Refusal is why nothing is written: the findings that stop it and a line
// that says so. It is a result, not a failure: commands print the findings
// and exit 1.
type Refusal struct {
	Findings []crm.Finding
	Reason   string
}

func (r *Refusal) Error() string { return r.Reason }

// ErrUnknownService is a --service that the input does not list.
var ErrUnknownService = errors.New("no service")

// Ready refuses an input that a command should not write from: one that
// does not follow the input schema (never, force or not), one with errors,
// and one with rows still marked todo or answered by nothing (unless force).
// It returns nil when the input may be used.
func Ready(res *validate.Result, force bool) *Refusal {
	if res.Doc == nil {
		return &Refusal{res.Findings, fmt.Sprintf("nothing written: %s does not follow the input schema", res.File)}
	}
	if force {
		return nil
	}
	var why []string
	if errs, _ := crm.Count(res.Findings); errs > 0 {
		why = append(why, fmt.Sprintf("%s has %s", res.File, crm.Plural(errs, "error")))
	}
	if u := crm.DescribeUnfinished(crm.Unfinished(res.Rows, catalog.Baseline(res.Doc.System.Baseline))); u != "" {
		why = append(why, u)
	}
	if len(why) > 0 {
		return &Refusal{res.Findings, "nothing written: " + strings.Join(why, "; ") + "; finish it, or use --force"}
	}
	return nil
}

// Options are crm generate's choices.
type Options struct {
	FailOn    crm.Severity     // findings at or above it stop the workbook
	Config    *validate.Config // rule settings and waivers; nil for none
	Service   string           // one service's CRM (its id or name); "" for all
	AllowTodo bool             // write rows still todo or unanswered
	// Tool names crm and its version on the Provenance sheet; "" leaves
	// the sheet out.
	Tool string
	// Template, when not nil, is an Appendix J workbook to fill instead of
	// writing a new one; TemplateName names it in errors.
	Template           []byte
	TemplateName       string
	KeepOtherBaselines bool
	Now                time.Time // for waiver expiry
}

// Workbook is a checked input ready to be written as Appendix J.
type Workbook struct {
	Result *validate.Result
	// Findings are the input's findings that did not stop it, waivers
	// applied, for the command to show.
	Findings []crm.Finding
	spec     *workbook.Spec
	o        Options
}

// Plan checks an input (named input, holding data) for crm generate, whose
// workbook will be written to output (findings on cells name it). A
// *Refusal says why no workbook may be written; other errors are the
// input's (unreadable, Rev 4, an unknown service).
func Plan(input string, data []byte, output string, o Options) (*Workbook, error) {
	res, err := validate.Data(input, data, "")
	if err != nil {
		return nil, err
	}
	findings := res.Findings
	if o.Config != nil {
		findings = append(o.Config.Apply([]*validate.Result{res}, o.Now), res.Findings...)
	}
	if res.Doc == nil || blocks(findings, o.FailOn) {
		return nil, &Refusal{findings, "no workbook written: the input has errors"}
	}
	if res.Doc.Revision == 4 {
		return nil, fmt.Errorf("%s describes Rev 4 rows; crm generate writes the Rev 5 workbook: carry it to Rev 5 first", input)
	}
	spec := &workbook.Spec{Doc: res.Doc, Baseline: catalog.Baseline(res.Doc.System.Baseline), Rows: res.Rows}
	if o.Service != "" {
		svc, ok := res.Doc.FindService(o.Service)
		if !ok {
			return nil, fmt.Errorf("%w %q in %s (it lists %s)", ErrUnknownService, o.Service, input, res.Doc.ServiceIDs())
		}
		spec.Service = svc.ID
	}
	if !o.AllowTodo {
		if u := crm.DescribeUnfinished(crm.Unfinished(res.Rows, spec.Baseline)); u != "" {
			return nil, &Refusal{findings, "no workbook written: " + u + "; finish them or use --allow-todo"}
		}
	}
	if tooLong := workbook.Check(spec); len(tooLong) > 0 {
		for i := range tooLong {
			tooLong[i].File = output
		}
		return nil, &Refusal{tooLong, "no workbook written: some cells would be cut short"}
	}
	if o.Tool != "" {
		sum := sha256.Sum256(data)
		c := catalog.Default()
		spec.Provenance = &workbook.Provenance{
			Tool: o.Tool, Input: filepath.Base(input), InputSHA256: hex.EncodeToString(sum[:]),
			SchemaVersion: crm.SchemaVersion, Catalog: "NIST SP 800-53 Rev 5 release " + c.NISTVersion, Baselines: c.FedRAMPVersion,
			Line: func(ptr string) int { line, _ := res.Locate(ptr); return line },
		}
	}
	return &Workbook{Result: res, Findings: findings, spec: spec, o: o}, nil
}

// Inputs lists every file the workbook is made from, which it must never be
// written over: the input, its upstream CRMs, the project file, the template.
func (b *Workbook) Inputs() []string {
	out := append(append([]string(nil), b.Result.Sources...), b.o.Config.Path()...)
	if b.o.Template != nil {
		out = append(out, b.o.TemplateName)
	}
	return out
}

// Write writes the workbook.
func (b *Workbook) Write(w io.Writer) error {
	if b.o.Template == nil {
		return workbook.Write(w, b.spec)
	}
	if err := workbook.Fill(w, bytes.NewReader(b.o.Template), b.spec, workbook.FillOptions{KeepOtherBaselines: b.o.KeepOtherBaselines}); err != nil {
		return fmt.Errorf("template %s: %w", b.o.TemplateName, err)
	}
	return nil
}

// blocks reports whether any finding is at or above failOn.
func blocks(fs []crm.Finding, failOn crm.Severity) bool {
	for _, f := range fs {
		if f.Severity.AtLeast(failOn) {
			return true
		}
	}
	return false
}
