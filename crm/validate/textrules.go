package validate

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/crm-tool/crm/crm"
	"github.com/crm-tool/crm/crm/source"
)

// repeatedTextEntries is how many control entries may share one customer
// text before it looks pasted rather than written.
const repeatedTextEntries = 10

var placeholder = regexp.MustCompile(`<[^<>\n]{1,40}>|\b(TBD|TBA|TODO|FIXME|XXX+)\b|(?i)lorem ipsum|\[insert[^\]]*\]`)

// placeholderHints are substrings one of which every placeholder but "lorem
// ipsum" (matched in any case) contains; texts with none of them skip the
// regular expression, which is most of the time spent on long documents.
var placeholderHints = []string{"<", "[", "TBD", "TBA", "TODO", "FIXME", "XXX"}

func placeholderIn(text string) string {
	for _, h := range placeholderHints {
		if strings.Contains(text, h) {
			return placeholder.FindString(text)
		}
	}
	if containsFold(text, "lorem") {
		return placeholder.FindString(text)
	}
	return ""
}

// containsFold reports whether text holds word, an ASCII lower-case word, in
// any letter case.
func containsFold(text, word string) bool {
	for i := 0; i+len(word) <= len(text); i++ {
		if text[i]|0x20 == word[0] && strings.EqualFold(text[i:i+len(word)], word) {
			return true
		}
	}
	return false
}

// textRules checks every free text of the document.
func (c *checker) textRules() {
	sys := c.doc.System
	for _, t := range []struct{ ptr, text string }{
		{"/system/csp", sys.CSP}, {"/system/name", sys.Name}, {"/system/fedramp_id", sys.FedRAMPID},
	} {
		c.checkText(t.ptr, t.text)
	}
	for i, lv := range c.doc.Leveraged {
		c.checkText(fmt.Sprintf("/leveraged/%d/name", i), lv.Name)
		c.checkText(fmt.Sprintf("/leveraged/%d/fedramp_id", i), lv.FedRAMPID)
	}
	customerTexts := map[string][]string{}
	c.forEachEntry(func(ptr string, f *crm.Fields) {
		c.checkText(ptr+"/customer", f.Customer)
		c.checkText(ptr+"/provider", f.Provider)
		c.checkText(ptr+"/explanation", f.Explanation)
		for _, svc := range sortedMapKeys(f.Services) {
			c.checkText(ptr+"/services/"+source.Escape(svc), f.Services[svc])
		}
		if f.Customer != "" && len(ptr) > len("/controls/") && ptr[:len("/controls/")] == "/controls/" {
			customerTexts[f.Customer] = append(customerTexts[f.Customer], ptr)
		}
	})
	for _, text := range sortedMapKeys(customerTexts) {
		ptrs := customerTexts[text]
		if len(ptrs) < repeatedTextEntries {
			continue
		}
		if c.workbook {
			c.add("repeated-text", ptrs[0]+"/customer", fmt.Sprintf("the same customer text is in %d rows; say what the customer must do for each control", len(ptrs)))
		} else {
			c.add("repeated-text", ptrs[0]+"/customer", fmt.Sprintf("the same customer text is pasted into %d control entries; say what the customer must do for each control, or give it once in a default", len(ptrs)))
		}
	}
}

func (c *checker) checkText(ptr, text string) {
	if text == "" {
		return
	}
	if m := placeholderIn(text); m != "" {
		c.add("placeholder-text", ptr, fmt.Sprintf("placeholder %q left in the text", m))
	}
	if long, n := crm.TooLongForCell(text); long {
		c.add("text-too-long", ptr, fmt.Sprintf("the text is %d characters; an Excel cell holds %d", n, crm.MaxCellChars))
	}
}

func sortedMapKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
