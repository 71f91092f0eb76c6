package io.github.smvm.tags;

import java.util.LinkedHashSet;
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
        String[] parts = text.split("-", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a tag: expected interpreter-abi-platform, for example cp312-cp312-manylinux_2_17_x86_64");
        }
        Set<Tag> result = new LinkedHashSet<>();
        for (String interpreter : parts[0].split("\\.", -1)) {
            for (String abi : parts[1].split("\\.", -1)) {
                for (String platform : parts[2].split("\\.", -1)) {
                    if (interpreter.isEmpty() || abi.isEmpty() || platform.isEmpty()) {
                        throw new IllegalArgumentException("'" + text + "' is not a tag: it has an empty part");
                    }
                    result.add(new Tag(interpreter, abi, platform));
                }
            }
        }
        return result;
    }

    @Override
    public String toString() {
        return interpreter + "-" + abi + "-" + platform;
    }
}
