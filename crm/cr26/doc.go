// Package cr26 writes the machine-readable packages of FedRAMP's
// Consolidated Rules for 2026 from a resolved CRM: the Security Decision
// Record's controls (rule SDR-CSF-CTF) and Significant Change Notifications
// (SCN-CSO-INF). FedRAMP's JSON schemas for them are embedded by package
// schemas and applied by package validate; Check holds the output to the
// shape the drafts intend, which the schemas do not fully state.
package cr26
