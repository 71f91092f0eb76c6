package io.github.smvm.index;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Shared pieces of the page parsers: link resolution, hash fragments, file-name checks. */
final class FileLinks {

    /** The hash names pip accepts ({@code hashlib.algorithms_guaranteed} ∩ its list). */
    static final Set<String> SUPPORTED_HASHES = Set.of("sha1", "sha224", "sha384", "sha256", "sha512", "md5");

    private FileLinks() {
    }

    /**
     * Resolves {@code href} against {@code base}, parses hashes from the fragment and checks the
     * file name. Returns {@code null} (after adding a warning) when the link is unusable.
     */
    static Resolved resolve(URI base, String href, List<String> warnings) {
        URI url;
        try {
            url = base.resolve(Urls.parseLenient(href));
        } catch (IllegalArgumentException e) {
            warnings.add("skipped link '" + safeHref(href) + "': " + e.getMessage());
            return null;
        }
        if (!url.isAbsolute()) {
            warnings.add("skipped link '" + safeHref(href) + "': not an absolute URL after resolution");
            return null;
        }
        Map<String, String> hashes = hashesFromFragment(url.getRawFragment());
        URI clean = Urls.withoutFragment(url);
        String name;
        try {
            name = Urls.fileName(clean);
        } catch (IllegalArgumentException e) {
            warnings.add("skipped link " + Urls.redactSecrets(clean) + ": " + e.getMessage());
            return null;
        }
        return new Resolved(name, clean, hashes);
    }

    record Resolved(String filename, URI url, Map<String, String> hashes) {
    }

    /**
     * The file name of a link that {@link #resolve} resolves without fail and whose file it names as
     * written, or {@code null} for any other link (which is then resolved at once). Such a link, before an optional
     * {@code #} with only letters, digits and {@code = & - _ .} after it, is {@code scheme://host[:port]/path}
     * or a path ({@code /files/…}, {@code ../files/…}, {@code name.whl}) of letters, digits and
     * {@code - . _ ~ / ! $ & ' ( ) * + , ; = @} only (no {@code %}, {@code :}, {@code ?}, space or other
     * character that a URL would need escaped or read specially), and its last segment is a name that
     * {@link Urls#fileName} accepts as it is. The file name then is that last segment: what resolving
     * the link and taking its path's last segment gives.
     */
    static String lazyFilename(String href) {
        int n = href.length();
        int hash = href.indexOf('#');
        int end = hash < 0 ? n : hash;
        for (int i = hash + 1; hash >= 0 && i < n; i++) {
            if (!fragmentChar(href.charAt(i))) {
                return null;
            }
        }
        int pathStart = 0;
        int colon = href.indexOf(':');
        if (colon >= 0 && colon < end) {
            // scheme://host[:port]/path
            if (colon == 0 || !asciiLetter(href.charAt(0)) || !href.startsWith("//", colon + 1)) {
                return null;
            }
            for (int i = 1; i < colon; i++) {
                char c = href.charAt(i);
                if (!(asciiLetter(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')) {
                    return null;
                }
            }
            int slash = href.indexOf('/', colon + 3);
            if (slash < 0 || slash > end || slash == colon + 3) {
                return null;
            }
            int port = -1;
            for (int i = colon + 3; i < slash; i++) {
                char c = href.charAt(i);
                if (c == ':' && port < 0) {
                    port = i;
                } else if (port >= 0 ? !(c >= '0' && c <= '9')
                        : !(asciiLetter(c) || (c >= '0' && c <= '9') || c == '-' || c == '.')) {
                    return null;
                }
            }
            if (port == colon + 3 || port == slash - 1) {
                return null;
            }
            pathStart = slash;
        } else if (href.startsWith("//")) {
            return null; // a network-path reference: the authority is read specially
        }
        int lastSlash = -1;
        for (int i = pathStart; i < end; i++) {
            char c = href.charAt(i);
            if (c == '/') {
                lastSlash = i;
            } else if (!pathChar(c)) {
                return null;
            }
        }
        String name = href.substring(lastSlash + 1, end);
        if (name.isEmpty() || name.equals(".") || name.contains("..")) {
            return null;
        }
        return name;
    }

    private static boolean asciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean fragmentChar(char c) {
        return asciiLetter(c) || (c >= '0' && c <= '9') || c == '=' || c == '&' || c == '-' || c == '_' || c == '.';
    }

    /** RFC 3986 unreserved and sub-delims, and {@code @}: a path character that needs no escaping. */
    private static boolean pathChar(char c) {
        return asciiLetter(c) || (c >= '0' && c <= '9') || "-._~!$&'()*+,;=@".indexOf(c) >= 0;
    }

    /** Hashes from a fragment such as {@code sha256=abc} or {@code sha256=abc&md5=def}. */
    static Map<String, String> hashesFromFragment(String rawFragment) {
        Map<String, String> hashes = new LinkedHashMap<>();
        if (rawFragment == null || rawFragment.isEmpty()) {
            return hashes;
        }
        for (String part : rawFragment.split("&")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String algo = part.substring(0, eq).toLowerCase(Locale.ROOT);
            String value = Urls.percentDecode(part.substring(eq + 1));
            if (SUPPORTED_HASHES.contains(algo) && !value.isEmpty()) {
                hashes.putIfAbsent(algo, value.toLowerCase(Locale.ROOT));
            }
        }
        return hashes;
    }

    /** Keeps only hashes pip supports, with lower-case names and digests. */
    static Map<String, String> supportedHashes(Map<String, String> in) {
        Map<String, String> out = new LinkedHashMap<>();
        in.forEach((k, v) -> {
            String algo = k.toLowerCase(Locale.ROOT);
            if (SUPPORTED_HASHES.contains(algo) && v != null && !v.isEmpty()) {
                out.put(algo, v.toLowerCase(Locale.ROOT));
            }
        });
        return out;
    }

    /** The project name a page URL is for: its last non-empty path segment, normalised. */
    static String projectFromUrl(URI pageUrl) {
        String path = pageUrl.getRawPath();
        if (path == null) {
            return "";
        }
        String[] segments = path.split("/");
        for (int i = segments.length - 1; i >= 0; i--) {
            if (!segments[i].isEmpty() && !segments[i].equalsIgnoreCase("index.html")) {
                return Names.normalise(Urls.percentDecode(segments[i]));
            }
        }
        return "";
    }

    private static String safeHref(String href) {
        // an href may itself carry credentials; show it only if it parses and then redacted
        try {
            return Urls.redactSecrets(Urls.parseLenient(href));
        } catch (IllegalArgumentException e) {
            return "<unparseable>";
        }
    }
}
