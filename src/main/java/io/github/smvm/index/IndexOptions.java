package io.github.smvm.index;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits for reading indexes.
 *
 * @param timeout per-request deadline, covering connection, headers and body (default 30 s)
 * @param maxBytes largest response body accepted, after gzip decoding too (default 64 MiB)
 * @param maxInFlight most project pages fetched at the same time by one client (default 8)
 * @param maxRedirects most redirects followed for one request (default 10)
 */
public record IndexOptions(Duration timeout, long maxBytes, int maxInFlight, int maxRedirects) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;
    public static final int DEFAULT_MAX_IN_FLIGHT = 8;
    public static final int DEFAULT_MAX_REDIRECTS = 10;

    public IndexOptions {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        if (maxInFlight <= 0) {
            throw new IllegalArgumentException("maxInFlight must be positive");
        }
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("maxRedirects must not be negative");
        }
    }

    public static IndexOptions defaults() {
        return new IndexOptions(DEFAULT_TIMEOUT, DEFAULT_MAX_BYTES, DEFAULT_MAX_IN_FLIGHT, DEFAULT_MAX_REDIRECTS);
    }

    /** The size cap for messages: {@code 64 MiB} when a whole number of MiB, else {@code 1000 bytes}. */
    public String describeMaxBytes() {
        long mib = 1024L * 1024;
        return maxBytes % mib == 0 ? maxBytes / mib + " MiB" : maxBytes + " bytes";
    }

    public IndexOptions withTimeout(Duration t) {
        return new IndexOptions(t, maxBytes, maxInFlight, maxRedirects);
    }

    public IndexOptions withMaxBytes(long b) {
        return new IndexOptions(timeout, b, maxInFlight, maxRedirects);
    }

    public IndexOptions withMaxInFlight(int n) {
        return new IndexOptions(timeout, maxBytes, n, maxRedirects);
    }

    public IndexOptions withMaxRedirects(int n) {
        return new IndexOptions(timeout, maxBytes, maxInFlight, n);
    }
}
