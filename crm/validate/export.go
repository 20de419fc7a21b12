package validate

import (
	"fmt"
	"strings"

	"github.com/crm-tool/crm/crm"
)

// Export targets whose needs ExportFindings checks: what the input must
// hold for them that the workbook does not need.
const (
	ForSDR      = "sdr"            // FedRAMP CR26 Security Decision Record
	ForSCN      = "scn"            // FedRAMP CR26 Significant Change Notification
	ForOSCAL    = "oscal-ssp"      // OSCAL SSP in JSON
	ForOSCALYML = "oscal-ssp-yaml" // the same in YAML
)

// ExportTargets lists the targets, for help text and flags.
var ExportTargets = []string{ForSDR, ForSCN, ForOSCAL, ForOSCALYML}

// ExportFindings checks what an export to target needs of a valid input
// (res.Doc not nil): both CR26 formats point at the offering's
// Certification Package Overview (certificationPackageOverviewUri, required
// by both schemas); the SDR gives each control's parameter values
// (SDR-CSF-CTF), and says which are missing.
func ExportFindings(res *Result, target string) []crm.Finding {
	c := &checker{file: res.File, loc: res.loc, doc: res.Doc}
	if target == ForOSCAL || target == ForOSCALYML {
		// OSCAL requires each leveraged authorization's date-authorized.
		for i, l := range res.Doc.Leveraged {
			if l.DateAuthorized == "" {
				c.add("missing-date-authorized", fmt.Sprintf("/leveraged/%d", i), fmt.Sprintf("the OSCAL SSP gives each leveraged authorization its date-authorized: give %s's as date_authorized", l.Name))
			}
		}
		return c.findings
	}
	if res.Doc.System.PackageOverviewURI == "" {
		c.add("missing-package-overview", "/system", fmt.Sprintf("the %s points at the offering's FedRAMP Certification Package Overview: give its URI as system.package_overview_uri", targetName(target)))
	}
	if target == ForSDR {
		c.missingParameters(res.Rows)
	}
	crm.SortFindings(c.findings)
	return c.findings
}

func targetName(target string) string {
	if target == ForSDR {
		return "Security Decision Record"
	}
	return "Significant Change Notification"
}

// missingParameters is one finding for the baseline's parameters without a
// value, naming the first controls that lack some.
func (c *checker) missingParameters(rows []crm.Row) {
	const show = 5
	var total, missing int
	var controls []string
	for _, ctl := range crm.ByControl(rows) {
		m := ctl[0].Member
		lacks := false
		for _, p := range m.Params {
			total++
			if _, ok := c.doc.Parameters[p.ID]; !ok {
				missing++
				lacks = true
			}
		}
		if lacks {
			controls = append(controls, m.ID.String())
		}
	}
	if missing == 0 {
		return
	}
	named := strings.Join(controls[:min(show, len(controls))], ", ")
	if len(controls) > show {
		named += fmt.Sprintf(" and %d more", len(controls)-show)
	}
	c.add("missing-parameter", "/parameters", fmt.Sprintf("%d of the baseline's %d parameters have no value under parameters, so the Security Decision Record leaves them out (controls %s); crm controls --params lists them with FedRAMP's values", missing, total, named))
}
