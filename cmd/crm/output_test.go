package main

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

const example = "../../testdata/examples/paas-low.yaml"

// TestOutputDestinations: -o writes where it names and respects what is
// there: a device or a FIFO is written through, never replaced; a link
// keeps pointing where it did; a file keeps its permissions; a name near
// the file system's limit works; a full device is an error.
func TestOutputDestinations(t *testing.T) {
	dir := t.TempDir()
	t.Run("device", func(t *testing.T) {
		if code, _, stderr := runCLI(t, "generate", example, "-o", "/dev/null"); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		if st, err := os.Stat("/dev/null"); err != nil || st.Mode()&fs.ModeCharDevice == 0 {
			t.Fatalf("/dev/null is no longer a device: %v", err)
		}
	})
	t.Run("full device", func(t *testing.T) {
		if _, err := os.Stat("/dev/full"); err != nil {
			t.Skip("no /dev/full")
		}
		if code, _, stderr := runCLI(t, "generate", example, "-o", "/dev/full"); code != 2 || !strings.Contains(stderr, "no space left") {
			t.Errorf("exit %d: %s", code, stderr)
		}
	})
	t.Run("fifo", func(t *testing.T) {
		fifo := filepath.Join(dir, "out.fifo")
		if err := syscall.Mkfifo(fifo, 0o644); err != nil {
			t.Skip(err)
		}
		// Nobody reads it: an error at once, not a hang.
		if code, _, stderr := runCLI(t, "generate", example, "-o", fifo); code != 2 || !strings.Contains(stderr, "nobody reads") {
			t.Errorf("exit %d: %s", code, stderr)
		}
		got := make(chan []byte)
		go func() {
			f, err := os.OpenFile(fifo, os.O_RDONLY, 0)
			if err != nil {
				got <- nil
				return
			}
			defer f.Close()
			b, _ := io.ReadAll(f)
			got <- b
		}()
		time.Sleep(100 * time.Millisecond) // the reader opens first
		if code, _, stderr := runCLI(t, "export", example, "-f", "ccm-csv", "-o", fifo); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		if b := <-got; !bytes.HasPrefix(b, []byte("row,control")) {
			t.Errorf("the reader got %q", b)
		}
		if st, err := os.Lstat(fifo); err != nil || st.Mode()&fs.ModeNamedPipe == 0 {
			t.Errorf("the FIFO was replaced: %v", err)
		}
	})
	t.Run("link and mode", func(t *testing.T) {
		target := filepath.Join(dir, "real.csv")
		if err := os.WriteFile(target, []byte("old"), 0o600); err != nil {
			t.Fatal(err)
		}
		link := filepath.Join(dir, "link.csv")
		if err := os.Symlink("real.csv", link); err != nil {
			t.Fatal(err)
		}
		if code, _, stderr := runCLI(t, "export", example, "-f", "ccm-csv", "-o", link); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		if st, err := os.Lstat(link); err != nil || st.Mode()&fs.ModeSymlink == 0 {
			t.Errorf("the link was replaced: %v", err)
		}
		st, err := os.Stat(target)
		if err != nil || st.Mode().Perm() != 0o600 {
			t.Errorf("target mode %v, %v; want 0600", st.Mode(), err)
		}
		if b, _ := os.ReadFile(target); !bytes.HasPrefix(b, []byte("row,control")) {
			t.Errorf("target holds %q", b)
		}
	})
	t.Run("long name", func(t *testing.T) {
		name := filepath.Join(dir, strings.Repeat("n", 245)+".xlsx")
		if code, _, stderr := runCLI(t, "generate", example, "-o", name); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
	})
	if matches, _ := filepath.Glob(filepath.Join(dir, ".crm-*.tmp")); len(matches) > 0 {
		t.Errorf("temporary files left: %v", matches)
	}
}

// TestStandardOutputToDevNull: -o - with standard output sent to /dev/null
// is no terminal.
func TestStandardOutputToDevNull(t *testing.T) {
	null, err := os.OpenFile("/dev/null", os.O_WRONLY, 0)
	if err != nil {
		t.Skip(err)
	}
	defer null.Close()
	var errOut bytes.Buffer
	if code := run(context.Background(), []string{"generate", example, "-o", "-"}, strings.NewReader(""), null, &errOut); code != 0 {
		t.Errorf("exit %d: %s", code, errOut.String())
	}
}

