package report

import (
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/crm-tool/crm/crm/diff"
	"github.com/crm-tool/crm/internal/markdown"
)

const (
	noticeMoreHeading  = "Now more your responsibility"
	noticeOtherHeading = "Other changes"
)

func noticeTitle(n *diff.Notice) string {
	return fmt.Sprintf("Changes to the Customer Responsibility Matrix of %s %s", n.CSP, n.System)
}

// noticeLead says which version this is and when it takes effect.
func noticeLead(n *diff.Notice) string {
	var parts []string
	if n.Version != "" {
		parts = append(parts, "Version "+n.Version)
	}
	if n.Effective != "" {
		parts = append(parts, "effective "+n.Effective)
	}
	lead := strings.Join(parts, ", ")
	if lead != "" {
		lead += "."
	}
	if n.Reason != "" {
		lead = strings.TrimSpace(lead + " " + n.Reason)
	}
	return lead
}

func writeNoticeMarkdown(w io.Writer, n *diff.Notice) error {
	fmt.Fprintf(w, "# %s\n\n", markdown.Escape(noticeTitle(n)))
	if lead := noticeLead(n); lead != "" {
		fmt.Fprintf(w, "%s\n\n", markdown.Escape(lead))
	}
	if len(n.Controls) == 0 {
		_, err := fmt.Fprintln(w, "Nothing changes for customers.")
		return err
	}
	group := ""
	for _, c := range n.Controls {
		if g := noticeGroup(c); g != group {
			group = g
			fmt.Fprintf(w, "## %s\n\n", g)
		}
		fmt.Fprintf(w, "### %s %s\n\n", c.Control, markdown.Escape(c.Title))
		for _, p := range c.Parts {
			fmt.Fprintf(w, "- **%s**: %s.", strings.Join(p.Rows, ", "), markdown.Escape(p.Says))
			if p.Text != "" {
				fmt.Fprintf(w, " What the CRM now says: %s", markdown.Escape(oneLine(p.Text)))
			}
			fmt.Fprintln(w)
		}
		fmt.Fprintln(w)
	}
	return nil
}

func noticeGroup(c diff.NoticeEntry) string {
	if c.Customer {
		return noticeMoreHeading
	}
	return noticeOtherHeading
}

type noticeGroupView struct {
	Heading  string
	Controls []diff.NoticeEntry
}

type noticePage struct {
	Title, Lead string
	Groups      []noticeGroupView
}

func noticeView(n *diff.Notice) noticePage {
	page := noticePage{Title: noticeTitle(n), Lead: noticeLead(n)}
	for _, c := range n.Controls {
		g := noticeGroup(c)
		if len(page.Groups) == 0 || page.Groups[len(page.Groups)-1].Heading != g {
			page.Groups = append(page.Groups, noticeGroupView{Heading: g})
		}
		last := &page.Groups[len(page.Groups)-1]
		last.Controls = append(last.Controls, c)
	}
	return page
}

// noticeHTML is the notice as a page of its own, escaped by html/template.
var noticeHTML = template.Must(template.New("notice").Funcs(template.FuncMap{"join": strings.Join}).Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{{.Title}}</title>
<style>body{font-family:Arial,sans-serif;max-width:60em;margin:2em auto;line-height:1.4}li{margin-bottom:.6em}.says{font-weight:bold}.text{white-space:pre-line}</style>
</head>
<body>
<h1>{{.Title}}</h1>
{{with .Lead}}<p>{{.}}</p>
{{end}}{{if not .Groups}}<p>Nothing changes for customers.</p>
{{end}}{{range .Groups}}<h2>{{.Heading}}</h2>
{{range .Controls}}<h3>{{.Control}} {{.Title}}</h3>
<ul>
{{range .Parts}}<li><strong>{{join .Rows ", "}}</strong>: <span class="says">{{.Says}}</span>.{{with .Text}} What the CRM now says: <span class="text">{{.}}</span>{{end}}</li>
{{end}}</ul>
{{end}}{{end}}</body>
</html>
`))
