package inputdoc

import (
	"regexp"
	"strings"
)

// plainSafe are the scalars every YAML reader takes for the same string
// when written without quotes: a letter first, then letters, digits and a
// few quiet punctuation marks; nothing YAML 1.1 (PyYAML, SnakeYAML) or 1.2
// could read as a boolean, null, number or timestamp.
var plainSafe = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_.()/-]*$`)

// yaml11Words are the plain scalars YAML 1.1 reads as booleans or null
// (its bool type also names y and n).
var yaml11Words = map[string]bool{
	"y": true, "yes": true, "n": true, "no": true, "true": true, "false": true,
	"on": true, "off": true, "null": true,
}

// Plain reports whether s may be written as a plain YAML scalar and read
// back as the same string by YAML 1.1 and 1.2 readers alike. Anything else
// is written quoted.
func Plain(s string) bool {
	return plainSafe.MatchString(s) && !yaml11Words[strings.ToLower(s)]
}

// scalar writes s plain when that is safe, else quoted.
func scalar(s string) string {
	if Plain(s) {
		return s
	}
	return q(s)
}
