package io.github.smvm.pep508;

/**
 * Evaluates a quoted marker string the way packaging does ({@code ast.literal_eval}): the quotes are
 * removed and Python backslash escapes are interpreted. Where Python would raise a
 * {@code SyntaxError} (which packaging lets escape unwrapped), a {@link Tokenizer.SyntaxError} is
 * raised instead.
 */
final class PythonStringLiteral {

    private PythonStringLiteral() {
    }

    static String evaluate(String quoted, int position) {
        String body = quoted.substring(1, quoted.length() - 1);
        StringBuilder out = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\n' || c == '\r' || c == '\0') {
                throw invalid(quoted, position, "it contains a line break or NUL character");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (i + 1 >= body.length()) {
                throw invalid(quoted, position, "it ends with a backslash that escapes the closing quote");
            }
            char e = body.charAt(++i);
            switch (e) {
                case '\n' -> { }
                case '\\', '\'', '"' -> out.append(e);
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'v' -> out.append('\u000B');
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    int end = i;
                    while (end < body.length() && end < i + 3 && body.charAt(end) >= '0' && body.charAt(end) <= '7') {
                        end++;
                    }
                    out.appendCodePoint(Integer.parseInt(body.substring(i, end), 8));
                    i = end - 1;
                }
                case 'x' -> i = hex(quoted, position, body, i, 2, out);
                case 'u' -> i = hex(quoted, position, body, i, 4, out);
                case 'U' -> i = hex(quoted, position, body, i, 8, out);
                case 'N' -> {
                    int close = body.indexOf('}', i);
                    if (i + 1 >= body.length() || body.charAt(i + 1) != '{' || close < 0) {
                        throw invalid(quoted, position, "it has a malformed \\N{...} escape");
                    }
                    try {
                        out.appendCodePoint(Character.codePointOf(body.substring(i + 2, close)));
                    } catch (IllegalArgumentException ex) {
                        throw invalid(quoted, position, "it names an unknown character in \\N{...}");
                    }
                    i = close;
                }
                default -> out.append('\\').append(e);
            }
        }
        return out.toString();
    }

    private static int hex(String quoted, int position, String body, int i, int digits, StringBuilder out) {
        if (i + digits >= body.length()) {
            throw invalid(quoted, position, "it has a truncated \\" + body.charAt(i) + " escape");
        }
        String hex = body.substring(i + 1, i + 1 + digits);
        for (int k = 0; k < hex.length(); k++) {
            char h = hex.charAt(k);
            boolean ok = (h >= '0' && h <= '9') || (h >= 'a' && h <= 'f') || (h >= 'A' && h <= 'F');
            if (!ok) {
                throw invalid(quoted, position, "it has a truncated \\" + body.charAt(i) + " escape");
            }
        }
        long cp = Long.parseLong(hex, 16);
        if (cp > Character.MAX_CODE_POINT) {
            throw invalid(quoted, position, "it has an escape outside the Unicode range");
        }
        out.appendCodePoint((int) cp);
        return i + digits;
    }

    private static Tokenizer.SyntaxError invalid(String quoted, int position, String why) {
        return new Tokenizer.SyntaxError("Invalid Python string literal " + quoted + ": " + why,
                position, position + quoted.length());
    }
}