// TestSpecialInputsAreRefused: a device or a FIFO named as an input,
// template or project file is refused at once (exit 2), never read.
func TestSpecialInputsAreRefused(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "in.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip(err)
	}
	for _, args := range [][]string{
		{"validate", "/dev/zero"}, {"validate", fifo}, {"generate", "/dev/urandom", "-o", "/dev/null"},
		{"generate", example, "--template", "/dev/zero", "-o", "/dev/null"}, {"validate", example, "--config", fifo}, {"import", fifo},
	} {
		done := make(chan int)
		var stderr string
		go func() {
			var code int
			code, _, stderr = runCLI(t, args...)
			done <- code
		}()
		select {
		case code := <-done:
			if code != 2 || !strings.Contains(stderr, "is not a regular file") {
				t.Errorf("%v: exit %d: %s", args, code, stderr)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%v hangs", args)
		}
	}
}

// TestBatchReportsEveryFile: a folder of good, defective and unreadable
// files is checked whole: unreadable files are findings (in every format),
// the rest are reported as usual, and exit 2 is for a batch of which nothing
// could be read.
func TestBatchReportsEveryFile(t *testing.T) {
	dir := t.TempDir()
	good, err := os.ReadFile(example)
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{
		"good.yaml": good, "bad.yaml": []byte("schema_version: 1\nsystem: {csp: A, name: B, baseline: medium}\n"),
		"fake.xlsx": []byte("not a zip"), "damaged.xlsx": []byte("PK\x03\x04 cut short"),
	} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.yaml"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runCLI(t, "validate", dir, "-f", "json")
	if code != 1 {
		t.Fatalf("exit %d, want 1: %s", code, stderr)
	}
	for _, want := range []string{`"rule": "unreadable"`, "fake.xlsx", "damaged.xlsx", "pipe.yaml is not a regular file", `"rule": "schema"`} {
		if !strings.Contains(stdout, want) {
			t.Errorf("the report lacks %s", want)
		}
	}
	if code, _, _ := runCLI(t, "validate", filepath.Join(dir, "damaged.xlsx"), filepath.Join(dir, "pipe.yaml")); code != 2 {
		t.Errorf("nothing readable: exit %d, want 2", code)
	}
}

// TestContentDecides: what a file holds decides how it is read, not its
// name; a mismatch is said; old and other formats get their own message
// and exit 2.
func TestContentDecides(t *testing.T) {
	dir := t.TempDir()
	yaml, _ := os.ReadFile(example)
	book, _ := os.ReadFile("../../testdata/workbooks/review/template-low-clean.xlsx")
	var ods bytes.Buffer
	zw := zip.NewWriter(&ods)
	w, _ := zw.CreateHeader(&zip.FileHeader{Name: "mimetype", Method: zip.Store})
	_, _ = w.Write([]byte("application/vnd.oasis.opendocument.spreadsheet"))
	_ = zw.Close()
	files := map[string][]byte{
		"yaml-named.xlsx": yaml, "book-named.yaml": book, "book.ods": ods.Bytes(),
		"old.xls": append([]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), make([]byte, 512)...),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	at := func(name string) string { return filepath.Join(dir, name) }
	tests := []struct {
		args []string
		code int
		has  string
	}{
		{[]string{"validate", at("yaml-named.xlsx")}, 0, "warning misnamed: the file is named as a workbook but holds a text document"},
		{[]string{"generate", at("yaml-named.xlsx"), "-o", at("out.xlsx")}, 0, "warning misnamed"},
		{[]string{"validate", at("book-named.yaml")}, 0, "warning misnamed: the file holds a workbook but is not named .xlsx"},
		{[]string{"import", at("book-named.yaml"), "-o", at("back.yaml")}, 0, "note: the file holds a workbook"},
		{[]string{"validate", at("old.xls")}, 2, "an encrypted workbook or an old .xls file"},
		{[]string{"import", at("old.xls")}, 2, "an encrypted workbook or an old .xls file"},
		{[]string{"generate", at("old.xls"), "-o", at("x.xlsx")}, 2, "an encrypted workbook or an old .xls file"},
		{[]string{"validate", at("book.ods")}, 2, "an OpenDocument file (.ods); save it as .xlsx"},
	}
	for _, tc := range tests {
		code, stdout, stderr := runCLI(t, tc.args...)
		if code != tc.code || !strings.Contains(stdout+stderr, tc.has) {
			t.Errorf("%v: exit %d (want %d), output lacks %q:\n%s%s", tc.args[:2], code, tc.code, tc.has, stdout, stderr)
		}
	}
}

