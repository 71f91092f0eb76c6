package io.github.smvm.index;

import java.net.URI;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/**
 * A source of project pages: a simple index (HTTP or {@code file://}), a find-links location, or a
 * {@link CompositeIndex} of several.
 *
 * <p>Implementations fetch each project at most once per instance (later calls return the cached
 * result, including failures) and are safe for concurrent use.
 */
public interface IndexClient {

    /** Where this source is, without credentials (safe for messages). */
    URI location();

    /**
     * Fetches the page of one project. The name is normalised (PEP 503) before use. Never throws
     * for I/O or format problems: they are {@link ProjectResult.Failed}.
     */
    ProjectResult fetchProject(String normalisedName);

    /**
     * Fetches several projects concurrently, with at most {@link IndexOptions#maxInFlight()}
     * requests in flight. The result maps each normalised name to its result, in input order.
     */
    Map<String, ProjectResult> fetchAll(Collection<String> names);

    /**
     * A simple-index client for {@code location}: an {@code http(s)} URL, a {@code file:} URL of a
     * directory, or a local directory path.
     */
    static IndexClient simpleIndex(String location, HttpTransport transport, IndexOptions options) {
        return simpleIndex(location, transport, options, null);
    }

    /**
     * {@link #simpleIndex(String, HttpTransport, IndexOptions)} whose 401/403 answers say
     * {@code authenticationHint} ({@code null}: how to configure credentials).
     */
    static IndexClient simpleIndex(String location, HttpTransport transport, IndexOptions options,
            String authenticationHint) {
        URI uri = toUri(location);
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("http") || scheme.equals("https")) {
            return new HttpIndexClient(uri, transport, options, authenticationHint);
        }
        if (scheme.equals("file")) {
            return new FileIndexClient(Path.of(uri), options);
        }
        throw new IllegalArgumentException("unsupported index URL scheme '" + scheme + "' in " + Urls.redact(uri));
    }

    /** An http(s)/file URL as a URI, or a local path as a {@code file:} URI. */
    static URI toUri(String location) {
        String l = location.strip();
        if (l.regionMatches(true, 0, "http://", 0, 7) || l.regionMatches(true, 0, "https://", 0, 8)
                || l.regionMatches(true, 0, "file:", 0, 5)) {
            return Urls.parseLenient(l);
        }
        return Path.of(l).toAbsolutePath().normalize().toUri();
    }
}
