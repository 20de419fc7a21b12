package report

import (
	"io"
	"strings"
	"testing"
)

// TestFormatTables: each command's table names each format once, refuses
// a name it does not have, and marks as binary exactly the workbooks.
func TestFormatTables(t *testing.T) {
	tables := map[string]struct {
		names  []string
		binary func(string) bool
	}{
		"findings":    {FindingsFormats.Names(), binaryIn(FindingsFormats)},
		"rows":        {RowsFormats.Names(), binaryIn(RowsFormats)},
		"controls":    {ControlsFormats.Names(), binaryIn(ControlsFormats)},
		"params":      {ParamsFormats.Names(), binaryIn(ParamsFormats)},
		"stale":       {StaleFormats.Names(), binaryIn(StaleFormats)},
		"trace":       {TraceFormats.Names(), binaryIn(TraceFormats)},
		"diff":        {DiffFormats.Names(), binaryIn(DiffFormats)},
		"obligations": {ObligationsFormats.Names(), binaryIn(ObligationsFormats)},
		"export":      {ExportFormats.Names(), binaryIn(ExportFormats)},
	}
	for table, tc := range tables {
		seen := map[string]bool{}
		for _, n := range tc.names {
			if seen[n] {
				t.Errorf("%s: %s twice", table, n)
			}
			seen[n] = true
			if got, want := tc.binary(n), strings.HasSuffix(n, "xlsx"); got != want {
				t.Errorf("%s: %s binary = %v", table, n, got)
			}
		}
	}
	if got, want := strings.Join(ParamsFormats.Names(), " "), strings.Join(ControlsFormats.Names(), " "); got != want {
		t.Errorf("crm controls --params shares -f with the rows: formats %s, want %s", got, want)
	}
	if err := DiffFormats.Write(io.Discard, "yaml", Comparison{}); err == nil || !strings.Contains(err.Error(), `"yaml"`) {
		t.Errorf("an unknown format: %v", err)
	}
}

func binaryIn[T any](fs Formats[T]) func(string) bool {
	return func(name string) bool {
		f, err := fs.Lookup(name)
		return err == nil && f.Binary
	}
}