// TestInterruptedRunWritesNothing: a run whose context a signal cancelled
// replaces no output, leaves no temporary file, and exits 2.
func TestInterruptedRunWritesNothing(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "crm.xlsx")
	if err := os.WriteFile(out, []byte("before"), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel() // as SIGINT does
	var stdout, stderr bytes.Buffer
	code := run(ctx, []string{"generate", example, "-o", out}, strings.NewReader(""), &stdout, &stderr)
	if code != 2 || !strings.Contains(stderr.String(), "interrupted") {
		t.Errorf("exit %d: %s", code, stderr.String())
	}
	if b, _ := os.ReadFile(out); string(b) != "before" {
		t.Error("the output was replaced")
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".crm-*.tmp")); len(left) > 0 {
		t.Errorf("left behind: %v", left)
	}
}

// TestDiffAgainstOwnWorkbook: every shipped example compared with the
// workbook generated from it, in every mode, shows no differences (exit 0);
// a bare workbook (no Provenance sheet) is compared as its cells show it,
// and still shows a real change.
func TestDiffAgainstOwnWorkbook(t *testing.T) {
	dir := t.TempDir()
	inputs, _ := filepath.Glob("../../testdata/examples/*.yaml")
	inputs = append(inputs, "../../testdata/chain/paas.yaml", "../../testdata/chain/saas.yaml")
	modes := [][]string{nil, {"--no-provenance"}}
	if _, err := os.Stat("../../../shared/data/SSP-Appendix-J-CSO-CIS-and-CRM-Workbook.xlsx"); err == nil {
		modes = append(modes, []string{"--template", "../../../shared/data/SSP-Appendix-J-CSO-CIS-and-CRM-Workbook.xlsx"})
	}
	for _, in := range inputs {
		for i, mode := range modes {
			out := filepath.Join(dir, fmt.Sprintf("%s-%d.xlsx", filepath.Base(in), i))
			if code, _, stderr := runCLI(t, append([]string{"generate", in, "-o", out}, mode...)...); code != 0 {
				t.Fatalf("generate %s %v: exit %d: %s", in, mode, code, stderr)
			}
			if code, stdout, stderr := runCLI(t, "diff", in, out); code != 0 {
				t.Errorf("diff %s against its workbook %v: exit %d\n%s%s", filepath.Base(in), mode, code, stdout, stderr)
			}
		}
	}
	bare := filepath.Join(dir, "saas-moderate.yaml-1.xlsx")
	if code, _, stderr := runCLI(t, "diff", "../../testdata/diff/v1.yaml", bare); code != 1 || !strings.Contains(stderr, "not compared: system.service_models") {
		t.Errorf("a bare workbook against another CRM: exit %d: %s", code, stderr)
	}
}

// TestLargeInputsNameTheirCap: inputs over crm's caps, made here on the fly,
// are refused by every command that reads them, with the cap in the message:
// a text input over 8 MiB is a syntax finding (exit 1), a file over 32 MiB
// and a workbook that unzips to more than 32 MiB are unreadable (exit 2).
func TestLargeInputsNameTheirCap(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	head := "schema_version: 1\nsystem: {csp: A, name: B, baseline: low, service_models: [paas]}\ncontrols:\n  AC-2: {origination: shared, customer: "
	longText := write("long.yaml", []byte(head+strings.Repeat("x", 9<<20)+"}\n"))
	huge, err := os.Create(filepath.Join(dir, "huge.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := huge.Truncate(33 << 20); err != nil { // sparse: no disk used
		t.Fatal(err)
	}
	huge.Close()
	var sheet bytes.Buffer
	zw := zip.NewWriter(&sheet)
	w, _ := zw.Create("xl/worksheets/sheet1.xml")
	w.Write([]byte("<worksheet><sheetData>" + strings.Repeat(" ", 33<<20) + "</sheetData></worksheet>"))
	zw.Close()
	bomb := write("bomb.xlsx", sheet.Bytes())
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"validate", longText}, 1, "a YAML or JSON input may have at most 8388608 (8 MiB)"},
		{[]string{"generate", longText, "-o", filepath.Join(dir, "out.xlsx")}, 1, "may have at most 8388608"},
		{[]string{"validate", huge.Name()}, 2, "32 MiB"},
		{[]string{"import", huge.Name()}, 2, "32 MiB"},
		{[]string{"validate", bomb}, 2, "unzips to more than 32 MiB, the most crm reads"},
		{[]string{"import", bomb}, 2, "unzips to more than 32 MiB, the most crm reads"},
		{[]string{"diff", bomb, example}, 2, "unzips to more than 32 MiB"},
	} {
		code, stdout, stderr := runCLI(t, tc.args...)
		if code != tc.code || !strings.Contains(stdout+stderr, tc.want) {
			t.Errorf("%v: exit %d, want %d with %q:\n%s%s", tc.args[0], code, tc.code, tc.want, stdout, stderr)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "out.xlsx")); err == nil {
		t.Error("generate wrote a workbook from a refused input")
	}
}
