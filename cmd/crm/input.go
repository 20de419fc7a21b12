package main

import (
	"fmt"

	"github.com/crm-tool/crm/crm/catalog"
	"github.com/crm-tool/crm/crm/validate"
)

// loadInput checks an input document or workbook and returns it resolved.
// A document that does not follow the input schema cannot be resolved: the
// error sends the user to crm validate, which says why.
func loadInput(path string, baseline catalog.Baseline) (*validate.Result, error) {
	res, err := validate.File(path, baseline)
	if err != nil {
		return nil, err
	}
	if res.Doc == nil {
		return nil, fmt.Errorf("%s does not follow the input schema; run crm validate %s", path, path)
	}
	return res, nil
}
