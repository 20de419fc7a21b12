package validate

import "testing"

func TestInterval(t *testing.T) {
	for _, tc := range []struct {
		value string
		days  float64
		ok    bool
	}{
		{"annually", 365, true},
		{"At least annually and when a significant change occurs", 365, true},
		{"at least every 3 years", 3 * 365, true},
		{"every six (6) months", 180, true},
		{"every two (2) years", 730, true},
		{"monthly; and after incidents", 30, true},
		// A frequency qualified by whom it is for is not read: comparing
		// only its first part could pass what its second breaks.
		{"quarterly for privileged access, annually for the rest", 0, false},
		{"continuously", 0, false},
		{"monthly for privileged accessed, every six (6) months", 0, false},
		{"annual review", 0, false},
		{"every other year", 0, false},
		{"weeklyish", 0, false},
	} {
		days, ok := interval(tc.value)
		if days != tc.days || ok != tc.ok {
			t.Errorf("interval(%q) = %v, %v; want %v, %v", tc.value, days, ok, tc.days, tc.ok)
		}
	}
	if _, ok := atLeast("monthly for privileged accessed"); ok {
		t.Error("a constraint without \"at least\" read as a minimum")
	}
	if d, ok := atLeast("at least every 3 years "); !ok || d != 3*365 {
		t.Errorf("atLeast: %v %v", d, ok)
	}
}
