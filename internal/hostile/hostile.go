// Package hostile makes huge test inputs cheaply, for the tests that check
// that geokg's readers bound their memory.
package hostile

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"os"
)

// WriteGzip writes a gzip file that decompresses to head, n×size bytes
// (size a multiple of 1 MiB) of fill, then tail. Gzip readers read
// concatenated members as one stream, so the fill is compressed once and
// repeated: a 4 GiB string costs a few MB of disk and a second.
func WriteGzip(path, head string, fill byte, size, n int, tail string) error {
	member := func(write func(w io.Writer)) []byte {
		var b bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
		write(zw)
		zw.Close()
		return b.Bytes()
	}
	chunk := bytes.Repeat([]byte{fill}, 1<<20)
	body := member(func(w io.Writer) {
		for range size >> 20 {
			w.Write(chunk)
		}
	})
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	_, err = f.Write(member(func(w io.Writer) { io.WriteString(w, head) }))
	for i := 0; i < n && err == nil; i++ {
		_, err = f.Write(body)
	}
	if err == nil {
		_, err = f.Write(member(func(w io.Writer) { io.WriteString(w, tail) }))
	}
	return errors.Join(err, f.Close())
}
