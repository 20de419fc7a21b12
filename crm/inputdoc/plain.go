package inputdoc

import "strings"

// plainSafe reports whether s is a scalar every YAML reader takes for the
// same string when written without quotes: a letter first, then letters,
// digits and a few quiet punctuation marks (_ . ( ) / -); nothing YAML 1.1
// (PyYAML, SnakeYAML) or 1.2 could read as a boolean, null, number or
// timestamp, once yaml11Words are left out.
func plainSafe(s string) bool {
	if s == "" || !isLetter(s[0]) {
		return false
	}
	for i := 1; i < len(s); i++ {
		c := s[i]
		if !isLetter(c) && (c < '0' || c > '9') && !strings.ContainsRune("_.()/-", rune(c)) {
			return false
		}
	}
	return true
}

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

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
	return plainSafe(s) && !yaml11Words[strings.ToLower(s)]
}

// scalar writes s plain when that is safe, else quoted.
func scalar(s string) string {
	if Plain(s) {
		return s
	}
	return q(s)
}
