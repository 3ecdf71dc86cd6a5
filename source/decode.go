package source

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// decodeText checks that data is text and returns it as valid UTF-8,
// without a byte-order mark. repair says how the bytes were changed when
// they were not clean UTF-8 ("" when they were), so that the caller can
// warn: text is repaired rather than rejected, because news archives often
// hold Latin-1 files or stray bytes in otherwise good text.
func decodeText(data []byte) (text string, repair string, err error) {
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		data = data[3:]
	case bytes.HasPrefix(data, []byte("\xff\xfe")), bytes.HasPrefix(data, []byte("\xfe\xff")):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder()
		out, err := dec.Bytes(data)
		if err != nil {
			return "", "", fmt.Errorf("%w: UTF-16 byte-order mark but undecodable: %v", ErrBinary, err)
		}
		out = bytes.TrimPrefix(out, []byte("\xef\xbb\xbf"))
		if !utf8.Valid(out) {
			out = bytes.ToValidUTF8(out, []byte("\uFFFD"))
		}
		return string(out), "decoded from UTF-16", nil
	}
	if err := checkNotBinary(data); err != nil {
		return "", "", err
	}
	if utf8.Valid(data) {
		return string(data), "", nil
	}
	good, bad := utf8Census(data)
	if good == 0 {
		// Not a single multi-byte UTF-8 sequence: a legacy 8-bit file.
		out, err := charmap.Windows1252.NewDecoder().Bytes(data)
		if err == nil && utf8.Valid(out) {
			return string(out), "not UTF-8; decoded as Windows-1252 (Latin-1)", nil
		}
	}
	return string(bytes.ToValidUTF8(data, []byte("\uFFFD"))),
		fmt.Sprintf("invalid UTF-8 (%d bad bytes) replaced with U+FFFD", bad), nil
}

// signatures are the magic numbers of binary files met in news dumps by
// mistake. (net/http's sniffer is not used: it takes a text starting "BM"
// for a bitmap.)
var signatures = []struct{ magic, kind string }{
	{"%PDF-", "PDF document"},
	{"PK\x03\x04", "ZIP archive (or .docx/.xlsx)"},
	{"\x1f\x8b", "gzip data without a .gz name"},
	{"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office document"},
	{"\x89PNG\r\n\x1a\n", "PNG image"},
	{"\xff\xd8\xff", "JPEG image"},
	{"GIF87a", "GIF image"},
	{"GIF89a", "GIF image"},
	{"\x7fELF", "executable"},
}

// checkNotBinary rejects data that is not text: a known binary signature,
// a NUL byte, or many control characters.
func checkNotBinary(data []byte) error {
	for _, s := range signatures {
		if bytes.HasPrefix(data, []byte(s.magic)) {
			return fmt.Errorf("%w (%s)", ErrBinary, s.kind)
		}
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return fmt.Errorf("%w (NUL byte at offset %d)", ErrBinary, i)
	}
	var controls int
	for _, b := range data {
		if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') || b == 0x7f {
			controls++
		}
	}
	if controls > 0 && controls*100 > len(data) {
		return fmt.Errorf("%w (%d control characters)", ErrBinary, controls)
	}
	return nil
}

// utf8Census counts the valid multi-byte sequences and the invalid bytes
// of data.
func utf8Census(data []byte) (good, bad int) {
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		switch {
		case r == utf8.RuneError && size <= 1:
			bad++
		case size > 1:
			good++
		}
		data = data[size:]
	}
	return good, bad
}

// cleanString makes a field value valid UTF-8 text the way decodeText
// does a file, reporting a repair.
func cleanString(s string) (string, string) {
	if utf8.ValidString(s) {
		return s, ""
	}
	if good, _ := utf8Census([]byte(s)); good == 0 {
		if out, err := charmap.Windows1252.NewDecoder().String(s); err == nil && utf8.ValidString(out) {
			return out, "not UTF-8; decoded as Windows-1252 (Latin-1)"
		}
	}
	return strings.ToValidUTF8(s, "\uFFFD"), "invalid UTF-8 replaced with U+FFFD"
}

// textReader prepares a multi-article file for streaming: it rejects a
// binary file by its first 8 KiB, drops a UTF-8 byte-order mark and
// decodes UTF-16. Invalid UTF-8 further on is repaired record by record.
func (in *input) textReader() (*bufio.Reader, error) {
	br := bufio.NewReaderSize(in.r, 64<<10)
	head, err := br.Peek(8 << 10)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return nil, unwrapPathError(err)
	}
	switch {
	case bytes.HasPrefix(head, []byte("\xef\xbb\xbf")):
		br.Discard(3)
	case bytes.HasPrefix(head, []byte("\xff\xfe")), bytes.HasPrefix(head, []byte("\xfe\xff")):
		in.warnf(0, fmt.Errorf("%w: decoded from UTF-16", ErrRepaired))
		dec := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder()
		return bufio.NewReaderSize(transform.NewReader(br, dec), 64<<10), nil
	default:
		if len(bytes.TrimSpace(head)) == 0 {
			return nil, ErrEmpty
		}
		// The head may end inside a multi-byte character; only binary
		// signs matter here.
		if err := checkNotBinary(head); err != nil {
			return nil, err
		}
	}
	return br, nil
}
