package source

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestTooManyValuesAreRefusedUnparsed: a document that may hold more values
// than crm reads is refused, YAML or JSON, before a parser allocates for
// them; one just under the bound is read.
func TestTooManyValuesAreRefusedUnparsed(t *testing.T) {
	n := MaxValues / 2 // each item brings one indicator, two values at most
	for _, tc := range []struct {
		name, file, head, item, tail string
	}{
		{"flow sequence", "in.yaml", "x: [", "1,", "1]\n"},
		{"block sequence", "in.yaml", "x:\n", "- a\n", ""},
		{"mapping", "in.yaml", "x:\n", "  k: v\n", ""},
		{"json array", "in.json", `{"x": [`, "1,", "1]}"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			over := []byte(tc.head + strings.Repeat(tc.item, n+1) + tc.tail)
			var err error
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			_, err = Decode(tc.file, over)
			runtime.ReadMemStats(&after)
			if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("crm reads at most %d", MaxValues)) {
				t.Fatalf("err = %v", err)
			}
			if a := after.TotalAlloc - before.TotalAlloc; a > uint64(len(over)) {
				t.Errorf("allocated %d bytes to refuse %d", a, len(over))
			}
			under := []byte(tc.head + strings.Repeat(tc.item, n/2) + tc.tail)
			if _, err := Decode(tc.file, under); err != nil && strings.Contains(err.Error(), "crm reads at most") {
				t.Errorf("a document under the bound is refused: %v", err)
			}
		})
	}
}

// TestValueBoundNeverFallsShort: the bound is at least the values the
// parser finds, on every shape of document the tests know.
func TestValueBoundNeverFallsShort(t *testing.T) {
	docs := []string{yamlDoc, jsonDoc, "a", "[a]", "{a}", "{a, b: [c, {d}]}", "? a\n: b\n", "- - - a\n", "a: &x [1, 2]\nb: *x\n", `{"a":{"b":[1,[2,[]]]}}`}
	for _, d := range docs {
		doc, err := Decode("in.yaml", []byte(d))
		if err != nil {
			t.Fatalf("%q: %v", d, err)
		}
		if n, bound := countValues(doc.Value), valueBound([]byte(d)); n > bound {
			t.Errorf("%q: %d values, bound %d", d, n, bound)
		}
	}
}

func countValues(v any) int {
	n := 1
	switch v := v.(type) {
	case []any:
		for _, x := range v {
			n += countValues(x)
		}
	case map[string]any:
		for _, x := range v {
			n += 1 + countValues(x) // the key, and the value
		}
	}
	return n
}

// TestColumnsOnOneLongLine: positions on a document written on one line are
// counted on from token to token, and match counting from the line start.
func TestColumnsOnOneLongLine(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"é": [`)
	for i := range 2000 {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, `"ü%d"`, i)
	}
	b.WriteString(`], "z": {"k": 1, "k": 2}}`)
	data := b.String()
	doc, err := Decode("in.json", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	for _, i := range []int{0, 1, 999, 1999} {
		at := strings.Index(data, fmt.Sprintf(`"ü%d"`, i))
		want := Pos{1, utf8.RuneCountInString(data[:at]) + 1}
		if got := doc.Pos(fmt.Sprintf("/é/%d", i)); got != want {
			t.Errorf("item %d at %v, want %v", i, got, want)
		}
	}
	if len(doc.Duplicates) != 1 || doc.Duplicates[0].First.Col >= doc.Duplicates[0].Pos.Col {
		t.Errorf("duplicates %+v", doc.Duplicates)
	}
}
