// Command hello is the Go hello-world bench/run times crm's start-up
// against: what any Go process pays before it does anything.
package main

import "fmt"

func main() { fmt.Println("hello") }
