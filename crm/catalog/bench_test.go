package catalog

import "testing"

// BenchmarkBuild is what the first use of the catalog costs a process: the
// generated data needs no decoding, only its indexes built.
func BenchmarkBuild(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := build(&generated); err != nil {
			b.Fatal(err)
		}
	}
}
