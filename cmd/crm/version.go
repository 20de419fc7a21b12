package main

import (
	"encoding/json"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"

	"github.com/spf13/cobra"

	"github.com/crm-tool/crm/crm/catalog"
)

// version is set at link time with -ldflags "-X main.version=v1.2.3";
// otherwise the module version from the build information is used.
var version = ""

func versionString() string {
	if version != "" {
		return version
	}
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" {
		return info.Main.Version
	}
	return "(devel)"
}

// versionInfo is what `crm version --format json` prints.
type versionInfo struct {
	FormatVersion  int    `json:"version"`
	CRM            string `json:"crm"`
	Go             string `json:"go"`
	NISTCatalog    string `json:"nist_catalog"`
	FedRAMPRelease string `json:"fedramp_baselines"`
}

func newVersionCmd(s *streams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "version",
		Short: "Print the version of crm and of its embedded catalog",
		Args:  cobra.NoArgs,
	}
	out := addOutputFlags(cmd, []string{"text", "json"})
	cmd.RunE = func(*cobra.Command, []string) error {
		nist, fedramp := catalog.Versions()
		info := versionInfo{
			FormatVersion:  1,
			CRM:            versionString(),
			Go:             runtime.Version(),
			NISTCatalog:    nist,
			FedRAMPRelease: fedramp,
		}
		return writeOutput(s, out.output, false, nil, func(w io.Writer) error {
			if out.format.value == "json" {
				enc := json.NewEncoder(w)
				enc.SetIndent("", "  ")
				return enc.Encode(info)
			}
			_, err := fmt.Fprintf(w, "crm %s\nNIST SP 800-53 Rev 5 catalog %s\nFedRAMP baselines %s\n%s\n",
				info.CRM, info.NISTCatalog, info.FedRAMPRelease, info.Go)
			return err
		})
	}
	return cmd
}
