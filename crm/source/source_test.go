package source

import (
	"encoding/json"
	"errors"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const yamlDoc = `schema_version: 1
system:
  csp: Acme
  baseline: moderate
controls:
  "AC-2(a)":
    origination: [sp-system, customer-configured]
  a/b~c: {x: 0x1F, y: 1_000, z: 1.5, n: ~, t: true, d: 2024-01-02}
`

const jsonDoc = "{\n  \"schema_version\": 1,\n  \"system\": {\"csp\": \"Acmé\", \"baseline\": \"moderate\"},\n  \"controls\": {\n    \"AC-2(a)\": {\"origination\": [\"sp-system\", \"customer-configured\"]},\n    \"a/b~c\": {\"x\": 31}\n  }\n}\n"

func TestPositions(t *testing.T) {
	tests := []struct {
		name string
		file string
		data string
		want map[string]Pos
	}{
		{name: "yaml", file: "in.yaml", data: yamlDoc, want: map[string]Pos{
			"":                                {1, 1},
			"/schema_version":                 {1, 1},
			"/system/baseline":                {4, 3},
			"/controls/AC-2(a)":               {6, 3},
			"/controls/AC-2(a)/origination/1": {7, 30},
			"/controls/a~1b~0c/y":             {8, 20},
			"/controls/AC-2(a)/missing":       {6, 3},
		}},
		{name: "json", file: "in.json", data: jsonDoc, want: map[string]Pos{
			"/schema_version":                 {2, 3},
			"/system/baseline":                {3, 29},
			"/controls/AC-2(a)/origination/1": {5, 46},
			"/controls/a~1b~0c/x":             {6, 15},
		}},
		{name: "crlf and bom", file: "in.yaml", data: "\ufeffa: 1\r\nb:\r\n  c: 2\r\n", want: map[string]Pos{"/b/c": {3, 3}}},
		{name: "json sniffed", file: "in.txt", data: "\n  {\"a\": [1, 2]}", want: map[string]Pos{"/a/1": {2, 13}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Decode(tc.file, []byte(tc.data))
			if err != nil {
				t.Fatal(err)
			}
			for ptr, want := range tc.want {
				if got := doc.Pos(ptr); got != want {
					t.Errorf("Pos(%q) = %v, want %v", ptr, got, want)
				}
			}
		})
	}
}

func TestYAMLScalars(t *testing.T) {
	doc, err := Decode("in.yaml", []byte(yamlDoc))
	if err != nil {
		t.Fatal(err)
	}
	got := doc.Value.(map[string]any)["controls"].(map[string]any)["a/b~c"]
	want := map[string]any{"x": json.Number("31"), "y": json.Number("1000"), "z": json.Number("1.5"), "n": nil, "t": true, "d": "2024-01-02"}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("scalars (-want +got):\n%s", d)
	}
}

func TestDuplicates(t *testing.T) {
	for name, data := range map[string]string{
		"in.yaml": "a: 1\nb: 2\na: 3\n",
		"in.json": "{\"a\": 1,\n \"b\": 2,\n \"a\": 3}",
	} {
		doc, err := Decode(name, []byte(data))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(doc.Duplicates) != 1 || doc.Duplicates[0].Pointer != "/a" || doc.Duplicates[0].Pos.Line != 3 || doc.Duplicates[0].First.Line != 1 {
			t.Errorf("%s: duplicates = %+v", name, doc.Duplicates)
		}
		if v := doc.Value.(map[string]any)["a"]; v != json.Number("1") {
			t.Errorf("%s: first value should win, got %v", name, v)
		}
	}
}

