package controlid

import (
	"fmt"
	"strings"
	"unicode"
)

// maxDigits bounds control and enhancement numbers; the catalog's largest is
// two digits, three leaves room and rules out overflow.
const maxDigits = 3

// ParseError says why a string is not a control identifier.
type ParseError struct {
	Input  string
	Reason string
}

func (e *ParseError) Error() string {
	return fmt.Sprintf("%q is not a control id: %s", e.Input, e.Reason)
}

// Parse reads a control identifier in any of the spellings found in FedRAMP
// workbooks and OSCAL: AC-2(3)(a), AC-02 (03) (a), AC-2 (3)(a), ac-2.3,
// ac-2.3_smt.a, in any case, with stray or non-breaking spaces. It checks
// syntax only; whether the control exists is the catalog's business.
func Parse(s string) (ID, error) {
	p := parser{in: s, s: normalizeSpace(s)}
	return p.parse()
}

// MustParse is Parse for identifiers written in source code; it panics on error.
func MustParse(s string) ID {
	id, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return id
}

// normalizeSpace turns every Unicode space (tabs, NBSP, narrow NBSP, ...) into
// an ASCII space and trims the ends.
func normalizeSpace(s string) string {
	if strings.IndexFunc(s, func(r rune) bool { return r != ' ' && unicode.IsSpace(r) }) >= 0 {
		s = strings.Map(func(r rune) rune {
			if unicode.IsSpace(r) {
				return ' '
			}
			return r
		}, s)
	}
	return strings.TrimSpace(s)
}

type parser struct {
	in  string // the original input, for messages
	s   string
	pos int
}

func (p *parser) fail(format string, args ...any) (ID, error) {
	return ID{}, &ParseError{Input: p.in, Reason: fmt.Sprintf(format, args...)}
}

func (p *parser) parse() (ID, error) {
	if p.s == "" {
		return p.fail("it is empty")
	}
	var id ID
	if len(p.s) < 2 || !isLetter(p.s[0]) || !isLetter(p.s[1]) {
		return p.fail("it must start with a two-letter family such as AC")
	}
	id.Family = strings.ToUpper(p.s[:2])
	p.pos = 2
	p.skipSpace()
	if !p.take('-') {
		return p.fail("expected '-' after the family %s", id.Family)
	}
	p.skipSpace()
	n, ok := p.number()
	if !ok {
		return p.fail("expected a control number after %s-", id.Family)
	}
	id.Control = n
	if p.pos < len(p.s) && (p.s[p.pos] == '.' || p.s[p.pos] == '_') {
		return p.oscalTail(id)
	}
	return p.labelTail(id)
}

// oscalTail reads ".3", "_smt", "_smt.a" after "ac-2".
func (p *parser) oscalTail(id ID) (ID, error) {
	if p.take('.') {
		n, ok := p.number()
		if !ok {
			return p.fail("expected an enhancement number after '.'")
		}
		id.Enhancement = n
	}
	if p.pos == len(p.s) {
		return id, nil
	}
	if !strings.HasPrefix(strings.ToLower(p.s[p.pos:]), "_smt") {
		return p.fail("unexpected %q", p.s[p.pos:])
	}
	p.pos += len("_smt")
	if p.pos == len(p.s) {
		return id, nil
	}
	if !p.take('.') {
		return p.fail("unexpected %q after _smt", p.s[p.pos:])
	}
	part, ok := p.letters()
	if !ok {
		return p.fail("expected a statement letter after _smt.")
	}
	id.Part = part
	if p.pos < len(p.s) {
		return p.fail("%s is a sub-item; the CRM has one row per lettered part (%s)", p.in, id)
	}
	return id, nil
}

// labelTail reads " (3) (a)" after "AC-2".
func (p *parser) labelTail(id ID) (ID, error) {
	for {
		p.skipSpace()
		if p.pos == len(p.s) {
			return id, nil
		}
		if !p.take('(') {
			return p.fail("unexpected %q", p.s[p.pos:])
		}
		p.skipSpace()
		switch {
		case p.pos < len(p.s) && isDigit(p.s[p.pos]):
			n, ok := p.number()
			if !ok {
				return p.fail("enhancement number out of range")
			}
			if id.Part != "" {
				return p.fail("%s(%d) is a sub-item; the CRM has one row per lettered part (%s)", id, n, id)
			}
			if id.Enhancement != 0 {
				return p.fail("more than one enhancement number")
			}
			id.Enhancement = n
		case p.pos < len(p.s) && isLetter(p.s[p.pos]):
			part, ok := p.letters()
			if !ok || id.Part != "" {
				return p.fail("more than one part letter")
			}
			id.Part = part
		default:
			return p.fail("expected a number or a letter after '('")
		}
		p.skipSpace()
		if !p.take(')') {
			return p.fail("missing ')'")
		}
	}
}

func (p *parser) skipSpace() {
	for p.pos < len(p.s) && p.s[p.pos] == ' ' {
		p.pos++
	}
}

func (p *parser) take(c byte) bool {
	if p.pos < len(p.s) && p.s[p.pos] == c {
		p.pos++
		return true
	}
	return false
}

// number reads 1 to maxDigits decimal digits with a value of at least 1.
func (p *parser) number() (int, bool) {
	start, n := p.pos, 0
	for p.pos < len(p.s) && isDigit(p.s[p.pos]) {
		n = n*10 + int(p.s[p.pos]-'0')
		p.pos++
		if p.pos-start > maxDigits {
			return 0, false
		}
	}
	return n, p.pos > start && n > 0
}

// letters reads one statement letter; items never go past z.
func (p *parser) letters() (string, bool) {
	if p.pos < len(p.s) && isLetter(p.s[p.pos]) {
		c := p.s[p.pos] | 0x20 // lower case
		p.pos++
		if p.pos < len(p.s) && isLetter(p.s[p.pos]) {
			return "", false
		}
		return string(c), true
	}
	return "", false
}

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
