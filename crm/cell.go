package crm

import "unicode/utf16"

// MaxCellChars is what one Excel cell holds, in UTF-16 code units; longer
// text would be cut silently when written.
const MaxCellChars = 32767

// TooLongForCell reports whether text exceeds MaxCellChars, and its length
// in UTF-16 code units.
func TooLongForCell(text string) (bool, int) {
	// A UTF-16 count never exceeds the UTF-8 byte count, so most texts need
	// no counting.
	if len(text) <= MaxCellChars {
		return false, 0
	}
	n := 0
	for _, r := range text {
		n += utf16.RuneLen(r)
	}
	return n > MaxCellChars, n
}
