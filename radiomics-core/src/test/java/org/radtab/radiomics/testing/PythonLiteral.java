package org.radtab.radiomics.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the Python literals PyRadiomics writes into its baseline CSVs (dicts, lists, tuples,
 * strings, numbers, True/False/None) into Java maps, lists, strings, Long/Double, Boolean, null.
 */
public final class PythonLiteral {
    private final String s;
    private int pos;

    private PythonLiteral(String s) {
        this.s = s;
    }

    public static Object parse(String text) {
        PythonLiteral p = new PythonLiteral(text);
        Object v = p.value();
        p.ws();
        if (p.pos != p.s.length()) {
            throw new IllegalArgumentException("trailing text at " + p.pos + " in " + text);
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseDict(String text) {
        return (Map<String, Object>) parse(text);
    }

    private void ws() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
            pos++;
        }
    }

    private Object value() {
        ws();
        char c = s.charAt(pos);
        if (c == '{') {
            pos++;
            Map<String, Object> m = new LinkedHashMap<>();
            ws();
            if (s.charAt(pos) == '}') {
                pos++;
                return m;
            }
            while (true) {
                Object k = value();
                ws();
                expect(':');
                m.put(String.valueOf(k), value());
                ws();
                if (s.charAt(pos) == ',') {
                    pos++;
                    ws();
                    if (s.charAt(pos) == '}') {
                        pos++;
                        return m;
                    }
                    continue;
                }
                expect('}');
                return m;
            }
        }
        if (c == '[' || c == '(') {
            char close = c == '[' ? ']' : ')';
            pos++;
            List<Object> l = new ArrayList<>();
            ws();
            if (s.charAt(pos) == close) {
                pos++;
                return l;
            }
            while (true) {
                l.add(value());
                ws();
                if (s.charAt(pos) == ',') {
                    pos++;
                    ws();
                    if (s.charAt(pos) == close) {
                        pos++;
                        return l;
                    }
                    continue;
                }
                expect(close);
                return l;
            }
        }
        if (c == '\'' || c == '"') {
            pos++;
            int start = pos;
            while (s.charAt(pos) != c) {
                pos++;
            }
            return s.substring(start, pos++);
        }
        int start = pos;
        while (pos < s.length() && ",:)]} ".indexOf(s.charAt(pos)) < 0) {
            pos++;
        }
        String tok = s.substring(start, pos);
        switch (tok) {
            case "True": return Boolean.TRUE;
            case "False": return Boolean.FALSE;
            case "None": return null;
            default:
                if (tok.matches("[-+]?\\d+")) {
                    return Long.parseLong(tok);
                }
                return Double.parseDouble(tok);
        }
    }

    private void expect(char c) {
        if (s.charAt(pos) != c) {
            throw new IllegalArgumentException("expected '" + c + "' at " + pos + " in " + s);
        }
        pos++;
    }
}
