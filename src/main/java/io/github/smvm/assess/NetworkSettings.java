package io.github.smvm.assess;

import io.github.smvm.index.ProxyConfig;
import io.github.smvm.index.RetryPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the assessment talks to indexes.
 *
 * @param httpTimeout the deadline of one HTTP request (connection, headers and body)
 * @param concurrency index and metadata requests in flight at once
 * @param retry when a failed request is tried again
 * @param maxResponseBytes the largest response body accepted
 * @param cacheDirectory where index pages and metadata are cached, or {@code null} for no disk cache
 * @param cacheTtl how long a cached page (or metadata without a file hash) is used before it is revalidated
 * @param offline no request leaves the machine: only {@code file://} sources and the cache (however
 *     old its entries) are used
 * @param proxy the proxies requests go through ({@link ProxyConfig#none()} leaves the choice to the JVM)
 */
public record NetworkSettings(Duration httpTimeout, int concurrency, RetryPolicy retry, long maxResponseBytes,
        Path cacheDirectory, Duration cacheTtl, boolean offline, ProxyConfig proxy) {

    /** Without a proxy of its own. */
    public NetworkSettings(Duration httpTimeout, int concurrency, RetryPolicy retry, long maxResponseBytes,
            Path cacheDirectory, Duration cacheTtl, boolean offline) {
        this(httpTimeout, concurrency, retry, maxResponseBytes, cacheDirectory, cacheTtl, offline, ProxyConfig.none());
    }

    public static final long DEFAULT_MAX_RESPONSE_MIB = 64;
    public static final long DEFAULT_CACHE_TTL_SECONDS = 600;

    public NetworkSettings {
        Objects.requireNonNull(httpTimeout, "httpTimeout");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(cacheTtl, "cacheTtl");
        Objects.requireNonNull(proxy, "proxy");
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
        if (cacheTtl.isNegative()) {
            throw new InvalidConfigurationException("cacheTtl", cacheTtl.toSeconds()
                    + " is not a number of seconds: use 0 (always revalidate) or more (default "
                    + DEFAULT_CACHE_TTL_SECONDS + ")", null);
        }
    }

    /**
     * The goals' parameters as settings.
     *
     * @param retries further attempts after the first
     * @param maxResponseMib the size cap in MiB
     * @param cacheDirectory the disk cache, or {@code null} for none
     * @throws InvalidConfigurationException naming the parameter that is out of range
     */
    public static NetworkSettings of(int httpTimeoutSeconds, int concurrency, int retries, long maxResponseMib,
            Path cacheDirectory, long cacheTtlSeconds, boolean offline) {
        if (retries < 0) {
            throw new InvalidConfigurationException("retries", retries
                    + " is not a number of retries: use 0 or more (default " + RetryPolicy.DEFAULT_RETRIES + ")", null);
        }
        if (maxResponseMib <= 0 || maxResponseMib > Long.MAX_VALUE / (1024 * 1024)) {
            throw new InvalidConfigurationException("maxResponseSize", maxResponseMib
                    + " is not a usable size in MiB: use 1 or more (default " + DEFAULT_MAX_RESPONSE_MIB + ")", null);
        }
        if (cacheTtlSeconds < 0) {
            throw new InvalidConfigurationException("cacheTtl", cacheTtlSeconds
                    + " is not a number of seconds: use 0 (always revalidate) or more (default "
                    + DEFAULT_CACHE_TTL_SECONDS + ")", null);
        }
        return new NetworkSettings(Duration.ofSeconds(httpTimeoutSeconds), concurrency, RetryPolicy.of(retries),
                maxResponseMib * 1024 * 1024, cacheDirectory, Duration.ofSeconds(cacheTtlSeconds), offline);
    }

    /** No disk cache, online. */
    public static NetworkSettings defaults() {
        return of(30, 8, RetryPolicy.DEFAULT_RETRIES, DEFAULT_MAX_RESPONSE_MIB, null, DEFAULT_CACHE_TTL_SECONDS, false);
    }

    public NetworkSettings withCache(Path directory, Duration ttl) {
        return new NetworkSettings(httpTimeout, concurrency, retry, maxResponseBytes, directory, ttl, offline, proxy);
    }

    public NetworkSettings withOffline(boolean value) {
        return new NetworkSettings(httpTimeout, concurrency, retry, maxResponseBytes, cacheDirectory, cacheTtl, value,
                proxy);
    }

    public NetworkSettings withRetry(RetryPolicy value) {
        return new NetworkSettings(httpTimeout, concurrency, value, maxResponseBytes, cacheDirectory, cacheTtl, offline, proxy);
    }

    public NetworkSettings withMaxResponseBytes(long value) {
        return new NetworkSettings(httpTimeout, concurrency, retry, value, cacheDirectory, cacheTtl, offline, proxy);
    }

    public NetworkSettings withProxy(ProxyConfig value) {
        return new NetworkSettings(httpTimeout, concurrency, retry, maxResponseBytes, cacheDirectory, cacheTtl, offline,
                value);
    }
}
