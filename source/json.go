package source

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/geokg/geokg/schema"
)

// openJSON reads a .json file, streaming: a list of article objects
// ([{...}, {...}]), an object whose list field holds them (the shape of
// news APIs: {"status": "ok", "articles": [...]}), or a single article
// object. Fields are mapped as for JSON lines. A record that is not an
// article is reported with its line; a syntax error ends the file, since
// JSON cannot be resynchronized after one.
func openJSON(in *input) (iterator, error) {
	br, err := in.textReader()
	if err != nil {
		return nil, err
	}
	lc := &lineCounter{r: br, line: 1}
	bound := &boundedReader{r: lc, limit: in.opts.maxRecord()}
	dec := json.NewDecoder(bound)
	dec.UseNumber()
	return &jsonIterator{in: in, dec: dec, lines: lc, bound: bound}, nil
}

// boundedReader keeps a JSON decoder from holding more than limit bytes
// of one value (the decoder buffers a whole value before decoding it): a
// read fails once limit bytes have come through since the value began.
type boundedReader struct {
	r     io.Reader
	read  int64 // bytes read in all
	from  int64 // where the current value begins
	limit int64
}

// errOverLimit stops a decoder at a value over the size limit.
var errOverLimit = errors.New("JSON value over the size limit")

func (b *boundedReader) Read(p []byte) (int, error) {
	room := b.from + b.limit - b.read
	if room <= 0 {
		return 0, errOverLimit
	}
	if int64(len(p)) > room {
		p = p[:room]
	}
	n, err := b.r.Read(p)
	b.read += int64(n)
	return n, err
}

// mark starts a value at offset off of the stream.
func (b *boundedReader) mark(off int64) { b.from = off }

// recordLists are field names that hold a list of articles whatever the
// articles' own fields are.
var recordLists = map[string]bool{
	"articles": true, "items": true, "data": true, "results": true, "documents": true, "docs": true,
	"entries": true, "records": true, "posts": true, "news": true, "stories": true, "hits": true,
}

type jsonIterator struct {
	in      *input
	dec     *json.Decoder
	lines   *lineCounter
	bound   *boundedReader
	state   jsonState
	records int
	object  jsonRecord // the top-level object's other fields
	first   *pendingRecord
}

type jsonState int

const (
	jsonStart   jsonState = iota
	jsonTopList           // inside a top-level list of records
	jsonObject            // walking the top-level object's fields
	jsonInList            // inside a list of records held by a field
	jsonDone
)

func (it *jsonIterator) next() (schema.Article, int, error) {
	for {
		switch it.state {
		case jsonDone:
			return schema.Article{}, 0, io.EOF
		case jsonStart:
			tok, err := it.dec.Token()
			if err != nil {
				return it.fail(err)
			}
			switch tok {
			case json.Delim('['):
				it.state = jsonTopList
			case json.Delim('{'):
				it.state, it.object = jsonObject, jsonRecord{}
			default:
				it.state = jsonDone
				return schema.Article{}, 1, fmt.Errorf("%w: a JSON file must hold an article object or a list of them, not %s", ErrSyntax, describeToken(tok))
			}
		case jsonTopList, jsonInList:
			if p := it.first; p != nil {
				it.first = nil
				return it.article(p.v, p.line)
			}
			if it.dec.More() {
				return it.nextRecord()
			}
			if _, err := it.dec.Token(); err != nil { // ']'
				return it.fail(err)
			}
			if it.state == jsonInList {
				it.state = jsonObject
				continue
			}
			return it.end()
		case jsonObject:
			if !it.dec.More() {
				if _, err := it.dec.Token(); err != nil { // '}'
					return it.fail(err)
				}
				return it.endObject()
			}
			if err := it.objectField(); err != nil {
				return it.fail(err)
			}
		}
	}
}

// nextRecord decodes one element of a list of records.
func (it *jsonIterator) nextRecord() (schema.Article, int, error) {
	line := it.lines.lineAt(it.dec.InputOffset())
	it.bound.mark(it.dec.InputOffset())
	var v any
	if err := it.dec.Decode(&v); err != nil {
		return it.fail(err)
	}
	it.records++
	return it.article(v, line)
}

func (it *jsonIterator) article(v any, line int) (schema.Article, int, error) {
	m, ok := v.(map[string]any)
	if !ok {
		return schema.Article{}, line, fmt.Errorf("record %d is %s, not an article object", it.records, describeValue(v))
	}
	a, err := it.in.buildArticle(jsonRecord(m), it.records, line)
	if err != nil {
		err = fmt.Errorf("record %d: %w", it.records, err)
	}
	return a, line, err
}

