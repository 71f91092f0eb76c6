package io.github.smvm.index;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP side effect: one GET, redirects followed, body read within the size cap and timeout.
 * Implemented by {@link JdkHttpTransport}; tests may substitute their own.
 */
public interface HttpTransport {

    /**
     * GETs {@code url} with the given request headers, following redirects.
     *
     * @return the final response, whatever its status (redirects are followed, not returned)
     * @throws TransportException on timeout, connection failure, oversize body, redirect loop...
     */
    Response get(URI url, Map<String, String> headers) throws TransportException;

    /**
     * A response.
     *
     * @param finalUrl the URL after redirects (user-info removed)
     * @param status HTTP status
     * @param headers response headers (names compared case-insensitively by {@link #header})
     * @param body the body, decoded from gzip if the transport asked for gzip
     */
    record Response(URI finalUrl, int status, Map<String, List<String>> headers, byte[] body) {

        public Optional<String> header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                    return Optional.of(e.getValue().get(0));
                }
            }
            return Optional.empty();
        }

        /** The media type of Content-Type, lower-case, without parameters; empty if absent. */
        public String mediaType() {
            String ct = header("Content-Type").orElse("");
            int semi = ct.indexOf(';');
            return (semi >= 0 ? ct.substring(0, semi) : ct).strip().toLowerCase(Locale.ROOT);
        }

        /** The {@code charset} parameter of Content-Type, if any. */
        public Optional<String> charset() {
            String ct = header("Content-Type").orElse("");
            for (String part : ct.split(";")) {
                String p = part.strip();
                if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                    String v = p.substring("charset=".length()).strip();
                    if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                        v = v.substring(1, v.length() - 1);
                    }
                    return v.isEmpty() ? Optional.empty() : Optional.of(v);
                }
            }
            return Optional.empty();
        }

        public boolean isSuccess() {
            return status >= 200 && status < 300;
        }
    }
}
