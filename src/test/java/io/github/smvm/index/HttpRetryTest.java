package io.github.smvm.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link RetryingTransport} over {@link JdkHttpTransport} against a loopback server. */
class HttpRetryTest {

    private static final String PAGE = "<html><body><a href=\"foo-1.0-py3-none-any.whl\">x</a></body></html>";
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private TestServer server;
    private final List<Duration> slept = new CopyOnWriteArrayList<>();
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

    /** Records waits instead of sleeping; jitter 0.5 scales every computed wait by 0.75. */
    private RetryingTransport transport(RetryPolicy policy) {
        return new RetryingTransport(new JdkHttpTransport(options), policy, slept::add, () -> 0.5,
                Clock.fixed(NOW, ZoneOffset.UTC), events::add);
    }

    /** Answers the statuses in order (with optional headers), then 200 with the page. */
    private TestServer.Handler statuses(int[] statuses, Map<String, String> headers) {
        AtomicInteger calls = new AtomicInteger();
        return ex -> {
            int i = calls.getAndIncrement();
            if (i < statuses.length) {
                headers.forEach(ex.getResponseHeaders()::set);
                TestServer.send(ex, statuses[i], "text/plain", "busy");
            } else {
                TestServer.send(ex, 200, "text/html", PAGE);
            }
        };
    }

    @Test
    void serviceUnavailableThenOkIsRetriedAndSucceeds() throws Exception {
        server.on("/simple/foo/", statuses(new int[] {503}, Map.of()));
        HttpTransport.Response r = transport(RetryPolicy.of(3)).get(server.url("/simple/foo/"), Map.of());
        assertEquals(200, r.status());
        assertEquals(PAGE, new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(2, server.count("/simple/foo/"));
        assertEquals(List.of(Duration.ofMillis(375)), slept); // 500 ms * 0.75
        assertEquals(List.of(server.url("/simple/foo/") + ": HTTP status 503; retrying in 375 ms (attempt 2 of 4)"),
                events);
    }

    @Test
    void tooManyRequestsWithRetryAfterOneSecondWaitsOneSecond() throws Exception {
        server.on("/simple/foo/", statuses(new int[] {429}, Map.of("Retry-After", "1")));
        List<Duration> waits = new CopyOnWriteArrayList<>();
        RetryingTransport transport = new RetryingTransport(new JdkHttpTransport(options), RetryPolicy.of(3),
                d -> {
                    waits.add(d);
                    Sleeper.system().sleep(d);
                }, () -> 0.5, Clock.systemUTC(), events::add);
        long start = System.nanoTime();
        HttpTransport.Response r = transport.get(server.url("/simple/foo/"), Map.of());
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(200, r.status());
        assertEquals(List.of(Duration.ofSeconds(1)), waits);
        assertTrue(ms >= 1000, "took " + ms + " ms");
        assertEquals(2, server.count("/simple/foo/"));
        assertEquals(List.of(server.url("/simple/foo/")
                + ": HTTP status 429 with Retry-After; retrying in 1000 ms (attempt 2 of 4)"), events);
    }

    @Test
    void retryAfterAsHttpDateIsHonoured() throws Exception {
        server.on("/simple/foo/", statuses(new int[] {503}, Map.of("Retry-After", "Sun, 22 Nov 2026 10:00:07 GMT")));
        assertEquals(200, transport(RetryPolicy.of(3)).get(server.url("/simple/foo/"), Map.of()).status());
        assertEquals(List.of(Duration.ofSeconds(7)), slept);
    }

    @Test
    void retryAfterIsCappedAndUnreadableRetryAfterFallsBackToBackoff() throws Exception {
        server.on("/a/", statuses(new int[] {503}, Map.of("Retry-After", "3600")));
        server.on("/b/", statuses(new int[] {503}, Map.of("Retry-After", "soon")));
        RetryPolicy policy = new RetryPolicy(2, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(20));
        transport(policy).get(server.url("/a/"), Map.of());
        transport(policy).get(server.url("/b/"), Map.of());
        assertEquals(List.of(Duration.ofSeconds(20), Duration.ofMillis(75)), slept);
    }

    @Test
    void exhaustedRetriesReportTheStatusUrlAndAttempts() {
        server.on("/simple/foo/", statuses(new int[] {503, 503, 502, 500, 503}, Map.of()));
        TransportException e = assertThrows(TransportException.class,
                () -> transport(RetryPolicy.of(3)).get(server.url("/simple/foo/"), Map.of()));
        assertEquals(TransportException.Kind.RETRIES_EXHAUSTED, e.kind());
        assertEquals("HTTP status 500 from " + server.url("/simple/foo/") + " (4 attempts)", e.getMessage());
        assertEquals(4, server.count("/simple/foo/"));
        // exponential: 500, 1000, 2000 ms, each scaled by the jitter factor 0.75
        assertEquals(List.of(Duration.ofMillis(375), Duration.ofMillis(750), Duration.ofMillis(1500)), slept);
    }

    @Test
    void exhaustedRetriesOnTheIndexAreAFailedProjectWithTheStatus() {
        server.on("/simple/foo/", statuses(new int[] {503, 503}, Map.of()));
        HttpIndexClient client = new HttpIndexClient(server.url("/simple/"), transport(RetryPolicy.of(1)), options);
        ProjectResult.Failed failed = assertInstanceOf(ProjectResult.Failed.class, client.fetchProject("foo"));
        assertEquals("HTTP status 503 from " + server.url("/simple/foo/") + " (2 attempts)", failed.reason());
        assertEquals(2, server.count("/simple/foo/"));
    }

    @Test
    void withoutRetriesTheResponseIsReturnedAsItIs() throws Exception {
        server.on("/simple/foo/", statuses(new int[] {503}, Map.of()));
        HttpTransport.Response r = transport(RetryPolicy.of(0)).get(server.url("/simple/foo/"), Map.of());
        assertEquals(503, r.status());
        assertEquals(List.of(), slept);
    }

    @Test
    void clientErrorsAndNotImplementedAreNotRetried() throws Exception {
        server.on("/gone/", TestServer.respond(404, "text/plain", "no"));
        server.on("/odd/", TestServer.respond(501, "text/plain", "no"));
        server.on("/auth/", TestServer.respond(403, "text/plain", "no"));
        RetryingTransport transport = transport(RetryPolicy.of(3));
        assertEquals(404, transport.get(server.url("/gone/"), Map.of()).status());
        assertEquals(501, transport.get(server.url("/odd/"), Map.of()).status());
        assertEquals(403, transport.get(server.url("/auth/"), Map.of()).status());
        assertEquals(3, server.requests.size());
        assertEquals(List.of(), slept);
    }

    @Test
    void connectionFailuresAreRetriedAndThenReportedWithTheAttempts() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        URI url = URI.create("http://127.0.0.1:" + port + "/simple/foo/");
        TransportException e = assertThrows(TransportException.class,
                () -> transport(RetryPolicy.of(2)).get(url, Map.of()));
        assertEquals(TransportException.Kind.IO, e.kind());
        assertEquals("cannot connect to " + url + ": connection refused or unreachable (3 attempts)", e.getMessage());
        assertEquals(2, slept.size());
    }

