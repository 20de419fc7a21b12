package templates

import (
	"fmt"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// TestEmbeddedFilesDecode decodes each embedded file strictly, as the
// accessors do, and reports the error the accessors would panic with.
func TestEmbeddedFilesDecode(t *testing.T) {
	if err := decodeStrict(appendixJ, new(Layout)); err != nil {
		t.Errorf("appendix-j.yaml: %v", err)
	}
	if err := decodeStrict(serviceModels, new(ServiceModelDefaults)); err != nil {
		t.Errorf("service-models.yaml: %v", err)
	}
	defer func() {
		if r := recover(); r == nil || !strings.Contains(fmt.Sprint(r), "broken embedded bad.yaml") {
			t.Errorf("a broken embedded file: %v", r)
		}
	}()
	decodeEmbedded("bad.yaml", []byte("title: [unclosed"), new(Layout))
}

func TestAppendixJ(t *testing.T) {
	l := AppendixJ()
	if len(l.CIS.StatusColumns) != 5 || len(l.CIS.OriginationColumns) != 7 || len(l.CRM.Headers) != 3 {
		t.Errorf("columns: %d status, %d origination, %d CRM", len(l.CIS.StatusColumns), len(l.CIS.OriginationColumns), len(l.CRM.Headers))
	}
	if got := l.CIS.OriginationColumns[6].Header; got != "Inherited from Pre-Existing  Authorization" {
		t.Errorf("column M header %q lost the template's double space", got)
	}
	for _, b := range []string{"high", "moderate", "low", "li-saas"} {
		if len(l.CIS.Widths[b]) != 13 || len(l.CRM.Widths[b]) != 3 || l.CRM.HeaderRow[b] == 0 || l.CRM.Heights.Guidance[b] == 0 {
			t.Errorf("%s: incomplete layout", b)
		}
	}
}

func TestServiceModels(t *testing.T) {
	d := ServiceModels()
	for _, layer := range d.Layers {
		for _, model := range []string{"iaas", "paas", "saas"} {
			owner, ok := layer.Owner[model]
			if !ok {
				t.Errorf("layer %s has no owner for %s", layer.ID, model)
				continue
			}
			if _, ok := d.Owners[owner]; !ok {
				t.Errorf("layer %s: unknown owner %q", layer.ID, owner)
			}
			if owner != "provider" && layer.Customer[owner] == "" {
				t.Errorf("layer %s: %s owner %s has no customer text", layer.ID, model, owner)
			}
		}
	}
}

// TestEveryServiceModelLayerStatesItsReason: each default layer is preceded
// by a comment that cites its source (TPL, ARC or CRMS, defined at the top
// of the file), so that no default stands without its reason.
func TestEveryServiceModelLayerStatesItsReason(t *testing.T) {
	var doc yaml.Node
	if err := yaml.Unmarshal(serviceModels, &doc); err != nil {
		t.Fatal(err)
	}
	root := doc.Content[0]
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value != "layers" {
			continue
		}
		for _, layer := range root.Content[i+1].Content {
			id := ""
			for j := 0; j+1 < len(layer.Content); j += 2 {
				if layer.Content[j].Value == "id" {
					id = layer.Content[j+1].Value
				}
			}
			c := layer.HeadComment
			if !strings.Contains(c, "TPL") && !strings.Contains(c, "ARC") && !strings.Contains(c, "CRMS") {
				t.Errorf("layer %s states no reason: %q", id, c)
			}
		}
	}
}
