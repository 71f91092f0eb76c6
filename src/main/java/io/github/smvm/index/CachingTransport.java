package io.github.smvm.index;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An {@link HttpTransport} for index and find-links pages that keeps them in a {@link DiskCache}.
 *
 * <ul>
 *   <li>An entry at most {@code ttl} old is used without a request.
 *   <li>An older one is revalidated: the request carries {@code If-None-Match} (its ETag) and
 *       {@code If-Modified-Since} (its Last-Modified); a 304 renews the entry and its body is used.
 *   <li>200 and 404 responses are stored (not with {@code Cache-Control: no-store}); other statuses and
 *       failures are passed on and leave the entry as it was.
 *   <li>Requests with a {@code Range} header are not cached.
 * </ul>
 *
 * The key is the URL without user-info plus the {@code Accept} header; the stored final URL has no
 * user-info, query or fragment (relative links resolve the same without them).
 */
public final class CachingTransport implements HttpTransport {

    static final String NAMESPACE = "pages";

    private final HttpTransport delegate;
    private final DiskCache cache;
    private final Duration ttl;
    private final Consumer<String> events;

    /**
     * @param ttl how long an entry is used without revalidation; {@link java.time.temporal.ChronoUnit#FOREVER}'s
     *     duration never revalidates (offline)
     */
    public CachingTransport(HttpTransport delegate, DiskCache cache, Duration ttl, Consumer<String> events) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.events = Objects.requireNonNull(events, "events");
    }

    @Override
    public Response get(URI url, Map<String, String> headers) throws TransportException {
        if (header(headers, "Range").isPresent()) {
            return delegate.get(url, headers);
        }
        String key = "GET " + Urls.withoutUserInfo(url) + "\nAccept: " + header(headers, "Accept").orElse("");
        Optional<DiskCache.Entry> cached = cache.read(NAMESPACE, key);
        if (cached.isPresent() && cached.get().freshAt(cache.clock().instant(), ttl)) {
            cache.count(DiskCache.Event.PAGE_FRESH);
            events.accept("cache: " + Urls.redactSecrets(url) + " is fresh (stored " + cached.get().storedAt() + ")");
            return response(cached.get());
        }
        Map<String, String> request = new LinkedHashMap<>(headers);
        if (cached.isPresent()) {
            String etag = cached.get().meta().get("etag");
            String lastModified = cached.get().meta().get("last_modified");
            if (etag != null) {
                request.put("If-None-Match", etag);
            }
            if (lastModified != null) {
                request.put("If-Modified-Since", lastModified);
            }
        }
        Response r = delegate.get(url, request);
        if (r.status() == 304 && cached.isPresent()) {
            DiskCache.Entry entry = cached.get();
            cache.write(NAMESPACE, key, url, entry.meta(), entry.body());
            cache.count(DiskCache.Event.PAGE_REVALIDATED);
            events.accept("cache: " + Urls.redactSecrets(url) + " not modified (304)");
            return response(entry);
        }
        if ((r.status() == 200 || r.status() == 404) && !noStore(r)) {
            Map<String, String> meta = new LinkedHashMap<>();
            meta.put("status", Integer.toString(r.status()));
            meta.put("final_url", stripped(r.finalUrl()).toString());
            r.header("Content-Type").ifPresent(v -> meta.put("content_type", v));
            r.header("ETag").ifPresent(v -> meta.put("etag", v));
            r.header("Last-Modified").ifPresent(v -> meta.put("last_modified", v));
            cache.write(NAMESPACE, key, url, meta, r.body());
            cache.count(DiskCache.Event.PAGE_DOWNLOADED);
        }
        return r;
    }

    private static Response response(DiskCache.Entry entry) throws TransportException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        String type = entry.meta().get("content_type");
        if (type != null) {
            headers.put("Content-Type", List.of(type));
        }
        int status;
        URI finalUrl;
        try {
            status = Integer.parseInt(entry.meta().getOrDefault("status", "200"));
            finalUrl = new URI(entry.meta().getOrDefault("final_url", ""));
        } catch (NumberFormatException | URISyntaxException e) {
            throw new TransportException(TransportException.Kind.IO, "unusable cache entry for " + entry.source());
        }
        return new Response(finalUrl, status, headers, entry.body());
    }

    private static boolean noStore(Response r) {
        return r.header("Cache-Control").map(v -> v.toLowerCase(Locale.ROOT).contains("no-store")).orElse(false);
    }

    private static Optional<String> header(Map<String, String> headers, String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .findFirst();
    }

    /** The URL without user-info, query and fragment. */
    static URI stripped(URI url) {
        URI u = Urls.withoutFragment(Urls.withoutUserInfo(url));
        if (u.getRawQuery() == null) {
            return u;
        }
        String s = u.toString();
        return URI.create(s.substring(0, s.indexOf('?')));
    }
}
