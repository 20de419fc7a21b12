// Package schemas embeds the JSON Schemas of crm's input and project files.
package schemas

import "embed"

//go:generate go run ./internal/gen -data ../../shared/data/fedramp-cr26 -out fedramp-cr26

// FS holds every *.schema.json file of this folder, and FedRAMP's CR26
// schemas (fedramp-cr26/, copied from ../shared/data/fedramp-cr26 by
// internal/gen).
//
//go:embed *.schema.json fedramp-cr26/*.json
var FS embed.FS

// Input and Config are the embedded file names; InputID and ConfigID the
// absolute "$id" each declares. The ids are never fetched: crm registers the
// embedded bytes under them.
const (
	Input    = "input-v1.schema.json"
	InputID  = "https://crm.invalid/schemas/input-v1.schema.json"
	Config   = "config-v1.schema.json"
	ConfigID = "https://crm.invalid/schemas/config-v1.schema.json"
)

// FedRAMP's CR26 schemas: the Security Decision Record, Significant Change
// Notifications, and the common definitions both refer to, by file and id.
const (
	SDR      = "fedramp-cr26/fedramp-security-decision-record-schema-2026-06-24.json"
	SDRID    = "https://fedramp.gov/schemas/fedramp-security-decision-record-schema-2026-06-24.json"
	SCN      = "fedramp-cr26/fedramp-significant-change-notifications-schema-2026-06-24.json"
	SCNID    = "https://fedramp.gov/schemas/fedramp-significant-change-notifications-schema-2026-06-24.json"
	Common   = "fedramp-cr26/fedramp-common-definitions-schema-2026-06-24.json"
	CommonID = "https://fedramp.gov/schemas/fedramp-common-definitions-schema-2026-06-24.json"
)
