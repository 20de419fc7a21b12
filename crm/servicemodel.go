package crm

import (
	"fmt"

	"github.com/crm-tool/crm/crm/catalog"
	"github.com/crm-tool/crm/crm/controlid"
	"github.com/crm-tool/crm/templates"
)

// ServiceModelLayers turns the embedded service-model defaults for model
// (iaas, paas or saas) into default layers for the rows of set, each tagged
// with pointer, the input entry that asked for them. When leveraged names an
// authorization and the model is not IaaS, layers marked
// inherit_when_leveraged are inherited from it. On the LI-SaaS baseline the
// controls FedRAMP tailors NSO (no security impact for a SaaS: LI-SaaS
// tailoring, FedRAMP_Security_Controls_Baseline.xlsx) get no default: they
// need no answer, and a default would give them one.
func ServiceModelLayers(model, leveraged, pointer string, set *catalog.BaselineSet) ([]DefaultLayer, error) {
	data := templates.ServiceModels()
	except := map[controlid.ID]bool{}
	if set.Baseline == catalog.LISaaS {
		for _, m := range set.Members {
			if m.HasMethod("NSO") {
				except[m.ID] = true
			}
		}
	}
	var out []DefaultLayer
	for _, layer := range data.Layers {
		owner, ok := layer.Owner[model]
		if !ok {
			return nil, fmt.Errorf("no service-model defaults for %q", model)
		}
		of := data.Owners[owner]
		f := &Fields{Answer: Answer(of.Answer), Customer: layer.Customer[owner]}
		for _, o := range of.Origination {
			f.Origination = append(f.Origination, Origination(o))
		}
		if layer.InheritWhenLeveraged && leveraged != "" && model != "iaas" {
			f.Origination, f.Leveraged = []Origination{Inherited}, leveraged
		}
		d := DefaultLayer{Layered: Layered{Fields: f, Pointer: pointer}, Families: map[string]bool{}, IDs: map[controlid.ID]bool{}, Except: except}
		for _, fam := range layer.Families {
			d.Families[fam] = true
		}
		for _, raw := range layer.Controls {
			id, err := controlid.Parse(raw)
			if err != nil {
				return nil, fmt.Errorf("service-model layer %s: %w", layer.ID, err)
			}
			d.IDs[id] = true
		}
		out = append(out, d)
	}
	return out, nil
}
