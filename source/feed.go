package source

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/mmcdole/gofeed"

	"github.com/geokg/geokg/schema"
)

// feedSizeFactor lets a feed file be this many times MaxArticleSize: a
// feed holds many articles.
const feedSizeFactor = 16

// openFeed reads an RSS 2.0, RSS 1.0 or Atom feed (.rss, .atom, .xml):
// one article per entry, with the entry's content (or else its
// description) as the body, its link as the id and the feed's title as
// the source. An entry with no title and no text is reported and skipped;
// a feed that is not well-formed XML is rejected whole.
func openFeed(in *input) (iterator, error) {
	data, err := in.readAll(feedSizeFactor * in.opts.maxSize)
	if err != nil {
		return nil, err
	}
	text, err := in.decode(data)
	if err != nil {
		return nil, err
	}
	// gofeed repairs unclosed and mismatched tags, which would make an
	// article of a broken entry's run-together text: check first.
	if err := checkWellFormed(text); err != nil {
		return nil, fmt.Errorf("%w: feed: malformed XML: %v", ErrSyntax, err)
	}
	feed, err := gofeed.NewParser().Parse(bytes.NewReader([]byte(text)))
	if err != nil {
		if err == gofeed.ErrFeedTypeNotDetected {
			return nil, fmt.Errorf("%w: not an RSS or Atom feed", ErrUnsupported)
		}
		return nil, fmt.Errorf("%w: feed: %v", ErrSyntax, err)
	}
	if len(feed.Items) == 0 {
		return nil, fmt.Errorf("%w: the feed has no entries", ErrNoText)
	}
	return &feedIterator{in: in, feed: feed}, nil
}

type feedIterator struct {
	in   *input
	feed *gofeed.Feed
	i    int
}

func (it *feedIterator) next() (schema.Article, int, error) {
	if it.feed == nil || it.i >= len(it.feed.Items) {
		it.feed = nil // let the parsed feed go before the next file
		return schema.Article{}, 0, io.EOF
	}
	item := it.feed.Items[it.i]
	it.i++
	it.feed.Items[it.i-1] = nil
	n := it.i
	body := firstNonEmpty(item.Content, item.Description)
	if looksLikeHTML(body) || strings.Contains(body, "&") {
		body = htmlFragmentText(body)
	}
	link := firstNonEmpty(item.Link, permalinkGUID(item.GUID))
	a, err := it.in.newArticle(it.in.recordPath(n), 0, htmlFragmentText(item.Title), body, link, it.feed.Title)
	if err != nil {
		return a, 0, fmt.Errorf("entry %d: %w", n, err)
	}
	switch {
	case item.PublishedParsed != nil:
		a.Published = schema.NewDate(*item.PublishedParsed)
	case item.UpdatedParsed != nil:
		a.Published = schema.NewDate(*item.UpdatedParsed)
	default:
		a.Published = it.in.parseDate(firstNonEmpty(item.Published, item.Updated), 0)
	}
	return a, 0, nil
}

// permalinkGUID keeps a GUID that is a web address.
func permalinkGUID(guid string) string {
	if strings.HasPrefix(guid, "http://") || strings.HasPrefix(guid, "https://") {
		return guid
	}
	return ""
}

// checkWellFormed reports the first XML error of text: unclosed or
// mismatched tags, a truncated document. HTML's named entities (&nbsp;),
// common in feeds, are accepted, and the encoding declaration is ignored
// since text is already UTF-8.
func checkWellFormed(text string) error {
	d := xml.NewDecoder(strings.NewReader(text))
	d.Strict = true
	d.Entity = xml.HTMLEntity
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	for {
		_, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}