func TestBadInput(t *testing.T) {
	bomb := "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
	for i := 1; i < 9; i++ {
		prev := string(rune('a' + i - 1))
		cur := string(rune('a' + i))
		bomb += cur + ": &" + cur + " [" + strings.Repeat("*"+prev+", ", 9) + "*" + prev + "]\n"
	}
	tests := []struct {
		name, file, data, msg string
		line                  int
	}{
		{name: "empty", file: "e.yaml", data: "", msg: "the file is empty", line: 1},
		{name: "blank", file: "e.json", data: " \n\n", msg: "the file is empty", line: 1},
		{name: "comments only", file: "e.yaml", data: "# nothing\n", msg: "the file is empty", line: 1},
		{name: "binary", file: "b.yaml", data: "PK\x03\x04\x00\x00", msg: "not a text file", line: 1},
		{name: "invalid utf8", file: "b.yaml", data: "a: \xff\xfe", msg: "not a text file", line: 1},
		{name: "bad yaml", file: "x.yaml", data: "a: 1\n b: 2\n", msg: "mapping values are not allowed", line: 2},
		{name: "tab indent", file: "x.yaml", data: "a:\n\tb: 1\n", msg: "invalid YAML", line: 2},
		{name: "bad json", file: "x.json", data: "{\n  \"a\": 1,\n  \"b\" 2\n}", msg: "invalid JSON", line: 3},
		{name: "truncated json", file: "x.json", data: "{\"a\": [1,", msg: "unexpected end of file", line: 1},
		{name: "trailing json", file: "x.json", data: "{} {}", msg: "more data after the document", line: 1},
		{name: "json escape", file: "x.json", data: `{"a": "\/ok"`, msg: "unexpected end of file", line: 1},
		{name: "two documents", file: "x.yaml", data: "a: 1\n---\nb: 2\n", msg: "second YAML document", line: 2},
		{name: "merge key", file: "x.yaml", data: "base: &b {x: 1}\nc:\n  <<: *b\n", msg: "merge keys", line: 3},
		{name: "alias cycle", file: "x.yaml", data: "a: &a [*a]\n", msg: "refers to itself", line: 1},
		{name: "alias bomb", file: "x.yaml", data: bomb, msg: "an alias bomb", line: 1},
		{name: "deep yaml", file: "x.yaml", data: strings.Repeat("[", 150) + strings.Repeat("]", 150), msg: "nesting deeper", line: 1},
		{name: "deep json", file: "x.json", data: strings.Repeat("[", 150) + strings.Repeat("]", 150), msg: "nesting deeper", line: 1},
		{name: "infinity", file: "x.yaml", data: "a: .inf\n", msg: "no JSON form", line: 1},
		{name: "complex key", file: "x.yaml", data: "? [a, b]\n: 1\n", msg: "plain string", line: 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Decode(tc.file, []byte(tc.data))
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("error = %v, want *SyntaxError", err)
			}
			if !strings.Contains(se.Msg, tc.msg) || se.Pos.Line != tc.line {
				t.Errorf("got %d:%d %q, want line %d and %q", se.Pos.Line, se.Pos.Col, se.Msg, tc.line, tc.msg)
			}
		})
	}
}

func TestHugeFile(t *testing.T) {
	_, err := Decode("big.yaml", make([]byte, MaxBytes+1))
	if err == nil || !strings.Contains(err.Error(), "may have at most") {
		t.Errorf("error = %v", err)
	}
}

func TestPointerTokens(t *testing.T) {
	if got := Tokens("/controls/a~1b~0c/0"); !cmp.Equal(got, []string{"controls", "a/b~c", "0"}) {
		t.Errorf("Tokens = %q", got)
	}
	if Escape("a/b~c") != "a~1b~0c" || Unescape("a~1b~0c") != "a/b~c" {
		t.Error("escape round trip")
	}
}

// pointers lists every pointer to a value in v, sorted.
func pointers(v any, ptr string, out *[]string) {
	*out = append(*out, ptr)
	switch t := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(t))
		for k := range t {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			pointers(t[k], ptr+"/"+Escape(k), out)
		}
	case []any:
		for i, x := range t {
			pointers(x, ptr+"/"+strconv.Itoa(i), out)
		}
	}
}
