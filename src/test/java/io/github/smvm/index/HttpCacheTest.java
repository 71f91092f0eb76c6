package io.github.smvm.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link DiskCache}, {@link CachingTransport} and the metadata cache against a loopback server. */
class HttpCacheTest {

    private static final String JSON = "application/vnd.pypi.simple.v1+json";
    private static final String PAGE = "{\"meta\":{\"api-version\":\"1.0\"},\"name\":\"foo\",\"files\":["
            + "{\"filename\":\"foo-1.0-py3-none-any.whl\",\"url\":\"foo-1.0-py3-none-any.whl\",\"hashes\":{}}]}";
    private static final String PAGE2 = PAGE.replace("foo-1.0-", "foo-2.0-");
    private static final String ETAG = "\"v1\"";
    private static final String LAST_MODIFIED = "Sun, 22 Nov 2026 09:00:00 GMT";

    @TempDir
    Path tmp;

    private TestServer server;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final IndexOptions options = IndexOptions.defaults().withTimeout(Duration.ofSeconds(5));

    @BeforeEach
    void start() throws IOException {
        server = new TestServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Serves {@code body} with an ETag and Last-Modified; answers 304 to a matching If-None-Match. */
    private TestServer.Handler validated(String[] body) {
        return ex -> {
            String inm = ex.getRequestHeaders().getFirst("If-None-Match");
            String etag = "\"" + Integer.toHexString(body[0].hashCode()) + "\"";
            if (etag.equals(inm)) {
                ex.getResponseHeaders().set("ETag", etag);
                ex.sendResponseHeaders(304, -1);
                return;
            }
            ex.getResponseHeaders().set("ETag", etag);
            ex.getResponseHeaders().set("Last-Modified", LAST_MODIFIED);
            TestServer.send(ex, 200, JSON, body[0]);
        };
    }

    private DiskCache cache() {
        return new DiskCache(tmp.resolve("cache"), clock, events::add);
    }

    private HttpIndexClient client(DiskCache cache, Duration ttl) {
        HttpTransport t = new CachingTransport(new JdkHttpTransport(options), cache, ttl, events::add);
        return new HttpIndexClient(server.url("/simple/"), t, options);
    }

    private static ProjectPage found(ProjectResult r) {
        return assertInstanceOf(ProjectResult.Found.class, r, r::toString).page();
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> s = Files.walk(tmp.resolve("cache"))) {
            return s.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void freshPageIsServedFromTheCacheWithoutARequest() {
        String[] body = {PAGE};
        server.on("/simple/foo/", validated(body));
        DiskCache cache = cache();
        ProjectPage first = found(client(cache, Duration.ofMinutes(10)).fetchProject("foo"));
        clock.advance(Duration.ofMinutes(9));
        ProjectPage second = found(client(cache, Duration.ofMinutes(10)).fetchProject("foo"));
        assertEquals(first, second);
        assertEquals(1, server.count("/simple/foo/"));
        assertEquals(1, cache.counts().get(DiskCache.Event.PAGE_DOWNLOADED));
        assertEquals(1, cache.counts().get(DiskCache.Event.PAGE_FRESH));
    }

    @Test
    void stalePageIsRevalidatedWithItsValidatorsAnd304KeepsTheBody() {
        String[] body = {PAGE};
        server.on("/simple/foo/", validated(body));
        DiskCache cache = cache();
        ProjectPage first = found(client(cache, Duration.ofMinutes(10)).fetchProject("foo"));
        clock.advance(Duration.ofMinutes(11));
        ProjectPage second = found(client(cache, Duration.ofMinutes(10)).fetchProject("foo"));
        assertEquals(first, second);
        assertEquals(2, server.count("/simple/foo/"));
        TestServer.Request conditional = server.requests.get(1);
        assertEquals("\"" + Integer.toHexString(PAGE.hashCode()) + "\"", conditional.headers().getFirst("If-None-Match"));
        assertEquals(LAST_MODIFIED, conditional.headers().getFirst("If-Modified-Since"));
        assertEquals(1, cache.counts().get(DiskCache.Event.PAGE_REVALIDATED));
        // the 304 renewed the entry: within the TTL of the revalidation, no request
        clock.advance(Duration.ofMinutes(9));
        found(client(cache, Duration.ofMinutes(10)).fetchProject("foo"));
        assertEquals(2, server.count("/simple/foo/"));
    }

    @Test
    void changedPageReplacesTheStaleEntry() {
        String[] body = {PAGE};
        server.on("/simple/foo/", validated(body));
        DiskCache cache = cache();
        found(client(cache, Duration.ZERO).fetchProject("foo"));
        body[0] = PAGE2;
        clock.advance(Duration.ofSeconds(1));
        ProjectPage changed = found(client(cache, Duration.ZERO).fetchProject("foo"));
        assertEquals("foo-2.0-py3-none-any.whl", changed.files().get(0).filename());
        assertEquals(2, cache.counts().get(DiskCache.Event.PAGE_DOWNLOADED));
        server.on("/simple/foo/", TestServer.respond(500, "text/plain", "down"));
        clock.advance(Duration.ofSeconds(1));
        // a failure is passed on; the entry stays as it was
        assertInstanceOf(ProjectResult.Failed.class, client(cache, Duration.ZERO).fetchProject("foo"));
        assertEquals(changed, found(client(cache, Duration.ofDays(1)).fetchProject("foo")));
    }

    @Test
    void corruptOrTruncatedEntryIsDiscardedAndRefetched() throws IOException {
        server.on("/simple/foo/", TestServer.respond(200, JSON, PAGE));
        DiskCache cache = cache();
        ProjectPage original = found(client(cache, Duration.ofHours(1)).fetchProject("foo"));
        Path entry = entries().get(0);
        byte[] bytes = Files.readAllBytes(entry);
        bytes[bytes.length - 5] ^= 0x20; // flip one bit of the body
        Files.write(entry, bytes);
        assertEquals(original, found(client(cache, Duration.ofHours(1)).fetchProject("foo")));
        assertEquals(2, server.count("/simple/foo/"));
        assertEquals(1, cache.counts().get(DiskCache.Event.DISCARDED));
        assertTrue(events.stream().anyMatch(e -> e.startsWith("cache: discarded corrupt entry " + entry)
                && e.endsWith("(checksum mismatch)")), events::toString);

        Files.write(entry, java.util.Arrays.copyOf(Files.readAllBytes(entry), 40)); // truncated in the header
        assertEquals(original, found(client(cache, Duration.ofHours(1)).fetchProject("foo")));
        byte[] whole = Files.readAllBytes(entry);
        Files.write(entry, java.util.Arrays.copyOf(whole, whole.length - 10)); // truncated in the body
        assertEquals(original, found(client(cache, Duration.ofHours(1)).fetchProject("foo")));
        assertEquals(4, server.count("/simple/foo/"));
        assertEquals(3, cache.counts().get(DiskCache.Event.DISCARDED));
        // the refetched entry is whole again
        assertEquals(original, found(client(cache, Duration.ofHours(1)).fetchProject("foo")));
        assertEquals(4, server.count("/simple/foo/"));
    }

    @Test
    void notFoundIsCachedNoStoreAndOtherStatusesAreNot() {
        server.on("/simple/gone/", TestServer.respond(404, "text/plain", "no"));
        server.on("/simple/private/", ex -> {
            ex.getResponseHeaders().set("Cache-Control", "private, no-store");
            TestServer.send(ex, 200, JSON, PAGE);
        });
        server.on("/simple/busy/", TestServer.respond(503, "text/plain", "busy"));
        DiskCache cache = cache();
        for (int i = 0; i < 2; i++) {
            HttpIndexClient client = client(cache, Duration.ofHours(1));
            assertInstanceOf(ProjectResult.NotFound.class, client.fetchProject("gone"));
            found(client.fetchProject("private"));
            assertInstanceOf(ProjectResult.Failed.class, client.fetchProject("busy"));
        }
        assertEquals(1, server.count("/simple/gone/"));
        assertEquals(2, server.count("/simple/private/"));
        assertEquals(2, server.count("/simple/busy/"));
    }

    @Test
    void noCredentialsInCacheFilesOrNames() throws Exception {
        server.on("/simple/foo/", ex -> {
            // a redirect to a URL with a signed query; the stored final URL keeps neither user-info nor query
            ex.getResponseHeaders().set("Location", "/real/foo/?signature=sig-SECRET-3");
            ex.sendResponseHeaders(302, -1);
        });
        server.on("/real/foo/", TestServer.respond(200, JSON, PAGE));
        server.on("/files/foo-1.0-py3-none-any.whl.metadata", TestServer.respond(200, "text/plain",
                "Metadata-Version: 2.1\nName: foo\nVersion: 1.0\n"));
        DiskCache cache = cache();
        URI base = URI.create(server.url("/simple/").toString().replace("http://", "http://alice:pw-SECRET-1@"));
        HttpTransport wire = new JdkHttpTransport(options);
        HttpIndexClient client = new HttpIndexClient(base,
                new CachingTransport(wire, cache, Duration.ofHours(1), events::add), options);
        found(client.fetchProject("foo"));
        URI file = URI.create(server.url("/files/foo-1.0-py3-none-any.whl").toString()
                .replace("http://", "http://alice:pw-SECRET-1@"));
        new MetadataFetcher(wire, options, cache, Duration.ofHours(1)).fetchMetadata(
                new IndexFile("foo-1.0-py3-none-any.whl", file, Map.of(), null, false, null, true, Map.of()));
        List<Path> files = entries();
        assertEquals(2, files.size());
        for (Path f : files) {
            String text = Files.readString(f, StandardCharsets.ISO_8859_1);
            assertFalse(text.contains("SECRET") || text.contains("alice"), f + ": " + text);
            assertFalse(f.toString().contains("SECRET"));
        }
        assertTrue(events.stream().noneMatch(e -> e.contains("SECRET")), events::toString);
    }

    @Test
    void rangeRequestsAreNotCached() throws Exception {
        server.on("/w.whl", TestServer.respond(200, "application/octet-stream", "data"));
        CachingTransport t = new CachingTransport(new JdkHttpTransport(options), cache(), Duration.ofHours(1),
                events::add);
        t.get(server.url("/w.whl"), Map.of("Range", "bytes=-10"));
        t.get(server.url("/w.whl"), Map.of("Range", "bytes=-10"));
        assertEquals(2, server.count("/w.whl"));
        assertFalse(Files.exists(tmp.resolve("cache")));
    }

    @Test
    void metadataAddressedByAHashNeverExpiresAndByUrlOnlyForTheTtl() throws Exception {
        AtomicInteger served = new AtomicInteger();
        String metadata = "Metadata-Version: 2.1\nName: foo\nVersion: 1.0\n";
        String sha = java.util.HexFormat.of().formatHex(DiskCache.sha256(metadata.getBytes(StandardCharsets.UTF_8)));
        server.on("/files/foo-1.0-py3-none-any.whl.metadata", ex -> {
            served.incrementAndGet();
            TestServer.send(ex, 200, "application/octet-stream", metadata);
        });
        DiskCache cache = cache();
        URI url = server.url("/files/foo-1.0-py3-none-any.whl");
        IndexFile hashed = new IndexFile("foo-1.0-py3-none-any.whl", url, Map.of("sha256", "ab".repeat(32)), null,
                false, null, true, Map.of("sha256", sha));
        IndexFile byMetadataHash = new IndexFile("foo-1.0-py3-none-any.whl", url, Map.of(), null, false, null, true,
                Map.of("sha256", sha));
        IndexFile unhashed = new IndexFile("foo-1.0-py3-none-any.whl", url, Map.of(), null, false, null, true,
                Map.of());
        MetadataFetcher fetcher = new MetadataFetcher(new JdkHttpTransport(options), options, cache,
                Duration.ofMinutes(10));
        for (IndexFile f : List.of(hashed, byMetadataHash, unhashed)) {
            assertEquals(metadata, fetcher.fetchMetadata(f));
        }
        assertEquals(3, served.get());
        clock.advance(Duration.ofDays(365));
        for (IndexFile f : List.of(hashed, byMetadataHash)) {
            assertEquals(metadata, fetcher.fetchMetadata(f));
        }
        assertEquals(3, served.get());
        assertEquals(metadata, fetcher.fetchMetadata(unhashed));
        assertEquals(4, served.get());
        assertEquals(Map.of(DiskCache.Event.METADATA_HIT, 2, DiskCache.Event.METADATA_DOWNLOADED, 4),
                Map.of(DiskCache.Event.METADATA_HIT, cache.counts().get(DiskCache.Event.METADATA_HIT),
                        DiskCache.Event.METADATA_DOWNLOADED, cache.counts().get(DiskCache.Event.METADATA_DOWNLOADED)));
    }

    @Test
    void concurrentWritersNeverShowAReaderHalfAnEntry() throws Exception {
        Path dir = tmp.resolve("shared");
        byte[] a = "a".repeat(200_000).getBytes(StandardCharsets.UTF_8);
        byte[] b = "b".repeat(300_000).getBytes(StandardCharsets.UTF_8);
        URI source = URI.create("https://example.org/simple/foo/");
        // two caches on one directory stand for two builds
        DiskCache one = new DiskCache(dir, Clock.systemUTC(), events::add);
        DiskCache two = new DiskCache(dir, Clock.systemUTC(), events::add);
        one.write("pages", "k", source, Map.of(), a);
        List<Thread> threads = new ArrayList<>();
        AtomicInteger bad = new AtomicInteger();
        AtomicInteger reads = new AtomicInteger();
        threads.add(new Thread(() -> {
            for (int i = 0; i < 40; i++) {
                one.write("pages", "k", source, Map.of(), a);
            }
        }));
        threads.add(new Thread(() -> {
            for (int i = 0; i < 40; i++) {
                two.write("pages", "k", source, Map.of(), b);
            }
        }));
        threads.add(new Thread(() -> {
            for (int i = 0; i < 200; i++) {
                byte[] body = two.read("pages", "k").map(DiskCache.Entry::body).orElse(null);
                reads.incrementAndGet();
                if (!java.util.Arrays.equals(body, a) && !java.util.Arrays.equals(body, b)) {
                    bad.incrementAndGet();
                }
            }
        }));
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(200, reads.get());
        assertEquals(0, bad.get());
        assertEquals(0, one.counts().get(DiskCache.Event.DISCARDED) + two.counts().get(DiskCache.Event.DISCARDED));
        try (Stream<Path> s = Files.walk(dir)) {
            assertEquals(1, s.filter(Files::isRegularFile).count(), "no temporary files left");
        }
    }

    @Test
    void defaultDirectoryFollowsEachPlatformsConvention() {
        Path home = Path.of("/home/u");
        assertEquals(Path.of("/xdg/cache/smvm"),
                DiskCache.defaultDirectory(Map.of("XDG_CACHE_HOME", "/xdg/cache"), home, "Linux"));
        assertEquals(home.resolve(".cache/smvm"), DiskCache.defaultDirectory(Map.of(), home, "Linux"));
        assertEquals(home.resolve(".cache/smvm"),
                DiskCache.defaultDirectory(Map.of("XDG_CACHE_HOME", "relative"), home, "Linux"));
        assertEquals(home.resolve("Library/Caches/smvm"), DiskCache.defaultDirectory(Map.of(), home, "Mac OS X"));
        assertEquals(Path.of("/local/app").resolve("smvm").resolve("cache"),
                DiskCache.defaultDirectory(Map.of("LOCALAPPDATA", "/local/app"), home, "Windows 11"));
        assertEquals(home.resolve("AppData").resolve("Local").resolve("smvm").resolve("cache"),
                DiskCache.defaultDirectory(Map.of(), home, "Windows 11"));
    }

    @Test
    void entryFromTheFutureIsNotFresh() {
        DiskCache.Entry e = new DiskCache.Entry("x", Instant.parse("2030-01-01T00:00:00Z"), Map.of(), new byte[0]);
        assertFalse(e.freshAt(Instant.parse("2026-01-01T00:00:00Z"), Duration.ofDays(10_000)));
    }
}
