package io.github.smvm.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A loopback HTTP server for an index tree written by {@link TestIndex#writeTo}: {@code /simple/<project>/}
 * answers the project's {@code index.html}, {@code /simple/<project>/<file>} the file, anything else (or
 * outside the tree) 404. A test puts a {@link Gate} in front, to record each request and to answer some
 * itself (a 401 without credentials, a redirect to another origin).
 */
public final class TreeIndexServer implements AutoCloseable {

    /** Looks at each request first. */
    @FunctionalInterface
    public interface Gate {
        /** @return true when the gate has answered the request itself (it is then not served from the tree) */
        boolean answered(HttpExchange exchange, String path) throws IOException;
    }

    private final HttpServer server;
    private final Path root;

    private TreeIndexServer(Path root, Gate gate) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.createContext("/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                if (!gate.answered(exchange, path)) {
                    serve(exchange, path);
                }
            }
        });
        server.start();
    }

    /** Serves {@code root} behind {@code gate}; close it when done. */
    public static TreeIndexServer start(Path root, Gate gate) {
        try {
            return new TreeIndexServer(root, gate);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:PORT/simple/}. */
    public String simpleUrl() {
        return "http://127.0.0.1:" + port() + "/simple/";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void serve(HttpExchange exchange, String path) throws IOException {
        if (!path.startsWith("/simple/")) {
            exchange.sendResponseHeaders(404, -1);
            return;
        }
        Path file = root.resolve(path.substring("/simple/".length()));
        if (path.endsWith("/")) {
            file = file.resolve("index.html");
        }
        if (!file.normalize().startsWith(root) || !Files.isRegularFile(file)) {
            exchange.sendResponseHeaders(404, -1);
            return;
        }
        byte[] body = Files.readAllBytes(file);
        exchange.getResponseHeaders().set("Content-Type", path.endsWith("/") ? "text/html" : "application/octet-stream");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
