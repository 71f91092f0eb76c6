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
        Resolved plain = resolvePlain(base, href);
        return plain != null ? plain : resolveAny(base, href, warnings);
    }

    /** {@link #resolve} for every link. */
    static Resolved resolveAny(URI base, String href, List<String> warnings) {
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
     * {@link #resolve} for the common link, whose fragment holds only letters, digits and {@code = & - _ .}
     * ({@code #sha256=…}): the part before {@code #} is resolved and the fragment read as written, which is
     * what resolving the whole link and then dropping the fragment gives, without making the URL twice.
     * {@code null} for any other link, and for one that is unusable (then {@link #resolve} says why).
     */
    static Resolved resolvePlain(URI base, String href) {
        int hash = href.indexOf('#');
        if (hash < 0 || href.substring(0, hash).isBlank()) {
            return null; // no fragment: nothing to save; only a fragment: Java resolves an empty path differently
        }
        for (int i = hash + 1; i < href.length(); i++) {
            char c = href.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '='
                    || c == '&' || c == '-' || c == '_' || c == '.')) {
                return null;
            }
        }
        try {
            URI url = base.resolve(Urls.parseLenient(href.substring(0, hash)));
            if (!url.isAbsolute()) {
                return null;
            }
            return new Resolved(Urls.fileName(url), url, hashesFromFragment(href.substring(hash + 1)));
        } catch (IllegalArgumentException e) {
            return null;
        }
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
