package io.github.smvm.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a plain-http request that goes directly to its server (read with {@code HttpURLConnection}, not the
 * {@code HttpClient}) must give as the {@code HttpClient} does; faults, redirects, caps and credentials over
 * plain http are tested with the index, cache, retry and credential tests.
 */
class DirectHttpTransportTest {

    private HttpServer server;
    private final AtomicReference<Map<String, List<String>>> received = new AtomicReference<>();
    private final JdkHttpTransport transport =
            new JdkHttpTransport(IndexOptions.defaults().withTimeout(Duration.ofSeconds(10)));

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/repeated", exchange -> {
            received.set(Map.copyOf(exchange.getRequestHeaders()));
            exchange.getResponseHeaders().add("Link", "<a>; rel=first");
            exchange.getResponseHeaders().add("Link", "<b>; rel=second");
            exchange.getResponseHeaders().add("Link", "<c>; rel=third");
            byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/not-modified", exchange -> {
            // a 304 may repeat the Content-Length of the full response (RFC 9110, 8.6): it still has no body
            exchange.getResponseHeaders().add("Content-Length", "1234");
            exchange.getResponseHeaders().add("ETag", "\"v1\"");
            exchange.sendResponseHeaders(304, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Test
    void repeatedResponseHeadersKeepTheirOrderAndNamesAnyCase() throws Exception {
        HttpTransport.Response r = transport.get(url("/repeated"), Map.of());
        assertEquals(200, r.status());
        assertArrayEquals("ok".getBytes(StandardCharsets.UTF_8), r.body());
        assertEquals(List.of("<a>; rel=first", "<b>; rel=second", "<c>; rel=third"), r.headers().get("link"));
        assertEquals("<a>; rel=first", r.header("LINK").orElseThrow());
    }

    @Test
    void theRequestCarriesTheCallersHeadersAndAcceptsAnythingByDefault() throws Exception {
        transport.get(url("/repeated"), Map.of("X-Trace", "t1"));
        assertEquals(List.of("*/*"), received.get().get("Accept"));
        assertEquals(List.of("gzip"), received.get().get("Accept-encoding"));
        assertEquals(List.of("t1"), received.get().get("X-trace"));

        transport.get(url("/repeated"), Map.of("Accept", "text/html"));
        assertEquals(List.of("text/html"), received.get().get("Accept"));
    }

    @Test
    void aNotModifiedAnswerHasNoBodyWhateverItsContentLength() throws Exception {
        HttpTransport.Response r = transport.get(url("/not-modified"), Map.of("If-None-Match", "\"v1\""));
        assertEquals(304, r.status());
        assertEquals(0, r.body().length);
        assertEquals("\"v1\"", r.header("ETag").orElseThrow());
    }

    @Test
    void aHeaderValueThatIsNotValidHttpFailsWithoutQuotingTheValue() {
        TransportException e = assertThrows(TransportException.class,
                () -> transport.get(url("/repeated"), Map.of("X-Api-Key", "s3cr3t\r\nInjected: yes")));
        assertEquals(TransportException.Kind.INVALID_URL, e.kind());
        assertEquals("cannot request " + url("/repeated") + ": the value of its X-Api-Key header is not valid in "
                + "HTTP (a line break?)", e.getMessage());
        assertFalse(e.getMessage().contains("s3cr3t"));
    }

    /**
     * A server that answers every connection with {@code head} at once and then one byte of {@code trickle}
     * every 100 ms (each read of the client's therefore gets something well within its socket timeout).
     */
    private static ServerSocket trickling(String head, String trickle) throws IOException {
        ServerSocket socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(() -> {
            while (!socket.isClosed()) {
                try (Socket s = socket.accept(); OutputStream out = s.getOutputStream()) {
                    s.getInputStream().read(new byte[8192]); // the request
                    out.write(head.getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    for (byte b : trickle.getBytes(StandardCharsets.US_ASCII)) {
                        Thread.sleep(100);
                        out.write(b);
                        out.flush();
                    }
                } catch (IOException | InterruptedException e) {
                    // the client gave up, or the test is over
                }
            }
        }, "trickling-server");
        thread.setDaemon(true);
        thread.start();
        return socket;
    }

    /**
     * Asserts that a 1 s request to a server trickling {@code trickle} after {@code head} (10 s and more of it)
     * times out well before the server is done: {@code HttpURLConnection}'s own timeouts bound each read only.
     */
    private static void cutOffAtOneSecond(String head, String trickle) throws Exception {
        try (ServerSocket slow = trickling(head, trickle)) {
            JdkHttpTransport oneSecond = new JdkHttpTransport(IndexOptions.defaults().withTimeout(Duration.ofSeconds(1)));
            URI url = URI.create("http://127.0.0.1:" + slow.getLocalPort() + "/simple/slow/");
            long start = System.nanoTime();
            TransportException e = assertThrows(TransportException.class, () -> oneSecond.get(url, Map.of()));
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertEquals(TransportException.Kind.TIMEOUT, e.kind(), e.getMessage());
            assertEquals("request to " + url + " timed out after 1000 ms", e.getMessage());
            assertEquals(true, ms < 5000, "took " + ms + " ms; the server would have trickled for "
                    + trickle.length() / 10 + " s");
        }
    }

    @Test
    void aServerTricklingItsHeadersIsCutOffAtTheTimeout() throws Exception {
        cutOffAtOneSecond("HTTP/1.1 200 OK\r\n", "X-Slow: " + "a".repeat(100) + "\r\n\r\n");
    }

    @Test
    void aServerTricklingItsBodyIsCutOffAtTheTimeout() throws Exception {
        cutOffAtOneSecond("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n", "b".repeat(100));
    }
}
