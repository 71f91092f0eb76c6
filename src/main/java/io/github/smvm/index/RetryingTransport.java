package io.github.smvm.index;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;

/**
 * An {@link HttpTransport} that tries a request again, as {@link RetryPolicy} says, after a
 * connection failure, a timeout, 429 or 5xx. A 429/5xx that is still there after the last attempt
 * becomes a {@link TransportException} of kind {@link TransportException.Kind#RETRIES_EXHAUSTED}
 * naming the status, the URL (without credentials) and the number of attempts; a connection failure
 * keeps its kind and message, with the number of attempts added. Every other response is returned as
 * it is.
 *
 * <p>Waits go through a {@link Sleeper} and the jitter comes from a {@link DoubleSupplier}, so that
 * tests are fast and deterministic.
 */
public final class RetryingTransport implements HttpTransport {

    private final HttpTransport delegate;
    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final DoubleSupplier jitter;
    private final Clock clock;
    private final Consumer<String> events;

    /**
     * @param jitter numbers in [0, 1), e.g. {@code ThreadLocalRandom.current()::nextDouble}
     * @param events receives one line per retry (for a debug log)
     */
    public RetryingTransport(HttpTransport delegate, RetryPolicy policy, Sleeper sleeper, DoubleSupplier jitter,
            Clock clock, Consumer<String> events) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.jitter = Objects.requireNonNull(jitter, "jitter");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.events = Objects.requireNonNull(events, "events");
    }

    @Override
    public Response get(URI url, Map<String, String> headers) throws TransportException {
        int attempts = policy.retries() + 1;
        for (int attempt = 1; ; attempt++) {
            Response response;
            try {
                response = delegate.get(url, headers);
            } catch (TransportException e) {
                if (!RetryPolicy.retryable(e.kind())) {
                    throw e;
                }
                if (attempt >= attempts) {
                    if (attempts == 1) {
                        throw e;
                    }
                    throw new TransportException(e.kind(), e.getMessage() + " (" + attempts + " attempts)", e);
                }
                pause(url, attempt, policy.backoff(attempt, jitter.getAsDouble()), e.getMessage());
                continue;
            }
            if (!RetryPolicy.retryableStatus(response.status())) {
                return response;
            }
            if (attempt >= attempts) {
                if (attempts == 1) {
                    return response;
                }
                throw new TransportException(TransportException.Kind.RETRIES_EXHAUSTED, "HTTP status "
                        + response.status() + " from " + Urls.redactSecrets(response.finalUrl()) + " (" + attempts
                        + " attempts)");
            }
            Optional<Duration> serverWait = retryAfter(response);
            pause(url, attempt, serverWait.isPresent() ? serverWait.get()
                    : policy.backoff(attempt, jitter.getAsDouble()), "HTTP status " + response.status()
                            + serverWait.map(d -> " with Retry-After").orElse(""));
        }
    }

    private void pause(URI url, int attempt, Duration wait, String why) throws TransportException {
        events.accept(Urls.redactSecrets(url) + ": " + why + "; retrying in " + wait.toMillis() + " ms (attempt "
                + (attempt + 1) + " of " + (policy.retries() + 1) + ")");
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException(TransportException.Kind.INTERRUPTED, "interrupted while waiting to retry "
                    + Urls.redactSecrets(url));
        }
    }

    /** The response's {@code Retry-After} as a wait, capped; empty when absent or unreadable. */
    Optional<Duration> retryAfter(Response response) {
        Optional<String> header = response.header("Retry-After");
        if (header.isEmpty()) {
            return Optional.empty();
        }
        return parseRetryAfter(header.get(), clock.instant())
                .map(d -> d.compareTo(policy.maxRetryAfter()) > 0 ? policy.maxRetryAfter() : d);
    }

    /** {@code Retry-After} (delay-seconds or HTTP-date) as a wait from {@code now}; never negative. */
    static Optional<Duration> parseRetryAfter(String value, Instant now) {
        String v = value.strip();
        if (v.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(now, at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