    @Test
    void oversizeBodyIsRejectedWithoutRetryNamingTheUrlWithoutCredentials() {
        server.on("/simple/foo/", TestServer.respond(200, "text/html", PAGE + " ".repeat(3 * 1024 * 1024)));
        URI withSecret = URI.create(server.url("/simple/foo/").toString().replace("http://", "http://user:s3cret@"));
        RetryingTransport transport = new RetryingTransport(new JdkHttpTransport(options.withMaxBytes(2 * 1024 * 1024)),
                RetryPolicy.of(3), slept::add, () -> 0.5, Clock.systemUTC(), events::add);
        TransportException e = assertThrows(TransportException.class, () -> transport.get(withSecret, Map.of()));
        assertEquals(TransportException.Kind.TOO_LARGE, e.kind());
        assertEquals("response from " + server.url("/simple/foo/") + " exceeds the size limit of 2 MiB", e.getMessage());
        assertEquals(1, server.count("/simple/foo/"));
        assertEquals(List.of(), slept);
    }

    @Test
    void backoffDoublesUpToTheMaximumAndJitterScalesItBetweenHalfAndWhole() {
        RetryPolicy p = new RetryPolicy(10, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(60));
        assertEquals(List.of(500L, 1000L, 2000L, 4000L, 8000L, 8000L),
                java.util.stream.IntStream.rangeClosed(1, 6).mapToObj(i -> p.backoff(i, 0.999999).toMillis()).toList());
        assertEquals(250, p.backoff(1, 0.0).toMillis());
        assertEquals(4000, p.backoff(7, 0.0).toMillis());
    }

    @Test
    void retryAfterParsing() {
        assertEquals(Optional.of(Duration.ofSeconds(120)), RetryingTransport.parseRetryAfter(" 120 ", NOW));
        assertEquals(Optional.of(Duration.ZERO),
                RetryingTransport.parseRetryAfter("Sun, 22 Nov 2026 09:00:00 GMT", NOW));
        assertEquals(Optional.empty(), RetryingTransport.parseRetryAfter("-1", NOW));
        assertEquals(Optional.empty(), RetryingTransport.parseRetryAfter("", NOW));
    }

    @Test
    void retryableStatusesAre429AndEvery5xxBut501And505() {
        List<Integer> expected = new java.util.ArrayList<>(List.of(429, 500));
        java.util.stream.IntStream.rangeClosed(502, 599).filter(s -> s != 505).forEach(expected::add);
        assertEquals(expected, java.util.stream.IntStream.range(100, 700).filter(RetryPolicy::retryableStatus)
                .boxed().toList());
    }
}
