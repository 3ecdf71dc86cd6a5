package source_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/geokg/geokg/source"
)

func ExampleReader() {
	dir, _ := os.MkdirTemp("", "example")
	defer os.RemoveAll(dir)
	os.WriteFile(filepath.Join(dir, "wire.jsonl"), []byte(
		`{"title":"Talks resume","text":"Iran and the EU resumed talks.","url":"https://wire.example/1","date":"2019-03-04"}`+"\n"+
			`{"title":"Broken",`+"\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "empty.txt"), nil, 0o644)

	r := source.NewReader(dir)
	for {
		a, err := r.Next(context.Background())
		if err == io.EOF {
			break
		}
		var se *source.Error
		if errors.As(err, &se) {
			fmt.Printf("skipped=%v line=%d: %v\n", se.Skipped(), se.Line, se.Err)
			continue
		}
		fmt.Printf("%s %s %q\n", a.ID, a.Published, a.Text)
	}
	// Output:
	// skipped=true line=0: empty file
	// https://wire.example/1 2019-03-04 "Talks resume\n\nIran and the EU resumed talks."
	// skipped=false line=2: syntax error: invalid JSON: unexpected end of input (truncated?)
}
