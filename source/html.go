package source

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	"codeberg.org/readeck/go-readability/v2/render"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"

	"github.com/geokg/geokg/schema"
)

// htmlSizeFactor lets an HTML page be this many times MaxArticleSize:
// markup, scripts and styles usually outweigh the text many times over.
const htmlSizeFactor = 8

// minHTMLWords is the fewest words of main text that make a page an
// article: fewer are a menu, an error page or an empty template.
const minHTMLWords = 8

// openHTML reads a saved web page as one article. Readability (the
// algorithm of Firefox's reader view) finds the main text and drops
// navigation, scripts and boilerplate; the headline, date, canonical URL
// and site name come from the page's meta tags (Open Graph, Dublin Core,
// schema.org JSON-LD, <time datetime>).
func openHTML(in *input) (iterator, error) {
	return &single{parse: func() (schema.Article, error) {
		data, err := in.readAll(htmlSizeFactor * in.opts.maxSize)
		if err != nil {
			return schema.Article{}, err
		}
		return in.parseHTML(data)
	}}, nil
}

func (in *input) parseHTML(data []byte) (schema.Article, error) {
	text, err := in.decodeHTML(data)
	if err != nil {
		return schema.Article{}, err
	}
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return schema.Article{}, fmt.Errorf("%w: HTML: %v", ErrSyntax, err)
	}
	meta := scanMeta(doc)
	var base *url.URL
	if u, err := url.Parse(meta.url); err == nil && u.IsAbs() {
		base = u
	}
	parser := readability.NewParser()
	page, err := parser.ParseAndMutate(doc, base)
	if err != nil {
		return schema.Article{}, fmt.Errorf("%w in the HTML: %v", ErrNoText, err)
	}
	var body string
	if page.Node != nil {
		body = render.InnerText(page.Node)
	}
	if n := len(strings.Fields(body)); n < minHTMLWords {
		return schema.Article{}, fmt.Errorf("%w: the HTML has no main text (%d words besides markup, scripts and navigation)", ErrNoText, n)
	}
	title := page.Title()
	if title == "" {
		title = meta.h1
	}
	src := page.SiteName()
	a, err := in.newArticle(in.path, 0, title, body, meta.url, src)
	if err != nil {
		return a, err
	}
	a.Published = in.parseDate(meta.date, 0)
	if a.Published.IsZero() {
		if t, err := page.PublishedTime(); err == nil {
			a.Published = schema.NewDate(t)
		}
	}
	if a.Published.IsZero() {
		a.Published = fileDate(in.path)
	}
	return a, nil
}

// decodeHTML returns the page as UTF-8: in the charset it declares (BOM,
// <meta charset>), else as decodeText finds it.
func (in *input) decodeHTML(data []byte) (string, error) {
	enc, name, certain := charset.DetermineEncoding(data, "text/html")
	if !certain || name == "utf-8" {
		return in.decode(data)
	}
	if err := checkNotBinary(data); err != nil {
		return "", err
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return "", fmt.Errorf("%w: not valid %s as the page declares: %v", ErrBinary, name, err)
	}
	return in.decode(out)
}

// pageMeta is what the meta tags of a page say.
type pageMeta struct {
	url, date, h1 string
}

// dateMetaNames are the <meta name|property|itemprop> values that carry a
// publication date, most specific first.
var dateMetaNames = []string{
	"article:published_time", "og:published_time", "datepublished",
	"pubdate", "publishdate", "publish-date", "publish_date", "publication_date",
	"dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "date",
	"sailthru.date", "parsely-pub-date", "citation_publication_date", "article.published",
}

// scanMeta reads the canonical URL, the publication date and the first
// <h1> of a parsed page.
func scanMeta(doc *html.Node) pageMeta {
	var m pageMeta
	var canonical, ogURL, timeTag string
	dates := map[string]string{}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Link:
				if strings.EqualFold(attr(n, "rel"), "canonical") && canonical == "" {
					canonical = attr(n, "href")
				}
			case atom.Meta:
				key := strings.ToLower(firstNonEmpty(attr(n, "property"), attr(n, "name"), attr(n, "itemprop")))
				content := strings.TrimSpace(attr(n, "content"))
				if key == "og:url" && ogURL == "" {
					ogURL = content
				}
				if _, ok := dates[key]; !ok && content != "" {
					dates[key] = content
				}
			case atom.Time:
				if timeTag == "" {
					timeTag = firstNonEmpty(attr(n, "datetime"), attr(n, "content"))
				}
			case atom.H1:
				if m.h1 == "" {
					m.h1 = strings.Join(strings.Fields(render.InnerText(n)), " ")
				}
			}
			if n.DataAtom != atom.Meta && strings.EqualFold(attr(n, "itemprop"), "datePublished") {
				if _, ok := dates["datepublished"]; !ok {
					dates["datepublished"] = firstNonEmpty(attr(n, "datetime"), attr(n, "content"), strings.TrimSpace(render.InnerText(n)))
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	m.url = firstNonEmpty(absoluteURL(canonical), absoluteURL(ogURL))
	for _, k := range dateMetaNames {
		if d := dates[k]; d != "" {
			m.date = d
			break
		}
	}
	if m.date == "" {
		m.date = timeTag
	}
	return m
}

// absoluteURL keeps s only if it is an absolute http(s) URL: a relative
// canonical link cannot identify a page saved to disk.
func absoluteURL(s string) string {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return u.String()
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}

// htmlTag finds markup in a field value.
var htmlTag = regexp.MustCompile(`(?i)</?(?:p|br|div|span|a|em|strong|b|i|ul|ol|li|h[1-6]|blockquote|img|figure|section)\b[^>]*>`)

// looksLikeHTML reports whether a record's text is HTML (feeds and some
// APIs deliver article bodies as HTML fragments).
func looksLikeHTML(s string) bool { return htmlTag.MatchString(s) }

// htmlFragmentText renders an HTML fragment as plain text, with block
// elements as separate paragraphs.
func htmlFragmentText(s string) string {
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		return s
	}
	return strings.TrimSpace(render.InnerText(doc))
}
