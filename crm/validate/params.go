package validate

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/crm-tool/crm/crm/catalog"
	"github.com/crm-tool/crm/crm/source"
)

// paramRules checks the parameter values against the catalog and FedRAMP's
// constraints in the system's baseline (the baseline profiles'
// set-parameters, embedded by package catalog).
func (c *checker) paramRules() {
	for _, id := range sortedMapKeys(c.doc.Parameters) {
		value := c.doc.Parameters[id]
		ptr := "/parameters/" + source.Escape(id)
		ctl, p, err := c.cat.Parameter(id)
		if err != nil {
			c.add("unknown-parameter", ptr, err.Error())
			continue
		}
		m, inBaseline := c.set.Member(ctl.ID)
		if !inBaseline {
			c.add("not-in-baseline", ptr, fmt.Sprintf("%s is a parameter of %s, which the %s baseline does not select", p.ID, ctl.ID, c.set.Baseline.Title()))
			continue
		}
		if bad := notChoices(p, value); len(bad) > 0 {
			c.add("parameter-not-a-choice", ptr, fmt.Sprintf("%s is a selection (%s of: %s); %q is none of them",
				p.ID, p.HowMany, strings.Join(p.Choices, "; "), strings.Join(bad, ", ")))
		}
		if fedramp := m.Constraints[p.ID]; fedramp != "" {
			if need, ok := atLeast(fedramp); ok {
				if got, ok := interval(value); ok && got > need {
					c.add("parameter-below-fedramp", ptr, fmt.Sprintf("FedRAMP's %s baseline sets %s to %q; %q is less often", c.set.Baseline.Title(), p.ID, fedramp, value))
				}
			}
		}
	}
}

// notChoices lists the parts of a selection's value that are none of its
// choices (several, comma-separated, for one-or-more); nil for a parameter
// that is no selection.
func notChoices(p *catalog.Param, value string) []string {
	if len(p.Choices) == 0 {
		return nil
	}
	items := []string{value}
	if p.HowMany == "one-or-more" {
		items = strings.Split(value, ",")
	}
	var bad []string
	for _, it := range items {
		it = strings.TrimSpace(it)
		if !slices.ContainsFunc(p.Choices, func(ch string) bool { return strings.EqualFold(ch, it) }) {
			bad = append(bad, it)
		}
	}
	return bad
}

// atLeast reads FedRAMP's "at least <how often>" constraints ("at least
// annually", "at least every 3 years", "at least monthly and when …"): the
// longest interval the value may name, in days.
func atLeast(constraint string) (float64, bool) {
	rest, ok := strings.CutPrefix(strings.ToLower(strings.TrimSpace(constraint)), "at least ")
	if !ok {
		return 0, false
	}
	return interval(rest)
}

// frequencies are the words for how often, in days between occurrences.
var frequencies = map[string]float64{
	"daily": 1, "every day": 1, "weekly": 7, "every week": 7, "monthly": 30, "every month": 30,
	"quarterly": 91, "every quarter": 91, "semi-annually": 182, "semiannually": 182, "twice a year": 182,
	"annually": 365, "yearly": 365, "every year": 365, "once a year": 365,
}

var (
	everyN    = regexp.MustCompile(`^every (\w+)(?: \((\d+)\))? (day|week|month|year)s?\b`)
	unitDays  = map[string]float64{"day": 1, "week": 7, "month": 30, "year": 365}
	numbers   = map[string]int{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
	phraseEnd = []string{"", " and", ",", ";", " or", " (", "."}
)

// interval reads how often a value says something happens, from its start
// ("annually", "every 3 years", "every six (6) months", "at least monthly and
// after each change"), in days; false when it says no frequency this way.
func interval(value string) (float64, bool) {
	v := strings.ToLower(strings.Join(strings.Fields(value), " "))
	for _, lead := range []string{"at least ", "at a minimum ", "at a minimum, "} {
		v = strings.TrimPrefix(v, lead)
	}
	for word, days := range frequencies {
		if rest, ok := strings.CutPrefix(v, word); ok && endsPhrase(rest) {
			return days, true
		}
	}
	m := everyN.FindStringSubmatch(v)
	if m == nil || !endsPhrase(v[len(m[0]):]) {
		return 0, false
	}
	n, err := strconv.Atoi(m[1])
	if err != nil {
		if n, err = strconv.Atoi(m[2]); err != nil {
			var known bool
			if n, known = numbers[m[1]]; !known {
				return 0, false
			}
		}
	}
	return float64(n) * unitDays[m[3]], true
}

func endsPhrase(rest string) bool {
	return slices.ContainsFunc(phraseEnd, func(end string) bool {
		return end == "" && rest == "" || end != "" && strings.HasPrefix(rest, end)
	})
}
