package org.radtab.radiomics.conformance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the Python literals PyRadiomics writes into its baseline CSVs (dict, list, tuple,
 * quoted string, int, float, True/False/None) into Map, List, String, Long, Double, Boolean and
 * null.
 */
final class PyLiteral {
    private final String s;
    private int pos;

    private PyLiteral(String s) {
        this.s = s;
    }

    static Object parse(String text) {
        PyLiteral p = new PyLiteral(text);
        Object v = p.value();
        p.ws();
        if (p.pos != p.s.length()) {
            throw p.error("unexpected text");
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> parseDict(String text) {
        Object v = parse(text);
        if (!(v instanceof Map)) {
            throw new IllegalArgumentException("not a dict: " + text);
        }
        return (Map<String, Object>) v;
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException(what + " at position " + pos + " in " + s);
    }

    private void ws() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
            pos++;
        }
    }

    private char peek() {
        if (pos >= s.length()) {
            throw error("unexpected end");
        }
        return s.charAt(pos);
    }

    private Object value() {
        ws();
        char c = peek();
        if (c == '{') {
            pos++;
            Map<String, Object> m = new LinkedHashMap<>();
            ws();
            if (peek() == '}') {
                pos++;
                return m;
            }
            while (true) {
                Object k = value();
                ws();
                expect(':');
                m.put(String.valueOf(k), value());
                ws();
                if (peek() == ',') {
                    pos++;
                    ws();
                    if (peek() == '}') {
                        pos++;
                        return m;
                    }
                } else {
                    expect('}');
                    return m;
                }
            }
        }
        if (c == '[' || c == '(') {
            char close = c == '[' ? ']' : ')';
            pos++;
            List<Object> l = new ArrayList<>();
            ws();
            if (peek() == close) {
                pos++;
                return l;
            }
            while (true) {
                l.add(value());
                ws();
                if (peek() == ',') {
                    pos++;
                    ws();
                    if (peek() == close) {
                        pos++;
                        return l;
                    }
                } else {
                    expect(close);
                    return l;
                }
            }
        }
        if (c == '\'' || c == '"') {
            pos++;
            StringBuilder sb = new StringBuilder();
            while (peek() != c) {
                char ch = s.charAt(pos++);
                if (ch == '\\') {
                    ch = peek();
                    pos++;
                }
                sb.append(ch);
            }
            pos++;
            return sb.toString();
        }
        int start = pos;
        while (pos < s.length() && ",:]})".indexOf(s.charAt(pos)) < 0 && !Character.isWhitespace(s.charAt(pos))) {
            pos++;
        }
        String tok = s.substring(start, pos);
        switch (tok) {
            case "True": return Boolean.TRUE;
            case "False": return Boolean.FALSE;
            case "None": return null;
            default:
                try {
                    return Long.parseLong(tok);
                } catch (NumberFormatException e) {
                    try {
                        return Double.parseDouble(tok);
                    } catch (NumberFormatException e2) {
                        throw error("cannot parse \"" + tok + "\"");
                    }
                }
        }
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }
}
