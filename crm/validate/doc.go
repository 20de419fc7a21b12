// Package validate checks a provider's input document against the input
// schema and FedRAMP's rules, and resolves its rows. Findings point at
// file:line:column and a JSON pointer.
package validate
