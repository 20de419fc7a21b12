package oscal

import (
	"crypto/sha1"
	"fmt"
)

// namespace is crm's UUID namespace; every UUID crm writes is a name-based
// (version 5) UUID under it, so the same system, row and role always get the
// same UUID and editing one row changes only its own.
var namespace = [16]byte{0x6b, 0x1f, 0x3a, 0x52, 0x0c, 0x4e, 0x4d, 0x7a, 0x9e, 0x21, 0x5d, 0x8c, 0x30, 0x77, 0xa1, 0x0f}

// uuid5 is the RFC 9562 version 5 UUID of name.
func uuid5(name string) string {
	h := sha1.New()
	h.Write(namespace[:])
	h.Write([]byte(name))
	b := h.Sum(nil)[:16]
	b[6] = b[6]&0x0f | 0x50
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}
