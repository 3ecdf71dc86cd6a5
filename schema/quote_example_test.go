package schema_test

import (
	"fmt"

	"github.com/geokg/geokg/schema"
)

// A name that prints as itself is kept; one with a newline, an escape
// sequence or invalid UTF-8 is quoted, so a message stays one line.
func ExampleQuotePath() {
	fmt.Println(schema.QuotePath("news/2016-01-01 talks.txt"))
	fmt.Println(schema.QuotePath("evil\ngeokg: error: forged.txt"))
	fmt.Println(schema.QuotePath("caf\xe9.txt#3"))
	// Output:
	// news/2016-01-01 talks.txt
	// "evil\ngeokg: error: forged.txt"
	// "caf\xe9.txt#3"
}
