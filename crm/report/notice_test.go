package report

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crm-tool/crm/crm/diff"
	"github.com/crm-tool/crm/internal/golden"
)

// internalTokens are words of the internal formats that a notice for
// customers never shows: change kinds and word-diff marks.
var internalTokens = []string{"customer-shift", "provider-shift", "text-changed", "text-whitespace", "system-changed", "{+", "[-", "revision-remap"}

func notice(t *testing.T) *diff.Notice {
	t.Helper()
	old, new := side(t, "v1.yaml"), side(t, "v2.yaml")
	return diff.BuildNotice(diff.Compare(old, new, diff.Options{}), new)
}

// writeNotice writes n as crm diff's notice formats do.
func writeNotice(w io.Writer, format string, n *diff.Notice) error {
	if format == "notice" {
		return writeNoticeMarkdown(w, n)
	}
	return noticeHTML.Execute(w, noticeView(n))
}

// TestNoticeGoldens keeps the change notice in Markdown and HTML, and holds
// it to what a customer reads: shifts toward the customer first, no
// internal tokens, no white-space-only change.
func TestNoticeGoldens(t *testing.T) {
	n := notice(t)
	if len(n.Controls) == 0 || !n.Controls[0].Customer {
		t.Fatalf("the first control does not move responsibility to customers: %+v", n.Controls)
	}
	for _, format := range []string{"notice", "notice-html"} {
		var buf bytes.Buffer
		if err := writeNotice(&buf, format, n); err != nil {
			t.Fatal(err)
		}
		for _, tok := range internalTokens {
			if strings.Contains(buf.String(), tok) {
				t.Errorf("%s shows %q", format, tok)
			}
		}
		golden.Check(t, repo, "diff-v1-v2."+map[string]string{"notice": "notice.md", "notice-html": "notice.html"}[format], buf.Bytes())
	}
}

// TestNoticeInABrowser loads the HTML notice in headless Chromium and reads
// what the page shows: the title, the groups, every control's plain words
// and texts.
func TestNoticeInABrowser(t *testing.T) {
	chromium, err := exec.LookPath("chromium")
	if err != nil {
		t.Skip("Chromium is not installed (Debian: chromium)")
	}
	n := notice(t)
	var buf bytes.Buffer
	if err := writeNotice(&buf, "notice-html", n); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	page := filepath.Join(dir, "notice.html")
	if err := os.WriteFile(page, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	// The page's text as the browser renders it.
	out, err := exec.Command(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir="+filepath.Join(dir, "profile"),
		"--virtual-time-budget=2000", "--run-all-compositor-stages-before-draw", "--dump-dom", "file://"+page).Output()
	if err != nil {
		t.Fatalf("chromium: %v", err)
	}
	dom := string(out)
	for _, want := range []string{"<title>" + noticeTitle(n) + "</title>", "<h2>" + noticeMoreHeading + "</h2>", "<h2>" + noticeOtherHeading + "</h2>"} {
		if !strings.Contains(dom, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	for _, c := range n.Controls {
		for _, p := range c.Parts {
			if !strings.Contains(dom, p.Says) || p.Text != "" && !strings.Contains(dom, htmlEscape(p.Text)) {
				t.Errorf("%s: the page lacks %q or its text", c.Control, p.Says)
			}
		}
	}
}

func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}
