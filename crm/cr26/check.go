package cr26

import (
	"cmp"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
)

// statuses are the schema's values of controlImplementationStatus.
var statuses = []string{StatusImplemented, StatusPartlyImplemented, StatusNotImplemented}

// CheckSDR holds an SDR to the shape FedRAMP's draft intends, which its
// schema states only in part (no control field is required there, and
// unknown fields pass): every field is one this package knows, and every
// control has its id, one of the three statuses and a description; every
// parameter value has its id and value.
func CheckSDR(data []byte) error {
	var s SDR
	if err := decodeExact(data, &s); err != nil {
		return fmt.Errorf("not the intended SDR shape: %w", err)
	}
	if s.CertificationPackageOverviewURI == "" {
		return fmt.Errorf("no certificationPackageOverviewUri")
	}
	for i, c := range s.SecurityControls {
		switch {
		case c.ControlID == "":
			return fmt.Errorf("securityControls[%d] has no controlId", i)
		case !slices.Contains(statuses, c.Status):
			return fmt.Errorf("%s: status %q is none of %q", c.ControlID, c.Status, statuses)
		case c.Description == "":
			return fmt.Errorf("%s has no controlImplementationDescription", c.ControlID)
		}
		for _, p := range c.ParameterValues {
			if p.ParameterID == "" || p.ParameterValue == "" {
				return fmt.Errorf("%s: a parameter value without its id or value", c.ControlID)
			}
		}
	}
	for _, l := range s.LeveragedServices {
		if l.ServiceName == "" {
			return fmt.Errorf("a leveraged service without its name")
		}
	}
	return nil
}

// decodeExact decodes data into v, refusing a field v's type does not name
// with exactly that spelling (encoding/json matches names in any case).
func decodeExact(data []byte, v any) error {
	var generic any
	if err := json.Unmarshal(data, &generic); err != nil {
		return err
	}
	if err := exactKeys(generic, reflect.TypeOf(v).Elem(), ""); err != nil {
		return err
	}
	return json.Unmarshal(data, v)
}

// exactKeys checks that every object in v has only the keys the struct
// type t names in its json tags, all the way down.
func exactKeys(v any, t reflect.Type, at string) error {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch val := v.(type) {
	case []any:
		if t.Kind() != reflect.Slice {
			return nil
		}
		for i, item := range val {
			if err := exactKeys(item, t.Elem(), fmt.Sprintf("%s/%d", at, i)); err != nil {
				return err
			}
		}
	case map[string]any:
		if t.Kind() != reflect.Struct {
			return nil
		}
		fields := map[string]reflect.Type{}
		for i := range t.NumField() {
			name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
			fields[name] = t.Field(i).Type
		}
		for key, item := range val {
			ft, ok := fields[key]
			if !ok {
				return fmt.Errorf("%s: unknown field %q", cmp.Or(at, "/"), key)
			}
			if err := exactKeys(item, ft, at+"/"+key); err != nil {
				return err
			}
		}
	}
	return nil
}
