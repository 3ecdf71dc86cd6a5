package cypherscript

import "testing"

func TestAppendLiteral(t *testing.T) {
	tests := []struct {
		name string
		in   any
		want string
	}{
		{"null", nil, "null"},
		{"quotes and backslashes stay inside the string", `a"b\c'd`, `"a\"b\\c'd"`},
		{"line breaks and tabs are escaped", "a\nb\r\tc", `"a\nb\r\tc"`},
		{"non-ASCII as \\u escapes", "é–", `"\u00E9\u2013"`},
		{"astral characters as surrogate pairs", "😀", `"\uD83D\uDE00"`},
		{"control characters", "\x00\x1f", `"\u0000\u001F"`},
		{"floats stay floats", []any{4.0, -2.5, 1e21}, "[4.0, -2.5, 1e+21]"},
		{"integers and booleans", []any{int64(3), true}, "[3, true]"},
		{"map keys sorted and backtick-quoted", map[string]any{"b": "x", "a`b": nil}, "{`a``b`: null, `b`: \"x\"}"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := appendLiteral(nil, tt.in)
			if err != nil || string(got) != tt.want {
				t.Errorf("got %s, %v; want %s", got, err, tt.want)
			}
		})
	}
	if _, err := appendLiteral(nil, struct{}{}); err == nil {
		t.Error("no error for an unsupported type")
	}
}
