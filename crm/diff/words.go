package diff

import "strings"

// WordOp is one step of a word-level text diff: kept ("="), removed ("-") or
// added ("+") words.
type WordOp struct {
	Op   string `json:"op"`
	Text string `json:"text"`
}

// maxCells bounds the word-diff table; longer texts are shown as replaced
// whole rather than spending quadratic time.
const maxCells = 4_000_000

// Words diffs two texts word by word (longest common subsequence), merging
// runs of the same operation.
func Words(a, b string) []WordOp {
	x, y := strings.Fields(a), strings.Fields(b)
	if len(x)*len(y) > maxCells {
		return merge([]WordOp{{"-", a}, {"+", b}})
	}
	// lcs[i][j] is the LCS length of x[i:] and y[j:].
	lcs := make([][]int32, len(x)+1)
	for i := range lcs {
		lcs[i] = make([]int32, len(y)+1)
	}
	for i := len(x) - 1; i >= 0; i-- {
		for j := len(y) - 1; j >= 0; j-- {
			if x[i] == y[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var ops []WordOp
	i, j := 0, 0
	for i < len(x) && j < len(y) {
		switch {
		case x[i] == y[j]:
			ops = append(ops, WordOp{"=", x[i]})
			i, j = i+1, j+1
		case lcs[i+1][j] >= lcs[i][j+1]:
			ops = append(ops, WordOp{"-", x[i]})
			i++
		default:
			ops = append(ops, WordOp{"+", y[j]})
			j++
		}
	}
	for ; i < len(x); i++ {
		ops = append(ops, WordOp{"-", x[i]})
	}
	for ; j < len(y); j++ {
		ops = append(ops, WordOp{"+", y[j]})
	}
	return merge(ops)
}

// merge joins consecutive operations of the same kind with spaces.
func merge(ops []WordOp) []WordOp {
	var out []WordOp
	for _, op := range ops {
		if op.Text == "" {
			continue
		}
		if n := len(out); n > 0 && out[n-1].Op == op.Op {
			out[n-1].Text += " " + op.Text
			continue
		}
		out = append(out, op)
	}
	return out
}

// sameWords reports whether two texts differ only in white space.
func sameWords(a, b string) bool {
	return strings.Join(strings.Fields(a), " ") == strings.Join(strings.Fields(b), " ")
}

// Inline shows a word diff on one line, with markers around removed and
// added words.
func Inline(ops []WordOp, delOpen, delClose, addOpen, addClose string) string {
	parts := make([]string, len(ops))
	for i, op := range ops {
		switch op.Op {
		case "-":
			parts[i] = delOpen + op.Text + delClose
		case "+":
			parts[i] = addOpen + op.Text + addClose
		default:
			parts[i] = op.Text
		}
	}
	return strings.Join(parts, " ")
}