// objectField reads one field of the top-level object. A list of
// records switches to streaming it; any other value is kept, in case the
// object is itself the article.
func (it *jsonIterator) objectField() error {
	tok, err := it.dec.Token()
	if err != nil {
		return err
	}
	key, _ := tok.(string)
	line := it.lines.lineAt(it.dec.InputOffset())
	tok, err = it.dec.Token()
	if err != nil {
		return err
	}
	if tok != json.Delim('[') {
		v, err := valueAfter(it.dec, tok)
		it.object[key] = v
		return err
	}
	// A list: of records if its name says so or its first element is an
	// object with a text field; else an ordinary field value.
	var list []any
	if it.dec.More() {
		line = it.lines.lineAt(it.dec.InputOffset())
		it.bound.mark(it.dec.InputOffset())
		var first any
		if err := it.dec.Decode(&first); err != nil {
			return err
		}
		if m, ok := first.(map[string]any); ok && (recordLists[strings.ToLower(key)] || hasField(m, it.in.opts.fields.Text)) {
			it.state = jsonInList
			it.records++
			it.first = &pendingRecord{v: first, line: line}
			return nil
		}
		list = append(list, first)
	}
	for it.dec.More() {
		var v any
		if err := it.dec.Decode(&v); err != nil {
			return err
		}
		// Numbers, booleans and nulls are dropped: they make no text, and a
		// list of them costs tens of times its size once decoded.
		switch v.(type) {
		case json.Number, bool, nil:
			continue
		}
		list = append(list, v)
	}
	if _, err := it.dec.Token(); err != nil {
		return err
	}
	it.object[key] = list
	return nil
}

// pendingRecord is a record decoded while deciding what a list holds.
type pendingRecord struct {
	v    any
	line int
}

// endObject finishes a top-level object: it was a single article if no
// list of records was found in it.
func (it *jsonIterator) endObject() (schema.Article, int, error) {
	obj := it.object
	hadRecords := it.records > 0
	if _, _, err := it.end(); err != io.EOF {
		return schema.Article{}, 0, err
	}
	if hadRecords {
		return schema.Article{}, 0, io.EOF
	}
	it.records = 1
	a, err := it.in.newArticleFromObject(obj)
	return a, 1, err
}

// end checks that nothing follows the JSON value.
func (it *jsonIterator) end() (schema.Article, int, error) {
	it.state = jsonDone
	if _, err := it.dec.Token(); err != io.EOF {
		line := it.lines.lineAt(it.dec.InputOffset())
		if err == nil {
			err = errors.New("text after the JSON value (for one object per line, name the file .jsonl)")
		}
		return schema.Article{}, line, fmt.Errorf("%w: %v", ErrSyntax, jsonErrorText(err))
	}
	return schema.Article{}, 0, io.EOF
}

// fail ends the file at a syntax or read error, naming its line.
func (it *jsonIterator) fail(err error) (schema.Article, int, error) {
	it.state = jsonDone
	var se *json.SyntaxError
	line := 0
	if errors.As(err, &se) {
		line = it.lines.lineAt(se.Offset)
	} else {
		line = it.lines.lineAt(it.dec.InputOffset())
	}
	if errors.Is(err, errOverLimit) {
		return schema.Article{}, line, fmt.Errorf("%w; the rest of the file is not read", it.in.opts.tooLargeRecord("JSON value"))
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || se != nil {
		return schema.Article{}, line, fmt.Errorf("%w: invalid JSON: %s; the rest of the file is not read", ErrSyntax, jsonErrorText(err))
	}
	return schema.Article{}, line, unwrapPathError(err)
}

// newArticleFromObject reads a file that holds one article object.
func (in *input) newArticleFromObject(obj jsonRecord) (schema.Article, error) {
	a, err := in.buildArticle(obj, 1, 1)
	if err == nil {
		a.Path = in.path
	}
	return a, err
}

func hasField(m map[string]any, names []string) bool {
	_, ok := jsonRecord(m).field(names)
	return ok
}

// valueAfter builds the JSON value that starts with tok.
func valueAfter(dec *json.Decoder, tok json.Token) (any, error) {
	switch tok {
	case json.Delim('{'):
		m := map[string]any{}
		for dec.More() {
			k, err := dec.Token()
			if err != nil {
				return nil, err
			}
			var v any
			if err := dec.Decode(&v); err != nil {
				return nil, err
			}
			key, _ := k.(string)
			m[key] = v
		}
		_, err := dec.Token()
		return m, err
	case json.Delim('['):
		var l []any
		for dec.More() {
			var v any
			if err := dec.Decode(&v); err != nil {
				return nil, err
			}
			l = append(l, v)
		}
		_, err := dec.Token()
		return l, err
	}
	return tok, nil
}

func describeToken(tok json.Token) string {
	if d, ok := tok.(json.Delim); ok {
		return fmt.Sprintf("%q", string(d))
	}
	return describeValue(tok)
}

func describeValue(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case string:
		return "a string"
	case json.Number, float64:
		return "a number"
	case bool:
		return "a boolean"
	case []any:
		return "a list"
	}
	return "a value"
}

// lineCounter tells the line of an offset in a stream read by a JSON
// decoder. It keeps only the bytes the decoder has read beyond the last
// offset asked about, so memory stays bounded by the decoder's own.
type lineCounter struct {
	r       io.Reader
	pending []byte // bytes at offsets base, base+1, …
	base    int64
	line    int // the line at offset base
}

func (c *lineCounter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.pending = append(c.pending, p[:n]...)
	return n, err
}

// lineAt returns the line of the first byte at or after off that is not
// white space or a separator: where the next value starts. Offsets must
// not go backwards.
func (c *lineCounter) lineAt(off int64) int {
	k := int(min(max(off-c.base, 0), int64(len(c.pending))))
	c.line += bytes.Count(c.pending[:k], []byte("\n"))
	n := copy(c.pending, c.pending[k:])
	c.pending = c.pending[:n]
	c.base += int64(k)
	line := c.line
	for _, b := range c.pending {
		switch b {
		case '\n':
			line++
		case ' ', '\t', '\r', ',', ':':
		default:
			return line
		}
	}
	return line
}
