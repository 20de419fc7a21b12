package source

import (
	"encoding/json"
	"testing"
)

// FuzzDecode checks that Decode never panics, that every value it returns has
// a position of its own, and that the value is plain JSON data.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{yamlDoc, jsonDoc, "a: &a [*a]", "{\"a\": [1, {\"b\": null}]}", "- [x, {y: z}]\n- 0o17\n", "a: 1\na: 2"} {
		f.Add("in.yaml", []byte(s))
		f.Add("in.json", []byte(s))
	}
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		doc, err := Decode(name, data)
		if err != nil {
			return
		}
		var ptrs []string
		pointers(doc.Value, "", &ptrs)
		for _, p := range ptrs {
			if !doc.Has(p) {
				t.Fatalf("no position for %q", p)
			}
		}
		if _, err := json.Marshal(doc.Value); err != nil {
			t.Fatalf("value is not JSON data: %v", err)
		}
	})
}
