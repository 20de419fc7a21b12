package workbook_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/crm-tool/crm/crm"
	"github.com/crm-tool/crm/crm/workbook"
)

// word is one word LibreOffice put on a page, where it put it.
type word struct {
	page       int
	top, right float64
	text       string
}

var wordTag = regexp.MustCompile(`<word xMin="[0-9.]+" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="[0-9.]+">([^<]*)</word>`)

// shown renders a workbook with LibreOffice, as a person opening it sees
// it, and returns the words of its pages with their places.
func shown(t *testing.T, xlsx []byte) []word {
	t.Helper()
	soffice := sofficeOrSkip(t)
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdftotext is missing: .ci/run must install poppler-utils")
		}
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "book.xlsx")
	if err := os.WriteFile(in, xlsx, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--convert-to", "pdf", "--outdir", dir, in)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	out, err := exec.Command(pdftotext, "-bbox", filepath.Join(dir, "book.pdf"), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	var words []word
	for page, html := range strings.Split(string(out), "<page ")[1:] {
		for _, m := range wordTag.FindAllStringSubmatch(html, -1) {
			top, _ := strconv.ParseFloat(m[1], 64)
			right, _ := strconv.ParseFloat(m[2], 64)
			words = append(words, word{page: page, top: top, right: right, text: html2text(m[3])})
		}
	}
	return words
}

func html2text(s string) string {
	return strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", `"`, "&#39;", "'").Replace(s)
}

// find is where the phrase's words stand in sequence: the first word's
// index, or -1.
func find(words []word, from int, phrase string) int {
	want := strings.Fields(phrase)
	for i := from; i+len(want) <= len(words); i++ {
		ok := true
		for j, w := range want {
			if words[i+j].text != w || words[i+j].page != words[i].page {
				ok = false
				break
			}
		}
		if ok {
			return i
		}
	}
	return -1
}

// TestLibreOfficeShowsWholeResponsibilities fills FedRAMP's template and
// writes crm's own workbook, every CRM row with three paragraphs of its own,
// and wants LibreOffice to show each row's last paragraph above the next
// row's first, inside its own row (with the template's fixed row heights
// the text ran on under the rows below, where it is cut off), and the
// template's footer.
func TestLibreOfficeShowsWholeResponsibilities(t *testing.T) {
	tpl, err := os.ReadFile(officialTemplate)
	if err != nil {
		t.Skip("../shared/data has no official template")
	}
	s := load(t, "saas-moderate.yaml")
	s.Rows = s.Rows[:40]
	for i := range s.Rows {
		r := &s.Rows[i]
		r.Customer = fmt.Sprintf("Start%03d: the customer keeps a record of what it does for this row.\n\nMiddle%03d.\n\nEnd%03d.", i, i, i)
		r.Services, r.Provider, r.Status = nil, "", []crm.Status{crm.Implemented}
	}
	var filled, own bytes.Buffer
	if err := workbook.Fill(&filled, bytes.NewReader(tpl), s, workbook.FillOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := workbook.Write(&own, s); err != nil {
		t.Fatal(err)
	}
	for name, book := range map[string][]byte{"template fill": filled.Bytes(), "generated": own.Bytes()} {
		words := shown(t, book)
		at := map[string]word{}
		for _, w := range words {
			at[strings.TrimSuffix(strings.TrimSuffix(w.text, ":"), ".")] = w
		}
		checked := 0
		for i := range len(s.Rows) - 1 {
			end, ok := at[fmt.Sprintf("End%03d", i)]
			if !ok {
				t.Errorf("%s: LibreOffice does not show row %s's last paragraph", name, s.Rows[i].ID)
				continue
			}
			next, ok := at[fmt.Sprintf("Start%03d", i+1)]
			if !ok || next.page != end.page {
				continue // the next row starts the next page: nothing to run under
			}
			checked++
			if end.top >= next.top {
				t.Errorf("%s: row %s's last paragraph (at %.0f) runs under the next row's (at %.0f)", name, s.Rows[i].ID, end.top, next.top)
			}
		}
		if checked < 10 {
			t.Errorf("%s: only %d rows checked", name, checked)
		}
		// The template's own footer reads "000000Controlled …" in
		// LibreOffice (a colour code it does not take); a fill keeps it.
		if find(words, 0, "Unclassified Information") < 0 {
			t.Errorf("%s: no CUI footer on the pages", name)
		}
	}
}
