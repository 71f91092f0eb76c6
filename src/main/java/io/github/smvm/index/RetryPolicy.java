package io.github.smvm.index;

import java.time.Duration;
import java.util.Objects;

/**
 * When and how long {@link RetryingTransport} waits before trying a request again.
 *
 * <p>A request is tried at most {@code retries + 1} times. It is tried again after a connection
 * failure or timeout, and after a response with status 429 or 5xx (except 501 Not Implemented and
 * 505 HTTP Version Not Supported, which no retry changes). The wait before retry {@code n} (1, 2, …)
 * is {@code min(initialBackoff * 2^(n-1), maxBackoff)} scaled by a jitter factor in [0.5, 1); when
 * the response carries {@code Retry-After} (seconds or an HTTP-date) that wait is used instead,
 * capped at {@code maxRetryAfter}.
 *
 * @param retries further attempts after the first (0 disables retries)
 * @param initialBackoff the wait before the first retry, before jitter
 * @param maxBackoff the longest computed wait, before jitter
 * @param maxRetryAfter the longest wait a server's {@code Retry-After} can impose
 */
public record RetryPolicy(int retries, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

    public static final int DEFAULT_RETRIES = 3;
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(500);
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(8);
    public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(60);

    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        if (retries < 0) {
            throw new IllegalArgumentException(retries + " is not a number of retries: use 0 or more");
        }
        if (initialBackoff.isNegative() || maxBackoff.isNegative() || maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("retry waits must not be negative");
        }
    }

    /** {@code retries} retries with the default waits. */
    public static RetryPolicy of(int retries) {
        return new RetryPolicy(retries, DEFAULT_INITIAL_BACKOFF, DEFAULT_MAX_BACKOFF, DEFAULT_MAX_RETRY_AFTER);
    }

    /** Whether a response with this status is worth another attempt. */
    public static boolean retryableStatus(int status) {
        return status == 429 || (status >= 500 && status <= 599 && status != 501 && status != 505);
    }

    /** Whether a failure without a response is worth another attempt. */
    public static boolean retryable(TransportException.Kind kind) {
        return kind == TransportException.Kind.IO || kind == TransportException.Kind.TIMEOUT;
    }

    /**
     * The computed wait before retry {@code retry} (1 for the first retry).
     *
     * @param jitter a number in [0, 1)
     */
    public Duration backoff(int retry, double jitter) {
        long base = initialBackoff.toMillis();
        long max = maxBackoff.toMillis();
        long wait = base;
        for (int i = 1; i < retry && wait < max; i++) {
            wait *= 2;
        }
        wait = Math.min(wait, max);
        double factor = 0.5 + 0.5 * Math.min(Math.max(jitter, 0.0), 1.0);
        return Duration.ofMillis(Math.round(wait * factor));
    }
}
