package io.github.smvm.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpIndexClientTest {

    private static final String JSON_PAGE = "{\"meta\":{\"api-version\":\"1.0\"},\"name\":\"foo\",\"files\":["
            + "{\"filename\":\"foo-1.0-py3-none-any.whl\",\"url\":\"../../files/foo-1.0-py3-none-any.whl\","
            + "\"hashes\":{\"sha256\":\"aa\"},\"requires-python\":\">=3.8\"}]}";
    private static final String HTML_PAGE = "<!DOCTYPE html><html><body>"
            + "<a href=\"foo-1.0.tar.gz#sha256=bb\" data-requires-python=\"&gt;=3.7\">foo-1.0.tar.gz</a>"
            + "</body></html>";

    private TestServer server;
    private IndexOptions options;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer();
        options = IndexOptions.defaults().withTimeout(Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpIndexClient client(IndexOptions o) {
        return new HttpIndexClient(server.url("/simple"), new JdkHttpTransport(o), o);
    }

    private HttpIndexClient client() {
        return client(options);
    }

    private static ProjectPage found(ProjectResult r) {
        return assertInstanceOf(ProjectResult.Found.class, r, () -> r.toString()).page();
    }

    private static String failure(ProjectResult r) {
        return assertInstanceOf(ProjectResult.Failed.class, r, () -> r.toString()).reason();
    }

    @Test
    void jsonResponseIsParsedWithJsonParser() {
        server.on("/simple/foo/", TestServer.respond(200, "application/vnd.pypi.simple.v1+json", JSON_PAGE));
        ProjectPage page = found(client().fetchProject("foo"));
        assertEquals("foo", page.project());
        assertEquals(server.url("/simple/foo/"), page.url());
        assertEquals(List.of(new IndexFile("foo-1.0-py3-none-any.whl", server.url("/files/foo-1.0-py3-none-any.whl"),
                Map.of("sha256", "aa"), ">=3.8", false, null, false, Map.of())), page.files());
    }

    @Test
    void htmlResponseIsParsedWithHtmlParser() {
        server.on("/simple/foo/", TestServer.respond(200, "text/html; charset=utf-8", HTML_PAGE));
        ProjectPage page = found(client().fetchProject("foo"));
        assertEquals(List.of(new IndexFile("foo-1.0.tar.gz", server.url("/simple/foo/foo-1.0.tar.gz"),
                Map.of("sha256", "bb"), ">=3.7", false, null, false, Map.of())), page.files());
    }

    @Test
    void pep691HtmlContentTypeIsParsedAsHtml() {
        server.on("/simple/foo/", TestServer.respond(200, "application/vnd.pypi.simple.v1+html", HTML_PAGE));
        assertEquals(1, found(client().fetchProject("foo")).files().size());
    }

    @Test
    void sendsOneAcceptHeaderPreferringJson() {
        server.on("/simple/foo/", TestServer.respond(200, "text/html", HTML_PAGE));
        client().fetchProject("foo");
        TestServer.Request req = server.requests.get(0);
        assertEquals("GET", req.method());
        assertEquals(null, req.headers().get("Upgrade"), "no h2c upgrade on plain http");
        assertEquals(List.of("application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html;q=0.2, "
                + "text/html;q=0.01"), req.headers().get("Accept"));
    }

    @Test
    void requestsTheNormalisedNameWithTrailingSlash() {
        server.on("/simple/foo-bar/", TestServer.respond(200, "text/html", HTML_PAGE));
        ProjectPage page = found(client().fetchProject("Foo_Bar"));
        assertEquals("foo-bar", page.project());
        assertEquals(List.of("/simple/foo-bar/"), server.requests.stream().map(TestServer.Request::path).toList());
    }

    @Test
    void redirectFromNonNormalisedUrlIsFollowedAndLinksResolveAgainstFinalUrl() {
        // the index is configured as /Simple (not canonical); the server redirects to /simple/<name>/
        server.on("/Simple/foo-bar/", TestServer.redirect(301, "/simple/foo-bar/"));
        server.on("/simple/foo-bar/", TestServer.respond(200, "text/html", HTML_PAGE));
        HttpIndexClient c = new HttpIndexClient(server.url("/Simple/"), new JdkHttpTransport(options), options);
        ProjectPage page = found(c.fetchProject("foo-bar"));
        assertEquals(server.url("/simple/foo-bar/"), page.url());
        assertEquals(server.url("/simple/foo-bar/foo-1.0.tar.gz"), page.files().get(0).url());
        assertEquals(2, server.requests.size());
        assertEquals(List.of(HttpIndexClient.ACCEPT), server.requests.get(1).headers().get("Accept"));
    }

    @Test
    void notFoundIs404() {
        ProjectResult r = client().fetchProject("nope");
        assertEquals(new ProjectResult.NotFound(server.url("/simple/nope/")), r);
    }

    @Test
    void serverErrorIsFailedNamingUrlAndStatus() {
        server.on("/simple/foo/", TestServer.respond(500, "text/plain", "boom"));
        assertEquals("HTTP status 500 from " + server.url("/simple/foo/"), failure(client().fetchProject("foo")));
    }

    @Test
    void slowServerTimesOut() {
        server.on("/simple/foo/", ex -> {
            Thread.sleep(3000);
            TestServer.send(ex, 200, "text/html", HTML_PAGE);
        });
        IndexOptions o = options.withTimeout(Duration.ofMillis(300));
        long start = System.nanoTime();
        String reason = failure(client(o).fetchProject("foo"));
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals("request to " + server.url("/simple/foo/") + " timed out after 300 ms", reason);
        assertTrue(ms < 2500, "took " + ms + " ms");
    }

    @Test
    void bodyOverTheSizeCapFails() {
        String big = HTML_PAGE + " ".repeat(5000);
        server.on("/simple/foo/", TestServer.respond(200, "text/html", big));
        assertEquals("response from " + server.url("/simple/foo/") + " exceeds the size limit of 1000 bytes",
                failure(client(options.withMaxBytes(1000)).fetchProject("foo")));
    }

    @Test
    void chunkedBodyOverTheSizeCapFails() {
        server.on("/simple/foo/", ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/html");
            ex.sendResponseHeaders(200, 0); // chunked, no Content-Length
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 100; i++) {
                    out.write(new byte[100]);
                    out.flush();
                }
            }
        });
        assertEquals("response from " + server.url("/simple/foo/") + " exceeds the size limit of 1000 bytes",
                failure(client(options.withMaxBytes(1000)).fetchProject("foo")));
    }

    @Test
    void unexpectedContentTypeFails() {
        server.on("/simple/foo/", TestServer.respond(200, "application/json", "{}"));
        assertEquals("unexpected content type 'application/json' from " + server.url("/simple/foo/")
                + "; expected application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html or text/html",
                failure(client().fetchProject("foo")));
    }

    @Test
    void malformedJsonFailsWithItsPosition() {
        server.on("/simple/foo/", TestServer.respond(200, "application/vnd.pypi.simple.v1+json", "{\"files\": [}"));
        String reason = failure(client().fetchProject("foo"));
        assertTrue(reason.startsWith("malformed JSON page " + server.url("/simple/foo/") + " at line 1, column 12: "),
                reason);
    }

    @Test
    void redirectLoopIsReported() {
        server.on("/simple/foo/", TestServer.redirect(302, "/elsewhere/foo/"));
        server.on("/elsewhere/foo/", TestServer.redirect(302, "/simple/foo/"));
        assertEquals("redirect loop: " + server.url("/simple/foo/") + " -> " + server.url("/elsewhere/foo/") + " -> "
                + server.url("/simple/foo/"), failure(client().fetchProject("foo")));
        assertEquals(2, server.requests.size());
    }

    @Test
    void tooManyRedirectsAreReported() {
        for (int i = 0; i < 5; i++) {
            server.on(i == 0 ? "/simple/foo/" : "/r" + i, TestServer.redirect(307, "/r" + (i + 1)));
        }
        server.on("/r5", TestServer.respond(200, "text/html", HTML_PAGE));
        assertEquals("too many redirects (more than 3) starting at " + server.url("/simple/foo/"),
                failure(client(options.withMaxRedirects(3)).fetchProject("foo")));
        assertEquals(1, found(client(options.withMaxRedirects(5)).fetchProject("foo")).files().size());
    }

    @Test
    void gzipEncodedResponseIsDecoded() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(JSON_PAGE.getBytes(StandardCharsets.UTF_8));
        }
        server.on("/simple/foo/", ex -> {
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            TestServer.send(ex, 200, "application/vnd.pypi.simple.v1+json", bytes.toByteArray());
        });
        assertEquals(1, found(client().fetchProject("foo")).files().size());
        assertEquals(List.of("gzip"), server.requests.get(0).headers().get("Accept-Encoding"));
    }

    @Test
    void credentialsInTheIndexUrlBecomeBasicAuthAndStayOutOfMessages() {
        server.on("/simple/foo/", TestServer.respond(500, "text/plain", "no"));
        URI base = URI.create("http://alice:s3cret@127.0.0.1:" + server.url("/").getPort() + "/simple/");
        HttpIndexClient c = new HttpIndexClient(base, new JdkHttpTransport(options), options);
        ProjectResult r = c.fetchProject("foo");
        String reason = failure(r);
        assertFalse(reason.contains("s3cret") || reason.contains("alice"), reason);
        assertFalse(r.toString().contains("s3cret"), r.toString());
        assertEquals(server.url("/simple/"), c.location());
        assertEquals(List.of("Basic " + Base64.getEncoder().encodeToString("alice:s3cret".getBytes(StandardCharsets.UTF_8))),
                server.requests.get(0).headers().get("Authorization"));
    }

    @Test
    void learntCredentialsGoToTheSameOriginOnlyEvenAcrossRedirects() throws Exception {
        int port = server.url("/").getPort();
        server.on("/simple/foo/", TestServer.respond(200, "text/html", HTML_PAGE));
        server.on("/files/a", TestServer.respond(200, "text/plain", "a"));
        server.on("/files/b", TestServer.redirect(302, "http://localhost:" + port + "/files/c"));
        server.on("/files/c", TestServer.respond(200, "text/plain", "c"));
        JdkHttpTransport transport = new JdkHttpTransport(options);
        URI base = URI.create("http://alice:s3cret@127.0.0.1:" + port + "/simple/");
        new HttpIndexClient(base, transport, options).fetchProject("foo");
        transport.get(server.url("/files/a"), Map.of());
        transport.get(server.url("/files/b"), Map.of());
        String expected = "Basic " + Base64.getEncoder().encodeToString("alice:s3cret".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(expected), server.requests.get(1).headers().get("Authorization"));
        assertEquals(List.of(expected), server.requests.get(2).headers().get("Authorization"));
        assertEquals("/files/c", server.requests.get(3).path());
        assertEquals(null, server.requests.get(3).headers().get("Authorization"), "other origin (localhost)");
        // another transport instance knows nothing
        new JdkHttpTransport(options).get(server.url("/files/a"), Map.of());
        assertEquals(null, server.requests.get(4).headers().get("Authorization"));
    }

    @Test
    void connectionRefusedIsFailed() throws Exception {
        URI dead;
        try (TestServer other = new TestServer()) {
            dead = other.url("/simple/");
        }
        HttpIndexClient c = new HttpIndexClient(dead, new JdkHttpTransport(options), options);
        String reason = failure(c.fetchProject("foo"));
        assertTrue(reason.startsWith("cannot connect to " + dead + "foo/"), reason);
    }

    @Test
    void fetchAllFetchesEachPageOnceUnderConcurrencyWithinTheBound() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String name = "p" + i;
            server.on("/simple/" + name + "/", ex -> {
                Thread.sleep(60);
                TestServer.send(ex, 200, "text/html", HTML_PAGE);
            });
            names.add(name);
            names.add(name.toUpperCase());
            names.add(name);
        }
        HttpIndexClient c = client(options.withMaxInFlight(3));
        List<Map<String, ProjectResult>> results = new ArrayList<>();
        Thread[] threads = new Thread[3];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                Map<String, ProjectResult> m = c.fetchAll(names);
                synchronized (results) {
                    results.add(m);
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        assertEquals(3, results.size());
        for (Map<String, ProjectResult> m : results) {
            assertEquals(12, m.size());
            assertEquals("p0", m.keySet().iterator().next());
            m.values().forEach(r -> assertInstanceOf(ProjectResult.Found.class, r));
        }
        for (int i = 0; i < 12; i++) {
            assertEquals(1, server.count("/simple/p" + i + "/"), "p" + i);
        }
        assertEquals(12, server.requests.size());
        assertTrue(server.maxInFlight.get() <= 3, "max in flight " + server.maxInFlight.get());
        // a later single fetch is served from the cache
        c.fetchProject("P_0".replace("_", ""));
        assertEquals(12, server.requests.size());
    }

    @Test
    void failuresAreCachedToo() {
        server.on("/simple/foo/", TestServer.respond(503, "text/plain", "busy"));
        HttpIndexClient c = client();
        c.fetchProject("foo");
        c.fetchProject("foo");
        assertEquals(1, server.count("/simple/foo/"));
    }

    @Test
    void separateInstancesDoNotShareTheCache() {
        server.on("/simple/foo/", TestServer.respond(200, "text/html", HTML_PAGE));
        client().fetchProject("foo");
        client().fetchProject("foo");
        assertEquals(2, server.count("/simple/foo/"));
    }
}
