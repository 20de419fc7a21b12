// Command gen copies FedRAMP's CR26 JSON schemas (the Security Decision
// Record, Significant Change Notifications, and the common definitions they
// refer to) from ../shared/data/fedramp-cr26 into fedramp-cr26/, compacted,
// for package schemas to embed. Run it through `go generate ./schemas`; crm
// itself never reads ../shared.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
)

// Files are the schemas crm embeds, as FedRAMP names them.
var files = []string{
	"fedramp-security-decision-record-schema-2026-06-24.json",
	"fedramp-significant-change-notifications-schema-2026-06-24.json",
	"fedramp-common-definitions-schema-2026-06-24.json",
}

func main() {
	data := flag.String("data", "../../shared/data/fedramp-cr26", "folder holding FedRAMP's CR26 files")
	out := flag.String("out", "fedramp-cr26", "folder to write")
	flag.Parse()
	for _, f := range files {
		if err := copyCompact(filepath.Join(*data, f), filepath.Join(*out, f)); err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
	}
}

func copyCompact(from, to string) error {
	raw, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if err := json.Compact(&b, raw); err != nil {
		return fmt.Errorf("%s: %w", from, err)
	}
	b.WriteByte('\n')
	return os.WriteFile(to, b.Bytes(), 0o644)
}
