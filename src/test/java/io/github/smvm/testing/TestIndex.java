package io.github.smvm.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A package index described in test code: projects and their files, written out as a {@code file://}
 * PEP 503 tree or served on loopback as PEP 503 HTML or PEP 691 JSON.
 *
 * <pre>{@code
 * TestIndex index = new TestIndex()
 *     .wheel("demo", "1.0", "demo-1.0-py3-none-any.whl")
 *     .wheel("demo", "2.0", "demo-2.0-cp312-cp312-manylinux_2_28_x86_64.whl", f -> f.yanked("broken"));
 * }</pre>
 */
public final class TestIndex {

    /** One file of a project. */
    public static final class File {
        final String filename;
        final byte[] content;
        String requiresPython;
        String yankedReason;
        boolean yanked;

        File(String filename, byte[] content) {
            this.filename = filename;
            this.content = content;
        }

        public File requiresPython(String specifier) {
            this.requiresPython = specifier;
            return this;
        }

        public File yanked(String reason) {
            this.yanked = true;
            this.yankedReason = reason;
            return this;
        }
    }

    /** How a served index answers. */
    public enum Format { HTML, JSON }

    private final Map<String, List<File>> projects = new LinkedHashMap<>();

    public static String normalize(String name) {
        return name.replaceAll("[-_.]+", "-").toLowerCase(Locale.ROOT);
    }

    /** Adds a wheel built by {@link TestWheels} with the given metadata. */
    public File wheel(String project, String version, String filename, String requiresPython, List<String> requiresDist) {
        File file = new File(filename, TestWheels.wheel(filename, project, version, requiresPython, requiresDist));
        projects.computeIfAbsent(normalize(project), k -> new ArrayList<>()).add(file);
        return file;
    }

    public File wheel(String project, String version, String filename) {
        return wheel(project, version, filename, null, List.of());
    }

    /** Adds a file with the given bytes, e.g. a wheel built with a module of its own. */
    public File file(String project, String filename, byte[] content) {
        File file = new File(filename, content);
        projects.computeIfAbsent(normalize(project), k -> new ArrayList<>()).add(file);
        return file;
    }

    public File sdist(String project, String version, String filename) {
        File file = new File(filename, TestWheels.sdist(project, version));
        projects.computeIfAbsent(normalize(project), k -> new ArrayList<>()).add(file);
        return file;
    }

    /** Writes {@code <root>/<project>/index.html} pages and the files beside them; returns the root URI. */
    public URI writeTo(Path root) {
        try {
            Files.createDirectories(root);
            StringBuilder rootPage = new StringBuilder("<!DOCTYPE html>\n<html><body>\n");
            for (Map.Entry<String, List<File>> project : projects.entrySet()) {
                Path dir = Files.createDirectories(root.resolve(project.getKey()));
                for (File file : project.getValue()) {
                    Files.write(dir.resolve(file.filename), file.content);
                }
                Files.writeString(dir.resolve("index.html"), html(project.getValue()));
                rootPage.append("<a href=\"").append(project.getKey()).append("/\">").append(project.getKey())
                        .append("</a>\n");
            }
            Files.writeString(root.resolve("index.html"), rootPage.append("</body></html>\n"));
            return root.toUri();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a loopback server; close it with {@link Served#close()}. */
    public Served serve(Format format) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            Served served = new Served(server, "http");
            server.createContext("/", exchange -> served.handle(exchange, format));
            server.start();
            return served;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a loopback HTTPS server presenting the certificate of {@code tls} (see {@link TestCertificates}). */
    public Served serveHttps(Format format, javax.net.ssl.SSLContext tls) {
        try {
            com.sun.net.httpserver.HttpsServer server = com.sun.net.httpserver.HttpsServer.create(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setHttpsConfigurator(new com.sun.net.httpserver.HttpsConfigurator(tls));
            Served served = new Served(server, "https");
            server.createContext("/", exchange -> served.handle(exchange, format));
            server.start();
            return served;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String html(List<File> files) {
        StringBuilder page = new StringBuilder("<!DOCTYPE html>\n<html><body>\n");
        for (File file : files) {
            page.append("<a href=\"").append(file.filename).append("#sha256=")
                    .append(TestWheels.sha256Hex(file.content)).append('"');
            if (file.requiresPython != null) {
                page.append(" data-requires-python=\"").append(escape(file.requiresPython)).append('"');
            }
            if (file.yanked) {
                page.append(" data-yanked=\"").append(escape(file.yankedReason == null ? "" : file.yankedReason))
                        .append('"');
            }
            page.append('>').append(file.filename).append("</a>\n");
        }
        return page.append("</body></html>\n").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** A running loopback index. */
    public final class Served implements AutoCloseable {
        private final HttpServer server;
        private final String scheme;
        private final AtomicInteger pageRequests = new AtomicInteger();

        Served(HttpServer server, String scheme) {
            this.server = server;
            this.scheme = scheme;
        }

        /** The simple-API root, e.g. {@code http://127.0.0.1:PORT/simple/}. */
        public URI simpleUrl() {
            return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort() + "/simple/");
        }

        /** The server's port. */
        public int port() {
            return server.getAddress().getPort();
        }

        /** How many project pages were asked for. */
        public int pageRequests() {
            return pageRequests.get();
        }

        void handle(HttpExchange exchange, Format format) throws IOException {
            String path = exchange.getRequestURI().getPath();
            // one request per connection: on a kept-alive connection the JDK server's separate writes of
            // headers and body meet the client's delayed ACK (Nagle), about 40 ms per request
            exchange.getResponseHeaders().add("Connection", "close");
            try (exchange) {
                if (path.startsWith("/simple/")) {
                    String name = path.substring("/simple/".length()).replaceAll("/+$", "");
                    String normalized = normalize(name);
                    if (!normalized.equals(name)) {
                        exchange.getResponseHeaders().add("Location", "/simple/" + normalized + "/");
                        exchange.sendResponseHeaders(301, -1);
                        return;
                    }
                    List<File> files = projects.get(normalized);
                    if (files == null) {
                        exchange.sendResponseHeaders(404, -1);
                        return;
                    }
                    pageRequests.incrementAndGet();
                    byte[] body;
                    if (format == Format.JSON) {
                        exchange.getResponseHeaders().add("Content-Type", "application/vnd.pypi.simple.v1+json");
                        body = json(normalized, files).getBytes(StandardCharsets.UTF_8);
                    } else {
                        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                        body = html(files).replace("href=\"", "href=\"/files/" + normalized + "/")
                                .getBytes(StandardCharsets.UTF_8);
                    }
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                    return;
                }
                if (path.startsWith("/files/")) {
                    String[] parts = path.substring("/files/".length()).split("/", 2);
                    for (File file : projects.getOrDefault(parts[0], List.of())) {
                        if (parts.length == 2 && file.filename.equals(parts[1])) {
                            exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
                            exchange.sendResponseHeaders(200, file.content.length);
                            exchange.getResponseBody().write(file.content);
                            return;
                        }
                    }
                }
                exchange.sendResponseHeaders(404, -1);
            }
        }

        private String json(String project, List<File> files) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode root = mapper.createObjectNode();
            root.putObject("meta").put("api-version", "1.1");
            root.put("name", project);
            ArrayNode list = root.putArray("files");
            for (File file : files) {
                ObjectNode node = list.addObject();
                node.put("filename", file.filename);
                node.put("url", "/files/" + project + "/" + file.filename);
                node.putObject("hashes").put("sha256", TestWheels.sha256Hex(file.content));
                if (file.requiresPython != null) {
                    node.put("requires-python", file.requiresPython);
                }
                if (file.yanked) {
                    if (file.yankedReason == null || file.yankedReason.isEmpty()) {
                        node.put("yanked", true);
                    } else {
                        node.put("yanked", file.yankedReason);
                    }
                }
            }
            return root.toString();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
