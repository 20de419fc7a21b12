// Package schemas embeds the JSON Schemas of crm's input and project files.
package schemas

import "embed"

// FS holds every *.schema.json file of this folder.
//
//go:embed *.schema.json
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
