package source

import (
	"regexp"
	"strings"

	"github.com/geokg/geokg/schema"
)

// openMarkdown reads a Markdown file as one article. Front matter
// (between "---" lines, YAML-style "key: value", or "+++" with
// "key = value") gives the title, date, url and source through the same
// field names as JSON records; else the first "# " heading is the title.
// The body is turned into plain text: markup such as links, emphasis and
// heading marks is dropped so that extraction sees prose.
func openMarkdown(in *input) (iterator, error) {
	return &single{parse: func() (schema.Article, error) {
		data, err := in.readAll(in.opts.maxSize)
		if err != nil {
			return schema.Article{}, err
		}
		text, err := in.decode(data)
		if err != nil {
			return schema.Article{}, err
		}
		meta, body := frontMatter(normalizeNewlines(text))
		f := in.opts.fields
		title, _ := meta.field(f.Title)
		if title == "" {
			title = markdownTitle(body)
		}
		body = markdownText(body)
		link, _ := meta.field(f.URL)
		src, _ := meta.field(f.Source)
		date, _ := meta.field(f.Date)
		a, err := in.newArticle(in.path, 0, title, body, link, src)
		if err != nil {
			return a, err
		}
		if a.Published = in.parseDate(date, 0); a.Published.IsZero() {
			a.Published = fileDate(in.path)
		}
		return a, nil
	}}, nil
}

// frontMatter splits off a front-matter block and parses its flat
// "key: value" (or "key = value") lines; nested YAML is ignored.
func frontMatter(text string) (jsonRecord, string) {
	meta := jsonRecord{}
	var fence, sep string
	switch {
	case strings.HasPrefix(text, "---\n"):
		fence, sep = "---", ":"
	case strings.HasPrefix(text, "+++\n"):
		fence, sep = "+++", "="
	default:
		return meta, text
	}
	rest := text[len(fence)+1:]
	var block string
	found := false
	off := 0
	for _, line := range strings.SplitAfter(rest, "\n") {
		off += len(line)
		if l := strings.TrimRight(line, " \t\n"); l == fence || (fence == "---" && l == "...") {
			block, rest, found = rest[:off-len(line)], rest[off:], true
			break
		}
	}
	if !found {
		return jsonRecord{}, text // no closing fence: not front matter
	}
	for _, line := range strings.Split(block, "\n") {
		k, v, ok := strings.Cut(line, sep)
		if !ok || strings.HasPrefix(line, " ") || strings.HasPrefix(line, "\t") {
			continue
		}
		v = strings.TrimSpace(v)
		if len(v) >= 2 && (v[0] == '"' && v[len(v)-1] == '"' || v[0] == '\'' && v[len(v)-1] == '\'') {
			v = v[1 : len(v)-1]
		}
		meta[strings.TrimSpace(k)] = v
	}
	return meta, rest
}

// markdownTitle returns the text of a level-1 heading on the first line.
func markdownTitle(body string) string {
	first, _, _ := strings.Cut(strings.TrimLeft(body, "\n"), "\n")
	if m := atxHeading.FindStringSubmatch(first); m != nil && m[1] == "#" {
		return strings.TrimSpace(m[2])
	}
	return ""
}

var (
	atxHeading     = regexp.MustCompile(`^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$`)
	setextRule     = regexp.MustCompile(`^\s{0,3}(=+|-+|\*{3,}|_{3,})\s*$`)
	listMarker     = regexp.MustCompile(`^(\s*)(?:[-*+]|\d{1,3}[.)])\s+`)
	linkDefinition = regexp.MustCompile(`^\s{0,3}\[[^\]]+\]:\s+\S+`)
	image          = regexp.MustCompile(`!\[[^\]]*\]\([^)]*\)`)
	inlineLink     = regexp.MustCompile(`\[([^\]]+)\]\([^)]*\)`)
	refLink        = regexp.MustCompile(`\[([^\]]+)\]\[[^\]]*\]`)
	autoLink       = regexp.MustCompile(`<((?:https?|mailto):[^>\s]+)>`)
	strong         = regexp.MustCompile(`(\*\*|__)(\S(?:.*?\S)?)(\*\*|__)`)
	emphasis       = regexp.MustCompile(`\*(\S(?:[^*]*?\S)?)\*`)
	code           = regexp.MustCompile("`([^`]+)`")
	htmlComment    = regexp.MustCompile(`(?s)<!--.*?-->`)
)

// markdownText turns Markdown into plain text, line by line, keeping the
// line structure (paragraphs stay separated by blank lines).
func markdownText(md string) string {
	md = htmlComment.ReplaceAllString(md, "")
	lines := strings.Split(md, "\n")
	out := make([]string, 0, len(lines))
	inFence := false
	for _, line := range lines {
		trimmed := strings.TrimSpace(line)
		if strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~") {
			inFence = !inFence
			continue
		}
		if inFence {
			out = append(out, line)
			continue
		}
		switch {
		case setextRule.MatchString(line) && trimmed != "":
			continue
		case linkDefinition.MatchString(line):
			continue
		}
		if m := atxHeading.FindStringSubmatch(line); m != nil {
			line = m[2]
		}
		for strings.HasPrefix(strings.TrimLeft(line, " "), ">") {
			line = strings.TrimPrefix(strings.TrimLeft(line, " "), ">")
			line = strings.TrimPrefix(line, " ")
		}
		line = listMarker.ReplaceAllString(line, "$1")
		line = image.ReplaceAllString(line, "")
		line = inlineLink.ReplaceAllString(line, "$1")
		line = refLink.ReplaceAllString(line, "$1")
		line = autoLink.ReplaceAllString(line, "$1")
		line = strong.ReplaceAllString(line, "$2")
		line = emphasis.ReplaceAllString(line, "$1")
		line = code.ReplaceAllString(line, "$1")
		out = append(out, strings.TrimRight(line, " \t"))
	}
	return strings.Join(out, "\n")
}
