package io.github.smvm.tags;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One PEP 425 compatibility tag: interpreter, ABI and platform, all lower-case.
 *
 * <p>A compressed tag set such as {@code py2.py3-none-any} expands into several tags with
 * {@link #parseSet(String)}.
 */
public record Tag(String interpreter, String abi, String platform) {

    public Tag {
        interpreter = requirePart(interpreter, "interpreter");
        abi = requirePart(abi, "abi");
        platform = requirePart(platform, "platform");
    }

    private static String requirePart(String value, String what) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("tag " + what + " must not be empty");
        }
        return value.toLowerCase(Locale.ROOT);
    }

    /** Parses a single tag such as {@code cp312-cp312-manylinux_2_17_x86_64}. */
    public static Tag parse(String text) {
        Set<Tag> tags = parseSet(text);
        if (tags.size() != 1) {
            throw new IllegalArgumentException(
                    "'" + text + "' is a compressed tag set of " + tags.size() + " tags, expected exactly one tag");
        }
        return tags.iterator().next();
    }

    /**
     * Expands a possibly compressed tag set ({@code py2.py3-none-any}) into its tags, in the order
     * interpreter × abi × platform.
     */
    public static Set<Tag> parseSet(String text) {
        List<String> parts = split(text, '-');
        if (parts.size() != 3) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a tag: expected interpreter-abi-platform, for example cp312-cp312-manylinux_2_17_x86_64");
        }
        Set<Tag> result = new LinkedHashSet<>();
        for (String interpreter : split(parts.get(0), '.')) {
            for (String abi : split(parts.get(1), '.')) {
                for (String platform : split(parts.get(2), '.')) {
                    if (interpreter.isEmpty() || abi.isEmpty() || platform.isEmpty()) {
                        throw new IllegalArgumentException("'" + text + "' is not a tag: it has an empty part");
                    }
                    result.add(new Tag(interpreter, abi, platform));
                }
            }
        }
        return result;
    }

    /**
     * {@code text.split(separator, -1)} without a regular expression or an array: every file name of every
     * index page has its tags parsed, and String.split was the JIT's most expensive compilation.
     */
    private static List<String> split(String text, char separator) {
        int at = text.indexOf(separator);
        if (at < 0) {
            return List.of(text);
        }
        List<String> parts = new ArrayList<>(4);
        int from = 0;
        for (; at >= 0; at = text.indexOf(separator, from)) {
            parts.add(text.substring(from, at));
            from = at + 1;
        }
        parts.add(text.substring(from));
        return parts;
    }

    @Override
    public String toString() {
        return interpreter + "-" + abi + "-" + platform;
    }

    /**
     * Equality of the three parts, written out: a record's generated {@code equals} and {@code hashCode}
     * are linked through method handles on first use, which costs a cold JVM tens of milliseconds
     * (every environment's tag table is built from tags at start-up).
     */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Tag t && interpreter.equals(t.interpreter) && abi.equals(t.abi)
                && platform.equals(t.platform);
    }

    @Override
    public int hashCode() {
        return (interpreter.hashCode() * 31 + abi.hashCode()) * 31 + platform.hashCode();
    }
}
