package io.github.smvm.pipconfig;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * INI text as Python's {@code configparser.RawConfigParser()} reads it, which is what pip uses for
 * {@code pip.conf}/{@code pip.ini}: {@code [section]} headers (case-sensitive), {@code key = value} or
 * {@code key: value} split at the first {@code =} or {@code :}, keys lower-cased, values stripped;
 * whole-line comments starting with {@code #} or {@code ;} (no inline comments); indented lines continue
 * the previous value (joined with a newline); no interpolation; the {@code [DEFAULT]} section's values
 * apply to every section. As in strict mode, a section or a key repeated within one file, a line before
 * the first section and a line that is neither are errors.
 */
public final class Ini {

    private static final Pattern SECTION = Pattern.compile("\\[(?<name>.+)\\]");
    private static final Pattern OPTION = Pattern.compile("(?<key>.*?)\\s*[=:]\\s*(?<value>.*)");
    private static final String DEFAULT = "DEFAULT";

    private final Map<String, Map<String, String>> sections;

    private Ini(Map<String, Map<String, String>> sections) {
        this.sections = sections;
    }

    /** Sections other than {@code DEFAULT}, in file order, each with the {@code DEFAULT} values it does not override. */
    public Map<String, Map<String, String>> sections() {
        return sections;
    }

    /**
     * @param where names the text in messages (a file path)
     * @throws PipConfigException naming {@code where} and the line
     */
    public static Ini parse(String text, String where) throws PipConfigException {
        Map<String, Map<String, String>> raw = new LinkedHashMap<>();
        Map<String, String> current = null;
        String currentKey = null;
        int currentIndent = 0;
        List<String> pendingBlank = new ArrayList<>();
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            String stripped = line.strip();
            int indent = line.length() - line.stripLeading().length();
            if (stripped.startsWith("#") || stripped.startsWith(";")) {
                continue;
            }
            if (stripped.isEmpty()) {
                if (currentKey != null) {
                    pendingBlank.add("");
                }
                continue;
            }
            if (current != null && currentKey != null && indent > currentIndent) {
                StringBuilder value = new StringBuilder(current.get(currentKey));
                for (String blank : pendingBlank) {
                    value.append('\n').append(blank);
                }
                pendingBlank.clear();
                value.append('\n').append(stripped);
                current.put(currentKey, value.toString());
                continue;
            }
            pendingBlank.clear();
            currentKey = null;
            Matcher section = SECTION.matcher(stripped);
            if (section.lookingAt()) { // like Python's SECTCRE.match: text after the closing bracket is ignored
                String name = section.group("name");
                if (raw.containsKey(name)) {
                    throw new PipConfigException(where + ", line " + (i + 1) + ": section [" + name
                            + "] appears twice");
                }
                current = new LinkedHashMap<>();
                raw.put(name, current);
                continue;
            }
            if (current == null) {
                throw new PipConfigException(where + ", line " + (i + 1) + ": '" + stripped
                        + "' comes before the first [section] header");
            }
            Matcher option = OPTION.matcher(stripped);
            if (!option.matches() || option.group("key").isEmpty()) {
                throw new PipConfigException(where + ", line " + (i + 1) + ": '" + stripped
                        + "' is neither a [section] header nor a 'key = value' line");
            }
            String key = option.group("key").strip().toLowerCase(Locale.ROOT);
            if (current.containsKey(key)) {
                throw new PipConfigException(where + ", line " + (i + 1) + ": '" + key
                        + "' appears twice in its section");
            }
            current.put(key, option.group("value").strip());
            currentKey = key;
            currentIndent = indent;
        }
        Map<String, String> defaults = raw.getOrDefault(DEFAULT, Map.of());
        Map<String, Map<String, String>> result = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, String>> e : raw.entrySet()) {
            if (e.getKey().equals(DEFAULT)) {
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>(defaults);
            values.putAll(e.getValue());
            result.put(e.getKey(), Collections.unmodifiableMap(values));
        }
        return new Ini(Collections.unmodifiableMap(result));
    }
}
