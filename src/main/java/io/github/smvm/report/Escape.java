package io.github.smvm.report;

/**
 * Escaping for the rendered reports. Requirement strings, reasons and file names come from requirements
 * files and package indexes: every one of them goes through here before it reaches markup.
 */
final class Escape {

    private Escape() {}

    /** Text or attribute value in HTML: no character of the input can open a tag, end an attribute or start an entity. */
    static String html(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c < 0x20 && c != '\n' && c != '\t' ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }

    /** An XML 1.0 attribute value: markup characters and line breaks as references, characters XML forbids replaced. */
    static String xmlAttribute(String text) {
        return xml(text, true);
    }

    /** XML 1.0 character data. */
    static String xmlText(String text) {
        return xml(text, false);
    }

    private static String xml(String text, boolean attribute) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
                continue;
            }
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\'' -> out.append(attribute ? "&apos;" : "'");
                case '\n' -> out.append(attribute ? "&#10;" : "\n");
                case '\r' -> out.append("&#13;");
                case '\t' -> out.append(attribute ? "&#9;" : "\t");
                default -> out.append(c < 0x20 || Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF'
                        ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }

    /**
     * One line of Markdown inside a table cell: line breaks become spaces, {@code |} cannot end the cell,
     * emphasis, code, link and HTML syntax are neutralised.
     */
    static String markdown(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\r', '\n', '\t' -> out.append(' ');
                case '\\', '|', '*', '_', '`', '[', ']', '~', '#', '!' -> out.append('\\').append(c);
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(c < 0x20 ? ' ' : c);
            }
        }
        return out.toString();
    }

    /** {@code text} cut to at most {@code max} characters, with an ellipsis when cut. */
    static String truncate(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "\u2026";
    }
}
