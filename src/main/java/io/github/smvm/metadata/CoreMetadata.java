package io.github.smvm.metadata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fields of a distribution's core metadata ({@code METADATA} / {@code PKG-INFO}) that the plugin
 * uses, read from the email-header format of the core metadata specification.
 *
 * @param name the {@code Name} field as written
 * @param version the {@code Version} field as written
 * @param requiresPython the {@code Requires-Python} field, or {@code null}
 * @param requiresDist every {@code Requires-Dist} value, in order
 * @param providesExtra every {@code Provides-Extra} value, in order
 * @param projectUrls {@code Project-URL} labels to URLs, plus {@code Home-page} under the label {@code Homepage}
 *     when no Project-URL has that label
 */
public record CoreMetadata(String name, String version, String requiresPython, List<String> requiresDist,
        List<String> providesExtra, Map<String, String> projectUrls) {

    public CoreMetadata {
        requiresDist = List.copyOf(requiresDist);
        providesExtra = List.copyOf(providesExtra);
        projectUrls = Map.copyOf(projectUrls);
    }

    /**
     * Parses the header section of a metadata file; the body (the long description) is not read.
     *
     * @param source names the file in error messages, e.g. {@code demo-1.0-py3-none-any.whl!METADATA}
     * @throws InvalidMetadataException when {@code Name} or {@code Version} is missing or a line is malformed
     */
    public static CoreMetadata parse(String source, String text) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        String lastKey = null;
        String[] lines = text.split("\r\n|\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                break; // the body starts after the first empty line
            }
            if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                if (lastKey == null) {
                    throw new InvalidMetadataException(source + " line " + (i + 1)
                            + ": continuation line before any field: '" + line.strip() + "'");
                }
                List<String> values = fields.get(lastKey);
                int last = values.size() - 1;
                values.set(last, values.get(last) + "\n" + line.strip());
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new InvalidMetadataException(source + " line " + (i + 1)
                        + ": expected 'Field: value', found '" + line + "'");
            }
            lastKey = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            fields.computeIfAbsent(lastKey, k -> new ArrayList<>()).add(line.substring(colon + 1).strip());
        }
        String name = single(fields, "name", source);
        String version = single(fields, "version", source);
        Map<String, String> urls = new LinkedHashMap<>();
        for (String entry : fields.getOrDefault("project-url", List.of())) {
            int comma = entry.indexOf(',');
            if (comma > 0) {
                urls.putIfAbsent(entry.substring(0, comma).strip(), entry.substring(comma + 1).strip());
            }
        }
        List<String> homePage = fields.getOrDefault("home-page", List.of());
        if (!homePage.isEmpty() && !homePage.get(0).isEmpty() && !homePage.get(0).equalsIgnoreCase("UNKNOWN")) {
            urls.putIfAbsent("Homepage", homePage.get(0));
        }
        List<String> requiresPython = fields.getOrDefault("requires-python", List.of());
        return new CoreMetadata(name, version, requiresPython.isEmpty() ? null : requiresPython.get(0),
                fields.getOrDefault("requires-dist", List.of()), fields.getOrDefault("provides-extra", List.of()),
                urls);
    }

    private static String single(Map<String, List<String>> fields, String key, String source) {
        List<String> values = fields.get(key);
        if (values == null || values.isEmpty() || values.get(0).isEmpty()) {
            throw new InvalidMetadataException(source + ": the required field '"
                    + Character.toUpperCase(key.charAt(0)) + key.substring(1) + "' is missing");
        }
        return values.get(0);
    }
}
