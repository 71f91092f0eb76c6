package io.github.smvm.assess;

import io.github.smvm.index.RetryPolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * How the assessment talks to indexes.
 *
 * @param httpTimeout the deadline of one HTTP request (connection, headers and body)
 * @param concurrency index and metadata requests in flight at once
 * @param retry when a failed request is tried again
 * @param maxResponseBytes the largest response body accepted
 */
public record NetworkSettings(Duration httpTimeout, int concurrency, RetryPolicy retry, long maxResponseBytes) {

    public static final long DEFAULT_MAX_RESPONSE_MIB = 64;

    public NetworkSettings {
        Objects.requireNonNull(httpTimeout, "httpTimeout");
        Objects.requireNonNull(retry, "retry");
        if (concurrency < 1) {
            throw new InvalidConfigurationException("concurrency",
                    concurrency + " is not a valid number of parallel requests: use 1 or more (default 8)", null);
        }
        if (httpTimeout.isZero() || httpTimeout.isNegative()) {
            throw new InvalidConfigurationException("httpTimeout",
                    httpTimeout.toSeconds() + " is not a positive number of seconds (default 30)", null);
        }
        if (maxResponseBytes <= 0) {
            throw new InvalidConfigurationException("maxResponseSize", "the size limit must be positive (in MiB, default "
                    + DEFAULT_MAX_RESPONSE_MIB + ")", null);
        }
    }

    /**
     * The goals' parameters as settings.
     *
     * @param retries further attempts after the first
     * @param maxResponseMib the size cap in MiB
     * @throws InvalidConfigurationException naming the parameter that is out of range
     */
    public static NetworkSettings of(int httpTimeoutSeconds, int concurrency, int retries, long maxResponseMib) {
        if (retries < 0) {
            throw new InvalidConfigurationException("retries", retries
                    + " is not a number of retries: use 0 or more (default " + RetryPolicy.DEFAULT_RETRIES + ")", null);
        }
        if (maxResponseMib <= 0 || maxResponseMib > Long.MAX_VALUE / (1024 * 1024)) {
            throw new InvalidConfigurationException("maxResponseSize", maxResponseMib
                    + " is not a usable size in MiB: use 1 or more (default " + DEFAULT_MAX_RESPONSE_MIB + ")", null);
        }
        return new NetworkSettings(Duration.ofSeconds(httpTimeoutSeconds), concurrency, RetryPolicy.of(retries),
                maxResponseMib * 1024 * 1024);
    }

    public static NetworkSettings defaults() {
        return of(30, 8, RetryPolicy.DEFAULT_RETRIES, DEFAULT_MAX_RESPONSE_MIB);
    }
}
