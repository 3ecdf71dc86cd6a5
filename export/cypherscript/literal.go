package cypherscript

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// appendLiteral appends v as a Cypher literal: the value side of a
// cypher-shell ":param rows => …" command. It handles the types that
// schema rows' Param maps hold. Strings are quoted with every character
// outside printable ASCII escaped, so no input text can end the literal
// or depend on the script's encoding; map keys are backtick-quoted.
func appendLiteral(b []byte, v any) ([]byte, error) {
	switch v := v.(type) {
	case nil:
		return append(b, "null"...), nil
	case string:
		return appendString(b, v), nil
	case bool:
		return strconv.AppendBool(b, v), nil
	case int:
		return strconv.AppendInt(b, int64(v), 10), nil
	case int64:
		return strconv.AppendInt(b, v, 10), nil
	case float64:
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return append(b, "null"...), nil
		}
		s := strconv.FormatFloat(v, 'g', -1, 64)
		if !strings.ContainsAny(s, ".eEn") {
			s += ".0" // stay a float: 4 would load as an integer
		}
		return append(b, s...), nil
	case []any:
		b = append(b, '[')
		for i, e := range v {
			if i > 0 {
				b = append(b, ", "...)
			}
			var err error
			if b, err = appendLiteral(b, e); err != nil {
				return b, err
			}
		}
		return append(b, ']'), nil
	case []string:
		l := make([]any, len(v))
		for i, s := range v {
			l[i] = s
		}
		return appendLiteral(b, l)
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		b = append(b, '{')
		for i, k := range keys {
			if i > 0 {
				b = append(b, ", "...)
			}
			b = append(b, '`')
			b = append(b, strings.ReplaceAll(k, "`", "``")...)
			b = append(b, "`: "...)
			var err error
			if b, err = appendLiteral(b, v[k]); err != nil {
				return b, err
			}
		}
		return append(b, '}'), nil
	}
	return b, fmt.Errorf("no Cypher literal for %T", v)
}

// appendString appends s as a double-quoted Cypher string in pure ASCII.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	for _, r := range s {
		switch {
		case r == '"':
			b = append(b, `\"`...)
		case r == '\\':
			b = append(b, `\\`...)
		case r == '\n':
			b = append(b, `\n`...)
		case r == '\r':
			b = append(b, `\r`...)
		case r == '\t':
			b = append(b, `\t`...)
		case r >= 0x20 && r < 0x7f:
			b = append(b, byte(r))
		case r == utf8.RuneError:
			b = append(b, `\uFFFD`...)
		case r <= 0xffff:
			b = fmt.Appendf(b, `\u%04X`, r)
		default:
			// Cypher strings are UTF-16: a surrogate pair.
			hi, lo := utf16.EncodeRune(r)
			b = fmt.Appendf(b, `\u%04X\u%04X`, hi, lo)
		}
	}
	return append(b, '"')
}
