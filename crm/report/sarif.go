package report

import (
	"io"

	"github.com/crm-tool/crm/crm"
)

// SARIF 2.1.0, only the parts crm fills.
type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool    sarifTool     `json:"tool"`
	Results []sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifRule struct {
	ID                   string      `json:"id"`
	ShortDescription     sarifText   `json:"shortDescription"`
	DefaultConfiguration sarifConfig `json:"defaultConfiguration"`
}

type sarifConfig struct {
	Level string `json:"level"`
}

type sarifResult struct {
	RuleID           string          `json:"ruleId"`
	RuleIndex        int             `json:"ruleIndex"`
	Level            string          `json:"level"`
	Message          sarifText       `json:"message"`
	Locations        []sarifLocation `json:"locations"`
	RelatedLocations []sarifLocation `json:"relatedLocations,omitempty"`
}

type sarifLocation struct {
	ID               *int           `json:"id,omitempty"`
	PhysicalLocation sarifPhysical  `json:"physicalLocation"`
	LogicalLocations []sarifLogical `json:"logicalLocations,omitempty"`
	Message          *sarifText     `json:"message,omitempty"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
}

type sarifLogical struct {
	FullyQualifiedName string `json:"fullyQualifiedName"`
	Kind               string `json:"kind,omitempty"`
}

func sarifLevel(s crm.Severity) string {
	switch s {
	case crm.Error:
		return "error"
	case crm.Info:
		return "note"
	}
	return "warning"
}

// sarifAt is a place in a file as SARIF locates it: the region of an
// input, and the JSON pointer or 'Sheet'!Cell as a logical location. GitHub
// code scanning requires a region on every result, so a place without a
// line (a workbook's cell, a file-level finding) is given the first line.
func sarifAt(file string, p crm.Place) sarifLocation {
	loc := sarifLocation{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{URI: fileURI(file)},
		Region: &sarifRegion{StartLine: max(p.Line, 1), StartColumn: max(p.Col, 1)}}}
	switch {
	case p.Sheet != "":
		loc.LogicalLocations = []sarifLogical{{FullyQualifiedName: placeName(p), Kind: "element"}}
	case p.Pointer != "":
		loc.LogicalLocations = []sarifLogical{{FullyQualifiedName: p.Pointer, Kind: "member"}}
	}
	return loc
}

func writeSARIF(w io.Writer, v *Validation) error {
	driver := sarifDriver{Name: "crm", Version: v.Tool, InformationURI: "https://github.com/crm-tool/crm", Rules: []sarifRule{}}
	index := map[string]int{}
	for i, r := range v.Rules {
		index[r.ID] = i
		driver.Rules = append(driver.Rules, sarifRule{ID: r.ID, ShortDescription: sarifText{r.Help}, DefaultConfiguration: sarifConfig{sarifLevel(r.Severity)}})
	}
	results := []sarifResult{}
	for _, f := range v.Findings {
		msg := f.Message
		if f.Sheet != "" {
			// A workbook has no lines to show: the message names the cell.
			msg = placeName(crm.Place{Sheet: f.Sheet, Cell: f.Cell}) + ": " + msg
		}
		res := sarifResult{
			RuleID: f.Rule, RuleIndex: index[f.Rule], Level: sarifLevel(f.Severity),
			Message:   sarifText{msg},
			Locations: []sarifLocation{sarifAt(f.File, crm.Place{Line: f.Line, Col: f.Col, Pointer: f.Pointer, Sheet: f.Sheet, Cell: f.Cell})},
		}
		for i, p := range f.Related {
			loc := sarifAt(f.File, p)
			id := i + 1
			loc.ID, loc.Message = &id, &sarifText{"also here: " + placeName(p)}
			res.RelatedLocations = append(res.RelatedLocations, loc)
		}
		results = append(results, res)
	}
	return writeJSON(w, sarifLog{
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Version: "2.1.0",
		Runs:    []sarifRun{{Tool: sarifTool{Driver: driver}, Results: results}},
	})
}
