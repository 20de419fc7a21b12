package validate

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/crm-tool/crm/crm"
	"github.com/crm-tool/crm/crm/catalog"
	"github.com/crm-tool/crm/crm/importer"
	"github.com/crm-tool/crm/crm/source"
	"github.com/crm-tool/crm/internal/parallel"
)

// Options tune a validation run.
type Options struct {
	Config   *Config          // nil: default rules
	Today    time.Time        // for waiver expiry; zero means now
	Jobs     int              // files checked at once; 0 means one per CPU
	Baseline catalog.Baseline // for workbooks holding several baselines' sheets
	// KeepDocuments keeps each result's document and rows; by default only
	// the findings are kept, so that a thousand files fit in memory.
	KeepDocuments bool
	// For adds the checks of an export target (ExportTargets): what the
	// input must hold for it.
	For string
}

// Report is the outcome of validating several files.
type Report struct {
	Results  []*Result     // one per input file, sorted by name
	Findings []crm.Finding // every finding of every file and of the project file, sorted
	Waived   int
	// Unreadable counts the files that could not be read at all; each is
	// an "unreadable" finding, and the batch goes on with the others.
	Unreadable int
	// FirstError is the first unreadable file's error.
	FirstError error
}

// Sources lists every file the report's results were read from, upstream
// CRMs included.
func (rep *Report) Sources() []string {
	var out []string
	for _, r := range rep.Results {
		out = append(out, r.Sources...)
	}
	return out
}

// Bytes validates one document held in memory.
func Bytes(name string, data []byte) (*Result, error) {
	return check(name, data, catalog.Default(), newChain(name))
}

// File validates one input file or workbook. Only I/O errors, and files
// that are no workbook at all, are errors; everything wrong with the content
// is a finding.
func File(path string, baseline catalog.Baseline) (*Result, error) {
	data, err := readLimited(path)
	if err != nil {
		return nil, err
	}
	return Data(path, data, baseline)
}

// Data validates a file's content: a workbook or an input document, by what
// it holds, not by its name; a name that says otherwise is a misnamed
// warning.
func Data(name string, data []byte, baseline catalog.Baseline) (*Result, error) {
	var res *Result
	var err error
	if importer.IsPackage(data) {
		res, err = Workbook(name, data, baseline)
	} else {
		res, err = Bytes(name, data)
	}
	if err != nil {
		return nil, err
	}
	if f := misnamed(name, data); f != nil {
		res.Findings = append(res.Findings, *f)
		crm.SortFindings(res.Findings)
	}
	return res, nil
}

func readLimited(path string) ([]byte, error) { return source.ReadFile(path, source.MaxBytes) }

// Expand turns arguments into input files: files as given, and for each
// directory every *.yaml, *.yml, *.json and *.xlsx below it, hidden ones
// excepted.
func Expand(args []string) ([]string, error) {
	var files []string
	for _, arg := range args {
		st, err := os.Stat(arg)
		if err != nil {
			return nil, err
		}
		if !st.IsDir() {
			files = append(files, arg)
			continue
		}
		err = filepath.WalkDir(arg, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if path != arg && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if !d.IsDir() && isInputName(path) {
				files = append(files, path)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	sort.Strings(files)
	return files, nil
}

func isInputName(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".yaml", ".yml", ".json", ".xlsx":
		return true
	}
	return false
}

// Files validates the files in parallel and reports them in name order.
// progress, when not nil, is called after each file.
func Files(ctx context.Context, files []string, opts Options, progress func(done, total int)) (*Report, error) {
	results := make([]*Result, len(files))
	errs := make([]error, len(files))
	var mu sync.Mutex
	done := 0
	err := parallel.Each(ctx, len(files), opts.Jobs, func(i int) {
		results[i], errs[i] = File(files[i], opts.Baseline)
		if r := results[i]; r != nil && r.Doc != nil && opts.For != "" {
			r.Findings = append(r.Findings, ExportFindings(r, opts.For)...)
			crm.SortFindings(r.Findings)
		}
		if r := results[i]; r != nil && !opts.KeepDocuments {
			results[i] = &Result{File: r.File, Findings: r.Findings, Notes: r.Notes, Sources: r.Sources}
		}
		if progress != nil {
			mu.Lock()
			done++
			progress(done, len(files))
			mu.Unlock()
		}
	})
	if err != nil {
		return nil, err
	}
	rep := &Report{Results: results}
	for i, err := range errs {
		if err == nil {
			continue
		}
		rep.Unreadable++
		if rep.FirstError == nil {
			rep.FirstError = err
		}
		results[i] = &Result{File: files[i], Sources: []string{files[i]}, Findings: []crm.Finding{{
			File: files[i], Rule: "unreadable", Severity: crm.SeverityOf("unreadable"), Message: err.Error(),
		}}}
	}
	today := opts.Today
	if today.IsZero() {
		today = time.Now()
	}
	if opts.Config != nil {
		rep.Findings = append(rep.Findings, opts.Config.Apply(results, today)...)
	}
	for _, r := range results {
		rep.Findings = append(rep.Findings, r.Findings...)
		rep.Waived += r.Waived
	}
	crm.SortFindings(rep.Findings)
	return rep, nil
}
