package io.github.smvm.vendor;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The distribution facts of {@code os-release(5)}.
 *
 * @param id {@code ID} ({@code debian}), or {@code null}
 * @param versionId {@code VERSION_ID} ({@code 12}), or {@code null} (rolling releases have none)
 * @param prettyName {@code PRETTY_NAME} ({@code Debian GNU/Linux 12 (bookworm)}), else {@code NAME}, or {@code null}
 */
public record OsRelease(String id, String versionId, String prettyName) {

    /**
     * Reads the {@code KEY=value} lines of an os-release file: values may be in single or double
     * quotes, with backslash escapes inside double quotes; comments and malformed lines are ignored.
     */
    public static OsRelease parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            int equals = line.indexOf('=');
            if (line.isEmpty() || line.startsWith("#") || equals <= 0) {
                continue;
            }
            values.put(line.substring(0, equals).strip(), unquote(line.substring(equals + 1).strip()));
        }
        String pretty = blankToNull(values.get("PRETTY_NAME"));
        return new OsRelease(blankToNull(values.get("ID")), blankToNull(values.get("VERSION_ID")),
                pretty != null ? pretty : blankToNull(values.get("NAME")));
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
            return value.substring(1, value.length() - 1);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            StringBuilder sb = new StringBuilder();
            String inner = value.substring(1, value.length() - 1);
            for (int i = 0; i < inner.length(); i++) {
                char c = inner.charAt(i);
                if (c == '\\' && i + 1 < inner.length()) {
                    sb.append(inner.charAt(++i));
                } else {
                    sb.append(c);
                }
            }
            return sb.toString();
        }
        return value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
