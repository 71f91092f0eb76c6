package io.github.smvm.index;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the links of an index page the way pip does: pip feeds the page to Python's
 * {@code html.parser.HTMLParser} (pip's {@code HTMLLinkParser}) and keeps the attributes of every
 * {@code <a>} start tag and the first {@code <base href>}. This scanner follows the tokenizer of
 * CPython 3.12's {@code html/parser.py} where it decides what is a start tag, written as one linear
 * pass (no regular expressions, so no backtracking on hostile pages):
 *
 * <ul>
 *   <li>comments ({@code <!-- ... -->}, closed by {@code --}, optional whitespace, {@code >}),
 *       declarations ({@code <!DOCTYPE ...>}, {@code <!...>}), processing instructions
 *       ({@code <?...>}), marked sections ({@code <![CDATA[ ... ]]>}) and end tags are skipped;
 *   <li>the content of {@code <script>} and {@code <style>} is text up to the matching end tag;
 *   <li>tag and attribute names are lower-cased; attribute values may be double-quoted,
 *       single-quoted (both may span lines and contain {@code >}) or bare; an attribute without
 *       {@code =} has the value {@code null} (Python's {@code None}); values are unescaped as
 *       {@code html.unescape} does ({@link #unescape});
 *   <li>pip calls {@code feed()} and never {@code close()}, so a construct still open at the end of
 *       the page (a start tag without {@code >}, an unterminated quote or comment, a {@code <script>}
 *       never closed) ends the reading: nothing after it is seen.
 * </ul>
 *
 * <p>Like pip's {@code dict(attrs)}, when an attribute repeats in one tag the last value wins (the
 * position is the first one's). The {@code <base>} href is the first {@code href} of the first
 * {@code <base>} that has one with a value. Pure: no I/O besides reading the entity table from
 * the class path once.
 */
final class HtmlLinks {

    /**
     * What a page holds for the parsers.
     *
     * @param anchors the attributes of each {@code <a>} start tag, in page order
     * @param baseHref the {@code <base href>} value as written (unescaped), or {@code null}
     * @param repositoryVersion the {@code content} of the first
     *     {@code <meta name="pypi:repository-version">} ({@code ""} without one), or {@code null}
     * @param error set when Python's parser would raise an error at some markup (pip then fails
     *     on the whole page); the scan stopped there
     */
    record Page(List<Map<String, String>> anchors, String baseHref, String repositoryVersion, String error) {
    }

    private static final int TAG_OTHER = 0;
    private static final int TAG_A = 1;
    private static final int TAG_BASE = 2;
    private static final int TAG_META = 3;
    private static final int TAG_SCRIPT = 4;
    private static final int TAG_STYLE = 5;

    private final String s;
    /** The page's characters, which the scan reads: an array read has no Latin-1/UTF-16 branch as String.charAt has. */
    private final char[] a;
    private final int n;
    private final List<Map<String, String>> anchors = new ArrayList<>();
    private String baseHref;
    private boolean baseSet;
    private String repositoryVersion;
    private String error;
    /** Memo of the last closing-quote search per quote kind, so unterminated quotes cost one scan. */
    private int singleFrom = Integer.MAX_VALUE;
    private int singleAt;
    private int doubleFrom = Integer.MAX_VALUE;
    private int doubleAt;

    private HtmlLinks(String s) {
        this.s = s;
        this.a = s.toCharArray();
        this.n = a.length;
    }

    /** Scans a page once. */
    static Page scan(String html) {
        HtmlLinks scanner = new HtmlLinks(html);
        scanner.run();
        return new Page(List.copyOf(scanner.anchors), scanner.baseHref, scanner.repositoryVersion, scanner.error);
    }

    private void run() {
        int i = 0;
        while (i < n) {
            int lt = s.indexOf('<', i);
            if (lt < 0 || lt + 1 >= n) {
                return; // text to the end, or a lone '<' that html.parser keeps waiting on
            }
            char c = a[lt + 1];
            int next;
            if (isAsciiLetter(c)) {
                next = startTag(lt);
                if (keptKind != TAG_OTHER) {
                    keep(keptKind, keptCount);
                    keptKind = TAG_OTHER;
                }
            } else if (c == '/') {
                next = after('>', lt + 1);
            } else if (s.startsWith("<!--", lt)) {
                next = commentEnd(lt + 4);
            } else if (c == '?') {
                next = after('>', lt + 2);
            } else if (c == '!') {
                next = declaration(lt);
            } else {
                next = lt + 1; // a '<' that starts nothing is text
            }
            if (next < 0) {
                return;
            }
            i = next;
        }
    }

    /** The position after the first {@code c} at or after {@code from}, or -1. */
    private int after(char c, int from) {
        int at = s.indexOf(c, from);
        return at < 0 ? -1 : at + 1;
    }

    /** {@code <!}: a marked section, a DOCTYPE, or else a "bogus comment" up to the next {@code >}. */
    private int declaration(int i) {
        if (s.startsWith("<![", i)) {
            return markedSection(i);
        }
        if (i + 9 <= n && asciiEqualsIgnoreCase(i + 2, i + 9, "doctype")) {
            return after('>', i + 9);
        }
        return after('>', i + 2);
    }

    /**
     * {@code <![name ...}: _markupbase's parse_marked_section. A section html.parser does not know
     * makes it raise; pip then fails on the page, and the scan stops with {@link Page#error}.
     */
    private int markedSection(int i) {
        int p = i + 3;
        if (p >= n) {
            return -1;
        }
        if (!isAsciiLetter(a[p])) {
            error = "markup '" + excerpt(i) + "' at offset " + i + " is not a marked section Python's html.parser knows";
            return -1;
        }
        int q = p + 1;
        while (q < n && isDeclNameChar(a[q])) {
            q++;
        }
        String name = s.substring(p, q).toLowerCase(Locale.ROOT);
        int r = q;
        while (r < n && isPySpace(a[r])) {
            r++;
        }
        if (r == n) {
            return -1;
        }
        switch (name) {
            case "temp", "cdata", "ignore", "include", "rcdata":
                return sectionClose(i + 3, true);
            case "if", "else", "endif":
                return sectionClose(i + 3, false);
            default:
                error = "markup '" + excerpt(i) + "' at offset " + i + " is not a marked section Python's html.parser knows";
                return -1;
        }
    }

    /** The end of the first {@code ]\s*]\s*>} (or {@code ]\s*>}) at or after {@code from}, or -1. */
    private int sectionClose(int from, boolean twoBrackets) {
        int at = s.indexOf(']', from);
        while (at >= 0) {
            int p = skipSpaces(at + 1);
            if (twoBrackets) {
                if (p < n && a[p] == ']') {
                    p = skipSpaces(p + 1);
                } else {
                    p = -1;
                }
            }
            if (p >= 0 && p < n && a[p] == '>') {
                return p + 1;
            }
            at = s.indexOf(']', at + 1);
        }
        return -1;
    }

    /** The end of the first {@code --\s*>} at or after {@code from}, or -1. */
    private int commentEnd(int from) {
        int at = s.indexOf("--", from);
        while (at >= 0) {
            int p = skipSpaces(at + 2);
            if (p < n && a[p] == '>') {
                return p + 1;
            }
            at = s.indexOf("--", at + 1);
        }
        return -1;
    }

    /**
     * A start tag at {@code i} ({@code <} and an ASCII letter): html.parser's
     * check_for_whole_start_tag and parse_starttag in one pass. Returns where scanning goes on, or
     * -1 when the tag is incomplete (which ends the scan, as pip never calls close()).
     */
    private int startTag(int i) {
        int p = i + 1;
        while (p < n && !isTagNameEnd(a[p])) {
            p++;
        }
        int kind = tagKind(i + 1, p);
        boolean keep = kind == TAG_A || kind == TAG_BASE || kind == TAG_META;
        // the scan only records where each attribute's name and value are; the strings are made afterwards
        // (attributes()), which keeps this loop small for the JIT: it runs for every tag of every page
        int count = 0;
        p = skipSeparators(p);
        while (p < n) {
            char prev = a[p - 1];
            char c = a[p];
            if (!(prev == '\'' || prev == '"' || prev == '/' || isPySpace(prev))
                    || isPySpace(c) || c == '/' || c == '>') {
                break;
            }
            int nameStart = p;
            p++;
            while (p < n && !isAttrNameEnd(a[p])) {
                p++;
            }
            int nameEnd = p;
            long value = attributeValue(p);
            if (value != NO_VALUE) {
                p = (int) value;
            }
            if (keep) {
                if (4 * count + 4 > offsets.length) {
                    offsets = Arrays.copyOf(offsets, offsets.length * 2);
                }
                offsets[4 * count] = nameStart;
                offsets[4 * count + 1] = nameEnd;
                offsets[4 * count + 2] = value == NO_VALUE ? -1 : (int) (value >>> 32);
                offsets[4 * count + 3] = (int) value;
                count++;
            }
            p = skipSeparators(p);
        }
        if (p >= n) {
            return -1;
        }
        char c = a[p];
        int end;
        boolean selfClosing = false;
        if (c == '>') {
            end = p + 1;
        } else if (c == '/') {
            if (p + 1 < n && a[p + 1] == '>') {
                end = p + 2;
                selfClosing = true;
            } else {
                return -1;
            }
        } else if (isAsciiLetter(c) || c == '=') {
            return -1;
        } else {
            return p; // junk where the tag should end: html.parser reads the whole thing as text
        }
        if (keep) {
            keptKind = kind;
            keptCount = count;
        } else if ((kind == TAG_SCRIPT || kind == TAG_STYLE) && !selfClosing) {
            return rawTextEnd(end, kind == TAG_SCRIPT ? "script" : "style");
        }
        return end;
    }

    private static final long NO_VALUE = -1L;

    /**
     * The kind and attribute count of the {@code a}, {@code base} or {@code meta} tag {@link #startTag} just read
     * ({@link #TAG_OTHER} after any other), whose strings {@link #run} then makes with {@link #keep}: outside
     * {@code startTag}, so that the JIT compiles the character scan and the making of strings apart (compiled
     * together they made one of the largest compilations of an assessment).
     */
    private int keptKind = TAG_OTHER;
    private int keptCount;

    private void keep(int kind, int count) {
        handle(kind, attributes(count));
    }

    /** Per attribute of the tag being read: name start, name end, value start (-1: no value), value end. */
    private int[] offsets = new int[64];

    /** The first {@code count} attributes recorded in {@link #offsets}: lower-case name and unescaped value. */
    private List<String[]> attributes(int count) {
        List<String[]> attrs = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            int start = offsets[4 * k + 2];
            int end = offsets[4 * k + 3];
            String text = null;
            if (start >= 0) {
                boolean quoted = end - start >= 2 && (a[start] == '"' || a[start] == '\'')
                        && a[end - 1] == a[start];
                text = quoted ? s.substring(start + 1, end - 1) : s.substring(start, end);
                if (text.indexOf('&') >= 0) {
                    text = unescapeOnce(text);
                }
            }
            attrs.add(new String[] {s.substring(offsets[4 * k], offsets[4 * k + 1]).toLowerCase(Locale.ROOT), text});
        }
        return attrs;
    }

    /**
     * The page's attribute values with a reference in them, unescaped: most repeat on every link of a page
     * ({@code data-requires-python="&gt;=3.9"}). At most {@link #UNESCAPED_KEPT} are kept, so that a hostile
     * page of distinct values costs no more memory than its links do.
     */
    private final Map<String, String> unescaped = new HashMap<>();
    private static final int UNESCAPED_KEPT = 256;

    /**
     * {@link #unescape} once per distinct value of the page. Besides the time, this keeps {@code unescape} a
     * rarely called method that the JIT does not compile into the scan.
     */
    private String unescapeOnce(String raw) {
        String text = unescaped.get(raw);
        if (text == null) {
            text = unescape(raw);
            if (unescaped.size() < UNESCAPED_KEPT) {
                unescaped.put(raw, text);
            }
        }
        return text;
    }

    /**
     * The value after an attribute name at {@code p}, as html.parser's {@code \s*=+\s*(value)}
     * matches it (with the regular expression's backtracking when a quote is not closed), packed
     * as start and end offsets of the raw value; {@link #NO_VALUE} when there is none.
     */
    private long attributeValue(int p) {
        int q = skipSpaces(p);
        if (q >= n || a[q] != '=') {
            return NO_VALUE;
        }
        int eq = q;
        int e = q;
        while (e < n && a[e] == '=') {
            e++;
        }
        int r = skipSpaces(e);
        if (r < n && (a[r] == '"' || a[r] == '\'')) {
            int close = closingQuote(a[r], r + 1);
            if (close >= 0) {
                return pack(r, close + 1);
            }
            if (r > e) {
                return pack(r - 1, r - 1); // one space fewer: an empty bare value before it
            }
            if (e - eq >= 2) {
                return pack(e - 1, bareEnd(e - 1)); // one '=' fewer: a bare value starting with '='
            }
            return NO_VALUE;
        }
        return pack(r, bareEnd(r));
    }

    private static long pack(int start, int end) {
        return ((long) start << 32) | (end & 0xffffffffL);
    }

    private int bareEnd(int from) {
        int p = from;
        while (p < n && a[p] != '>' && !isPySpace(a[p])) {
            p++;
        }
        return p;
    }

    private int closingQuote(char quote, int from) {
        if (quote == '"') {
            if (from >= doubleFrom && (doubleAt < 0 || from <= doubleAt)) {
                return doubleAt;
            }
            doubleFrom = from;
            doubleAt = s.indexOf('"', from);
            return doubleAt;
        }
        if (from >= singleFrom && (singleAt < 0 || from <= singleAt)) {
            return singleAt;
        }
        singleFrom = from;
        singleAt = s.indexOf('\'', from);
        return singleAt;
    }

    private void handle(int kind, List<String[]> attrs) {
        if (kind == TAG_A) {
            Map<String, String> map = new LinkedHashMap<>();
            for (String[] a : attrs) {
                map.put(a[0], a[1]);
            }
            anchors.add(Collections.unmodifiableMap(map));
        } else if (kind == TAG_BASE) {
            if (!baseSet) {
                for (String[] a : attrs) {
                    if (a[0].equals("href")) {
                        if (a[1] != null) {
                            baseHref = a[1];
                            baseSet = true;
                        }
                        break;
                    }
                }
            }
        } else if (repositoryVersion == null) {
            String name = null;
            String content = null;
            for (String[] a : attrs) {
                if (a[0].equals("name")) {
                    name = a[1];
                } else if (a[0].equals("content")) {
                    content = a[1];
                }
            }
            if (name != null && name.strip().equalsIgnoreCase("pypi:repository-version")) {
                repositoryVersion = content == null ? "" : content;
            }
        }
    }

    /**
     * The end of {@code </name\s*>} (ASCII letters in any case, Python whitespace) closing raw text,
     * or -1 when the page ends first.
     */
    private int rawTextEnd(int from, String name) {
        int at = s.indexOf("</", from);
        while (at >= 0) {
            int p = skipSpaces(at + 2);
            if (p + name.length() <= n && asciiEqualsIgnoreCase(p, p + name.length(), name)) {
                int q = skipSpaces(p + name.length());
                if (q < n && a[q] == '>') {
                    return q + 1;
                }
            }
            at = s.indexOf("</", at + 2);
        }
        return -1;
    }

    private int tagKind(int start, int end) {
        return switch (end - start) {
            case 1 -> asciiEqualsIgnoreCase(start, end, "a") ? TAG_A : TAG_OTHER;
            case 4 -> asciiEqualsIgnoreCase(start, end, "base") ? TAG_BASE
                    : asciiEqualsIgnoreCase(start, end, "meta") ? TAG_META : TAG_OTHER;
            case 5 -> asciiEqualsIgnoreCase(start, end, "style") ? TAG_STYLE : TAG_OTHER;
            case 6 -> asciiEqualsIgnoreCase(start, end, "script") ? TAG_SCRIPT : TAG_OTHER;
            default -> TAG_OTHER;
        };
    }

    /** Whether s[start, end) is {@code lower} with ASCII letters in any case (Python's str.lower() on a tag name). */
    private boolean asciiEqualsIgnoreCase(int start, int end, String lower) {
        if (end - start != lower.length()) {
            return false;
        }
        for (int k = 0; k < lower.length(); k++) {
            char c = a[start + k];
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (c != lower.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** {@code (?:\s|/(?!>))*} */
    private int skipSeparators(int from) {
        int p = from;
        while (p < n) {
            char c = a[p];
            if (isPySpace(c) || (c == '/' && (p + 1 >= n || a[p + 1] != '>'))) {
                p++;
            } else {
                break;
            }
        }
        return p;
    }

    private int skipSpaces(int from) {
        int p = from;
        while (p < n && isPySpace(a[p])) {
            p++;
        }
        return p;
    }

    private String excerpt(int i) {
        return s.substring(i, Math.min(n, i + 12)).replaceAll("[\\p{Cntrl}]", "?");
    }

    /** Python's {@code \s} and str.isspace() (the same set). */
    static boolean isPySpace(char c) {
        if (c <= ' ') {
            return c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\u001c' && c <= '\u001f');
        }
        return c == '\u0085' || c == '\u00a0' || c == '\u1680' || (c >= '\u2000' && c <= '\u200a')
                || c == '\u2028' || c == '\u2029' || c == '\u202f' || c == '\u205f' || c == '\u3000';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** The end of {@code [a-zA-Z][^\t\n\r\f />\x00]*}. */
    private static boolean isTagNameEnd(char c) {
        return c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == ' ' || c == '/' || c == '>' || c == '\0';
    }

    /** The end of {@code [^\s/=>]*}. */
    private static boolean isAttrNameEnd(char c) {
        return c == '/' || c == '=' || c == '>' || isPySpace(c);
    }

    private static boolean isDeclNameChar(char c) {
        return isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
    }

    // ---- html.unescape ----

    /**
     * Python's {@code html.unescape}: numeric references (with or without {@code ;}; the
     * Windows-1252 remapping of 0x80-0x9F, U+FFFD for NUL, surrogates and out-of-range numbers,
     * nothing for other invalid code points) and the HTML5 named references, where a name without
     * {@code ;} is replaced by its longest prefix (of at least two characters) that is a legacy
     * reference without semicolon ({@code &gt=3} is {@code >=3}, {@code &amplt;} is {@code &lt;}).
     * Text without {@code &} is returned as it is.
     */
    static String unescape(String v) {
        int amp = v.indexOf('&');
        if (amp < 0) {
            return v;
        }
        int len = v.length();
        StringBuilder out = new StringBuilder(len);
        int i = 0;
        while (amp >= 0) {
            out.append(v, i, amp);
            int p = amp + 1;
            int end;
            if (p < len && v.charAt(p) == '#') {
                end = numericReference(v, p + 1, out);
            } else {
                end = namedReference(v, p, out);
            }
            if (end < 0) {
                out.append('&');
                i = amp + 1;
            } else {
                i = end;
            }
            amp = v.indexOf('&', i);
        }
        out.append(v, i, len);
        return out.toString();
    }

    /** {@code #[0-9]+;?} or {@code #[xX][0-9a-fA-F]+;?} after the {@code #}; -1 when neither matches. */
    private static int numericReference(String v, int p, StringBuilder out) {
        int len = v.length();
        int radix = 10;
        int q = p;
        if (q < len && (v.charAt(q) == 'x' || v.charAt(q) == 'X')) {
            radix = 16;
            q++;
        }
        int start = q;
        long num = 0;
        while (q < len && Character.digit(v.charAt(q), radix) >= 0 && v.charAt(q) < 128) {
            num = Math.min(num * radix + Character.digit(v.charAt(q), radix), 0x7fffffffL);
            q++;
        }
        if (q == start) {
            return -1;
        }
        out.append(charFor(num));
        return q < len && v.charAt(q) == ';' ? q + 1 : q;
    }

    private static String charFor(long num) {
        if (num >= 0x80 && num <= 0x9f) {
            char c = WINDOWS_1252.charAt((int) num - 0x80);
            return String.valueOf(c);
        }
        if (num == 0) {
            return "\ufffd";
        }
        if (num == 0x0d) {
            return "\r";
        }
        if ((num >= 0xd800 && num <= 0xdfff) || num > 0x10ffff) {
            return "\ufffd";
        }
        int cp = (int) num;
        if ((cp >= 0x1 && cp <= 0x8) || cp == 0xb || (cp >= 0xe && cp <= 0x1f) || cp == 0x7f
                || (cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) == 0xfffe) {
            return "";
        }
        return new String(Character.toChars(cp));
    }

    /** What Python's table gives 0x80-0x9F (Windows-1252, with 81, 8D, 8F, 90, 9D kept). */
    private static final String WINDOWS_1252 = "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021"
            + "\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014"
            + "\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

    /** {@code [^\t\n\f <&#;]{1,32};?} (32 code points); -1 when no character of a name follows. */
    private static int namedReference(String v, int p, StringBuilder out) {
        int len = v.length();
        int q = p;
        int count = 0;
        while (q < len && count < 32 && !isEntityNameEnd(v.charAt(q))) {
            q += Character.isHighSurrogate(v.charAt(q)) && q + 1 < len && Character.isLowSurrogate(v.charAt(q + 1))
                    ? 2 : 1;
            count++;
        }
        if (count == 0) {
            return -1;
        }
        int end = q < len && v.charAt(q) == ';' ? q + 1 : q;
        String name = v.substring(p, end);
        Map<String, String> table = Entities.TABLE;
        String whole = table.get(name);
        if (whole != null) {
            out.append(whole);
            return end;
        }
        for (int x = name.length() - 1; x >= 2; x--) {
            String prefix = table.get(name.substring(0, x));
            if (prefix != null) {
                out.append(prefix).append(name, x, name.length());
                return end;
            }
        }
        out.append('&').append(name);
        return end;
    }

    private static boolean isEntityNameEnd(char c) {
        return c == '\t' || c == '\n' || c == '\f' || c == ' ' || c == '<' || c == '&' || c == '#' || c == ';';
    }

    /** The entity table, read on first use of a named reference. */
    private static final class Entities {
        static final Map<String, String> TABLE = load();

        private static Map<String, String> load() {
            Map<String, String> table = new HashMap<>(4096);
            try (InputStream in = HtmlLinks.class.getResourceAsStream("html5-entities.txt")) {
                if (in == null) {
                    throw new IllegalStateException("html5-entities.txt missing from the class path");
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.isEmpty() || line.startsWith("#")) {
                        continue;
                    }
                    String[] parts = line.split(" ");
                    StringBuilder value = new StringBuilder();
                    for (int k = 1; k < parts.length; k++) {
                        value.appendCodePoint(Integer.parseInt(parts[k], 16));
                    }
                    table.put(parts[0], value.toString());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.copyOf(table);
        }
    }
}
