package io.github.smvm.testing;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A forwarding HTTP proxy on loopback, as small as a proxy can be: absolute-form requests
 * ({@code GET http://host:port/path HTTP/1.1}) are sent on to their origin with the {@code Proxy-*} headers
 * removed, one request per connection; {@code CONNECT host:port} opens a tunnel. With credentials set, a
 * request without the matching {@code Proxy-Authorization: Basic} is answered 407 with
 * {@code Proxy-Authenticate: Basic}. Every request is recorded with its headers (names lower-case).
 */
public final class TestProxy implements Closeable {

    /** One request the proxy received. */
    public record Request(String method, String target, Map<String, String> headers, boolean authorized) {
    }

    private final ServerSocket server;
    private final String expected;
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    /** A proxy that wants no credentials. */
    public TestProxy() {
        this(null, null);
    }

    /** A proxy that wants {@code user} and {@code password} as Basic proxy credentials. */
    public TestProxy(String user, String password) {
        expected = user == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "test-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread t = new Thread(() -> handle(client), "test-proxy-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void handle(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            List<String> head = readHead(in);
            if (head.isEmpty()) {
                return;
            }
            String[] line = head.get(0).split(" ");
            Map<String, String> headers = new LinkedHashMap<>();
            for (String h : head.subList(1, head.size())) {
                int colon = h.indexOf(':');
                headers.put(h.substring(0, colon).strip().toLowerCase(Locale.ROOT), h.substring(colon + 1).strip());
            }
            boolean authorized = expected == null || expected.equals(headers.get("proxy-authorization"));
            requests.add(new Request(line[0], line[1], headers, authorized));
            if (!authorized) {
                out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test-proxy\"\r\n"
                        + "Content-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                return;
            }
            if (line[0].equals("CONNECT")) {
                String[] hostPort = line[1].split(":");
                try (Socket origin = new Socket(hostPort[0], Integer.parseInt(hostPort[1]))) {
                    out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    Thread up = new Thread(() -> copy(in, origin), "test-proxy-tunnel");
                    up.setDaemon(true);
                    up.start();
                    origin.getInputStream().transferTo(out);
                }
                return;
            }
            URI target = URI.create(line[1]);
            try (Socket origin = new Socket(target.getHost(), target.getPort() == -1 ? 80 : target.getPort())) {
                StringBuilder request = new StringBuilder(line[0] + " " + target.getRawPath()
                        + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()) + " HTTP/1.1\r\n");
                headers.forEach((name, value) -> {
                    if (!name.startsWith("proxy-") && !name.equals("connection")) {
                        request.append(name).append(": ").append(value).append("\r\n");
                    }
                });
                request.append("connection: close\r\n\r\n");
                origin.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
                origin.getOutputStream().flush();
                InputStream response = origin.getInputStream();
                List<String> responseHead = readHead(response);
                StringBuilder forwarded = new StringBuilder();
                for (String h : responseHead) {
                    if (!h.toLowerCase(Locale.ROOT).startsWith("connection:")) {
                        forwarded.append(h).append("\r\n");
                    }
                }
                forwarded.append("Connection: close\r\n\r\n");
                out.write(forwarded.toString().getBytes(StandardCharsets.ISO_8859_1));
                response.transferTo(out);
                out.flush();
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void copy(InputStream in, Socket origin) {
        try {
            in.transferTo(origin.getOutputStream());
            origin.shutdownOutput();
        } catch (IOException e) {
            // either side closed
        }
    }

    /** The request or status line and the header lines, up to the empty line. */
    private static List<String> readHead(InputStream in) throws IOException {
        List<String> lines = new java.util.ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1).replaceFirst("\r$", "");
                if (text.isEmpty()) {
                    return lines;
                }
                lines.add(text);
                line.reset();
            } else {
                line.write(b);
            }
        }
        return lines;
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing
        }
    }
}
