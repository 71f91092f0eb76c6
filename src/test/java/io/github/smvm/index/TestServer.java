package io.github.smvm.index;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A loopback HTTP server for tests, recording every request. */
final class TestServer implements AutoCloseable {

    interface Handler {
        void handle(HttpExchange exchange) throws Exception;
    }

    record Request(String method, String path, Headers headers) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Handler> handlers = new ConcurrentHashMap<>();
    final List<Request> requests = new CopyOnWriteArrayList<>();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();

    TestServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
        server.start();
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    TestServer on(String path, Handler handler) {
        handlers.put(path, handler);
        return this;
    }

    long count(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).count();
    }

    private void dispatch(HttpExchange ex) throws IOException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
            requests.add(new Request(ex.getRequestMethod(), ex.getRequestURI().getRawPath(), ex.getRequestHeaders()));
            Handler h = handlers.get(ex.getRequestURI().getRawPath());
            if (h == null) {
                send(ex, 404, "text/plain", "not found");
            } else {
                h.handle(ex);
            }
        } catch (Exception e) {
            // client went away (timeouts, size caps): nothing to do
        } finally {
            inFlight.decrementAndGet();
            ex.close();
        }
    }

    static void send(HttpExchange ex, int status, String contentType, String body) throws IOException {
        send(ex, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            ex.getResponseHeaders().set("Content-Type", contentType);
        }
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    static Handler respond(int status, String contentType, String body) {
        return ex -> send(ex, status, contentType, body);
    }

    static Handler redirect(int status, String location) {
        return ex -> {
            ex.getResponseHeaders().set("Location", location);
            ex.sendResponseHeaders(status, -1);
        };
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
