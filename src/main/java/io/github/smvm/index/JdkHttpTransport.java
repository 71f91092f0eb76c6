package io.github.smvm.index;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;

/**
 * {@link HttpTransport} on the JDK's HTTP clients.
 *
 * <p>A plain {@code http} request that goes to its server directly (no proxy) is made with
 * {@link HttpURLConnection}; {@code https} requests and requests through a proxy are made with
 * {@link java.net.http.HttpClient}, which is built on first use. In the cold JVM that a Maven build
 * is, reading the 400 pages and metadata files of a 200-project index took the {@code HttpClient}
 * about 1.0 s of CPU (its asynchronous pipeline runs interpreted at first, and building it sets up
 * the JVM's TLS context, even for an http index) and {@code HttpURLConnection} about 0.25 s. Both
 * paths behave as listed below.
 *
 * <ul>
 *   <li>Redirects (301, 302, 303, 307, 308) are followed here, not by the client, so that loops are
 *       detected and reported with the chain of URLs, and the final URL is known. At most
 *       {@link IndexOptions#maxRedirects()} hops; an https-to-http redirect is refused (as
 *       {@code HttpClient.Redirect.NORMAL} does).
 *   <li>The whole request (connect, headers, body) must finish within {@link IndexOptions#timeout()}.
 *   <li>A body cut short (the connection closed before {@code Content-Length} bytes or the last chunk
 *       arrived) fails as {@link TransportException.Kind#IO} saying the response ended early.
 *   <li>Bodies larger than {@link IndexOptions#maxBytes()} (declared or actual, and after gzip
 *       decoding) fail with {@link TransportException.Kind#TOO_LARGE}.
 *   <li>{@code Accept-Encoding: gzip} is sent unless the caller sends a {@code Range} or its own
 *       {@code Accept-Encoding} header; a gzip body is decoded.
 *   <li>User-info in a URL ({@code https://user:pass@host/}) becomes a Basic Authorization header
 *       for that scheme, host and port. Like pip, the transport remembers it (per instance) and
 *       sends it with later requests to the same origin, such as file downloads from the index's
 *       host; it is never sent to another origin (also not after a redirect) and never put in a
 *       message.
 *   <li>Configured {@link IndexCredentials} (given by index URL) are sent with every request to that
 *       index's origin, also after a redirect back to it, and to no other origin; they take precedence
 *       over user-info for the same origin. Their extra headers ({@link IndexCredentials#headers()}) follow
 *       the same rule.
 *   <li>A request to a host with neither gets the credentials of its {@link Netrc} entry, as pip does
 *       (requests' {@code get_netrc_auth}: by host name, port ignored, {@code default} for other hosts).
 *   <li>HTTPS trusts {@link TlsTrust}'s authorities; an untrusted certificate is a
 *       {@link TransportException.Kind#TLS} failure naming the host, the port and the authorities in use.
 *   <li>A {@link ProxyConfig} decides per URL whether the request goes through a proxy (its non-proxy hosts go
 *       direct). A proxy's credentials are sent as {@code Proxy-Authorization: Basic} with each request that goes
 *       through it, and only then: the JDK sends proxy headers to the proxy alone (never to an origin reached
 *       directly or through a tunnel). For an {@code https} URL the JDK tunnels with {@code CONNECT} and, unless
 *       the JVM runs with {@code -Djdk.http.auth.tunneling.disabledSchemes=} (empty), drops Basic credentials
 *       from the {@code CONNECT}; the proxy's 407 then says so, naming that setting. A 407 is a
 *       {@link TransportException.Kind#PROXY_AUTHENTICATION} failure naming the proxy, a refused connection to
 *       the proxy names the proxy.
 * </ul>
 */
public final class JdkHttpTransport implements HttpTransport {

    /** Built on first use: a build that reads only plain-http indexes directly never needs it. */
    private HttpClient client;
    private final IndexOptions options;
    /** Authorization header by origin ({@code scheme://host:port}), learnt from URLs with user-info. */
    private final java.util.concurrent.ConcurrentHashMap<String, String> credentials =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** Authorization header by origin, configured. */
    private final Map<String, String> configured;
    /** Extra headers by origin, configured. */
    private final Map<String, Map<String, String>> configuredHeaders;
    private final TlsTrust trust;
    private final Netrc netrc;

    private final ProxyConfig proxy;

    public JdkHttpTransport(IndexOptions options) {
        this(options, Map.of());
    }

    /** With the JDK's default authorities and no netrc. */
    public JdkHttpTransport(IndexOptions options, Map<URI, IndexCredentials> credentials) {
        this(options, credentials, TlsTrust.jdkDefaults(), Netrc.empty());
    }

    /**
     * @param credentials credentials by index URL; each applies to its URL's origin (scheme, host, port)
     * @param trust the authorities HTTPS servers' certificates must chain to
     * @param netrc credentials for hosts that have no others
     * @throws IllegalArgumentException when two indexes of one origin have different credentials
     */
    public JdkHttpTransport(IndexOptions options, Map<URI, IndexCredentials> credentials, TlsTrust trust,
            Netrc netrc) {
        this(options, credentials, null, trust, netrc);
    }

    /**
     * @param credentials credentials by index URL; each applies to its URL's origin (scheme, host, port)
     * @param proxy the proxies to use; {@code null} leaves the choice to the JVM's default proxy selector
     * @throws IllegalArgumentException when two indexes of one origin have different credentials
     */
    public JdkHttpTransport(IndexOptions options, Map<URI, IndexCredentials> credentials, ProxyConfig proxy) {
        this(options, credentials, proxy, TlsTrust.jdkDefaults(), Netrc.empty());
    }

    /**
     * @param credentials credentials by index URL; each applies to its URL's origin (scheme, host, port)
     * @param proxy the proxies to use; {@code null} leaves the choice to the JVM's default proxy selector
     * @param trust the authorities HTTPS servers' certificates must chain to
     * @param netrc credentials for hosts that have no others
     * @throws IllegalArgumentException when two indexes of one origin have different credentials
     */
    public JdkHttpTransport(IndexOptions options, Map<URI, IndexCredentials> credentials, ProxyConfig proxy,
            TlsTrust trust, Netrc netrc) {
        this.proxy = proxy;
        this.options = Objects.requireNonNull(options, "options");
        this.trust = Objects.requireNonNull(trust, "trust");
        this.netrc = Objects.requireNonNull(netrc, "netrc");
        Map<String, IndexCredentials> byOrigin = new LinkedHashMap<>();
        credentials.forEach((index, c) -> {
            IndexCredentials previous = byOrigin.put(origin(index), c);
            if (previous != null && !(Objects.equals(previous.authorization(), c.authorization())
                    && previous.headers().equals(c.headers()))) {
                throw new IllegalArgumentException("two indexes on " + Urls.redactSecrets(Urls.withoutUserInfo(index))
                        + "'s host are given different credentials: one origin can have one set only");
            }
        });
        Map<String, String> authorizations = new LinkedHashMap<>();
        Map<String, Map<String, String>> headers = new LinkedHashMap<>();
        byOrigin.forEach((origin, c) -> {
            if (c.hasAuthorization()) {
                authorizations.put(origin, c.authorization());
            }
            if (!c.headers().isEmpty()) {
                headers.put(origin, c.headers());
            }
        });
        this.configured = Map.copyOf(authorizations);
        this.configuredHeaders = Map.copyOf(headers);
    }

    private synchronized HttpClient client() {
        if (client == null) {
            HttpClient.Builder builder = HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(options.timeout());
            if (trust.bundle() != null) {
                builder.sslContext(trust.sslContext());
            }
            if (proxy != null) {
                builder.proxy(new Selector(proxy));
            }
            client = builder.build();
        }
        return client;
    }

    @Override
    public Response get(URI url, Map<String, String> headers) throws TransportException {
        String authorization = basicAuth(url);
        if (authorization != null) {
            credentials.put(origin(url), authorization);
        }
        URI start = url;
        URI current = Urls.withoutUserInfo(url);
        Set<String> visited = new LinkedHashSet<>();
        visited.add(current.toString());
        boolean wantGzip = headers.keySet().stream().noneMatch(
                h -> h.equalsIgnoreCase("Range") || h.equalsIgnoreCase("Accept-Encoding"));
        for (int hop = 0; ; hop++) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            if (wantGzip) {
                h.put("Accept-Encoding", "gzip");
            }
            String auth = configured.getOrDefault(origin(current), credentials.get(origin(current)));
            if (auth == null) {
                auth = netrc.forHost(current.getHost()).map(JdkHttpTransport::basic).orElse(null);
            }
            for (Map.Entry<String, String> extra : configuredHeaders.getOrDefault(origin(current), Map.of()).entrySet()) {
                if (h.keySet().stream().noneMatch(k -> k.equalsIgnoreCase(extra.getKey()))) {
                    h.put(extra.getKey(), extra.getValue());
                }
            }
            if (auth != null && h.keySet().stream().noneMatch(k -> k.equalsIgnoreCase("Authorization"))) {
                h.put("Authorization", auth);
            }
            ProxyServer via = proxy == null ? null : proxy.select(current).orElse(null);
            if (via != null && via.hasCredentials()) {
                h.put("Proxy-Authorization", via.authorization());
            }
            Response r = direct(current, via) ? onceDirect(current, h) : once(current, h, via);
            if (r.status() == 407) {
                throw proxyAuthentication(current, via);
            }
            if (!isRedirect(r.status())) {
                return decode(r);
            }
            Optional<String> location = r.header("Location");
            if (location.isEmpty()) {
                return r;
            }
            URI next;
            try {
                next = current.resolve(Urls.parseLenient(location.get()));
            } catch (IllegalArgumentException e) {
                throw new TransportException(TransportException.Kind.BAD_REDIRECT,
                        Urls.redactSecrets(current) + " redirected to an unparseable location: " + e.getMessage());
            }
            next = Urls.withoutFragment(Urls.withoutUserInfo(next));
            String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new TransportException(TransportException.Kind.BAD_REDIRECT,
                        Urls.redactSecrets(current) + " redirected to a non-HTTP URL " + Urls.redactSecrets(next));
            }
            if (scheme.equals("http") && "https".equalsIgnoreCase(current.getScheme())) {
                throw new TransportException(TransportException.Kind.BAD_REDIRECT,
                        "refusing redirect from https to http: " + Urls.redactSecrets(current) + " -> " + Urls.redactSecrets(next));
            }
            if (!visited.add(next.toString())) {
                List<String> chain = new ArrayList<>(visited);
                chain.add(next.toString());
                throw new TransportException(TransportException.Kind.REDIRECT_LOOP,
                        "redirect loop: " + String.join(" -> ", chain));
            }
            if (hop + 1 > options.maxRedirects()) {
                throw new TransportException(TransportException.Kind.TOO_MANY_REDIRECTS,
                        "too many redirects (more than " + options.maxRedirects() + ") starting at "
                                + Urls.redactSecrets(start));
            }
            current = next;
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private Response once(URI url, Map<String, String> headers, ProxyServer via) throws TransportException {
        HttpRequest.Builder b;
        try {
            b = HttpRequest.newBuilder(url).timeout(options.timeout()).GET();
            if ("http".equalsIgnoreCase(url.getScheme())) {
                // no h2c upgrade attempt on plain HTTP (some servers and proxies mishandle it);
                // https still negotiates HTTP/2 through ALPN
                b.version(HttpClient.Version.HTTP_1_1);
            }
        } catch (IllegalArgumentException e) {
            throw new TransportException(TransportException.Kind.INVALID_URL,
                    "cannot request " + Urls.redactSecrets(url) + ": " + e.getMessage());
        }
        headers.forEach(b::header);
        HttpClient http;
        try {
            http = client();
        } catch (RuntimeException e) {
            throw new TransportException(TransportException.Kind.IO, "cannot set up the HTTP client to read "
                    + Urls.redactSecrets(url) + ": " + e.getMessage(), e);
        }
        CompletableFuture<HttpResponse<byte[]>> future =
                http.sendAsync(b.build(), info -> new CappedSubscriber(options.maxBytes(), declaredLength(info)));
        HttpResponse<byte[]> resp;
        try {
            resp = future.get(options.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw timeout(url);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new TransportException(TransportException.Kind.INTERRUPTED, "interrupted while reading "
                    + Urls.redactSecrets(url));
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof HttpTimeoutException) {
                throw timeout(url);
            }
            if (c instanceof TooLarge) {
                throw tooLarge(url);
            }
            TransportException tls = tlsFailure(url, c);
            if (tls != null) {
                throw tls;
            }
            if (c instanceof ConnectException && via != null) {
                throw new TransportException(TransportException.Kind.IO, "cannot connect to " + via.describe()
                        + " to read " + Urls.redactSecrets(url) + ": connection refused or unreachable", c);
            }
            if (c instanceof ConnectException) {
                throw new TransportException(TransportException.Kind.IO,
                        "cannot connect to " + Urls.redactSecrets(url) + ": connection refused or unreachable", c);
            }
            if (endedEarly(c)) {
                throw new TransportException(TransportException.Kind.IO, "response from " + Urls.redactSecrets(url)
                        + " ended early: the connection closed before the whole body arrived (" + c.getMessage() + ")",
                        c);
            }
            String what = c == null ? "unknown error" : c.getClass().getSimpleName()
                    + (c.getMessage() == null ? "" : ": " + c.getMessage());
            throw new TransportException(TransportException.Kind.IO,
                    "request to " + Urls.redactSecrets(url) + " failed: " + what, c);
        }
        return new Response(url, resp.statusCode(), resp.headers().map(), resp.body());
    }

    /** Whether {@code url} is plain http and goes to its server without a proxy. */
    private boolean direct(URI url, ProxyServer via) {
        if (!"http".equalsIgnoreCase(url.getScheme()) || via != null) {
            return false;
        }
        if (proxy != null) {
            return true; // the configured proxies route this URL directly
        }
        ProxySelector jvm = ProxySelector.getDefault();
        if (jvm == null) {
            return true;
        }
        List<Proxy> chosen;
        try {
            chosen = jvm.select(url);
        } catch (IllegalArgumentException e) {
            return false; // the HTTP client meets the same problem and reports it
        }
        return chosen == null || chosen.isEmpty() || chosen.get(0).type() == Proxy.Type.DIRECT;
    }

    /**
     * One plain-http GET without a proxy on {@link HttpURLConnection}: its own redirect handling,
     * caches and authenticator are off, so that it does what {@link #once} does with the
     * {@code HttpClient}. {@code HttpURLConnection}'s own timeouts bound the connect and each read only,
     * so the whole request's time is kept here: until the headers are in, a {@link Deadline} cuts the
     * connection off when the time is up (a server trickling its headers would otherwise hold the request
     * as long as it liked); the body's reads then check the time after each read, and a body that stops
     * altogether fails after the read timeout.
     */
    private Response onceDirect(URI url, Map<String, String> headers) throws TransportException {
        int timeoutMillis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, options.timeout().toMillis()));
        HttpURLConnection c;
        try {
            c = (HttpURLConnection) url.toURL().openConnection(Proxy.NO_PROXY);
        } catch (IllegalArgumentException | IOException e) {
            throw new TransportException(TransportException.Kind.INVALID_URL,
                    "cannot request " + Urls.redactSecrets(url) + ": " + e.getMessage());
        }
        Deadline deadline = new Deadline(c, options.timeout());
        boolean done = false;
        try {
            c.setInstanceFollowRedirects(false);
            c.setUseCaches(false);
            c.setAuthenticator(NO_AUTHENTICATOR);
            c.setConnectTimeout(timeoutMillis);
            c.setReadTimeout(timeoutMillis);
            c.setRequestProperty("Accept", "*/*"); // else HttpURLConnection sends its own list; headers may replace it
            for (Map.Entry<String, String> header : headers.entrySet()) {
                try {
                    c.setRequestProperty(header.getKey(), header.getValue());
                } catch (IllegalArgumentException e) {
                    // the JDK's message quotes the value, which may be a credential
                    throw new TransportException(TransportException.Kind.INVALID_URL, "cannot request "
                            + Urls.redactSecrets(url) + ": the value of its " + header.getKey()
                            + " header is not valid in HTTP (a line break?)");
                }
            }
            int status = c.getResponseCode();
            if (!deadline.headersIn()) {
                throw timeout(url); // cut off as the headers came
            }
            if (status < 0) {
                throw new TransportException(TransportException.Kind.IO, "request to " + Urls.redactSecrets(url)
                        + " failed: the response is not HTTP");
            }
            Map<String, List<String>> responseHeaders = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            c.getHeaderFields().forEach((name, values) -> {
                if (name != null) { // null: the status line
                    List<String> inOrder = new ArrayList<>(values);
                    Collections.reverse(inOrder); // HttpURLConnection lists a repeated header's values last first
                    responseHeaders.put(name, List.copyOf(inOrder));
                }
            });
            if (status < 200 || status == 204 || status == 304) {
                // a response without a body, whatever its Content-Length says; closing the (empty) stream
                // hands the connection back for reuse
                c.getInputStream().close();
                done = true;
                return new Response(url, status, responseHeaders, new byte[0]);
            }
            long declared = c.getContentLengthLong();
            if (declared > options.maxBytes()) {
                throw tooLarge(url);
            }
            byte[] body;
            try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
                body = in == null ? new byte[0] : readBefore(in, deadline.end(), url);
            } catch (IOException e) {
                throw e instanceof java.net.SocketTimeoutException || deadline.passed() ? timeout(url)
                        : new TransportException(TransportException.Kind.IO, "response from "
                                + Urls.redactSecrets(url) + " ended early: the connection closed before the whole body "
                                + "arrived (" + e.getMessage() + ")", e);
            }
            if (declared >= 0 && body.length < declared) {
                throw new TransportException(TransportException.Kind.IO, "response from " + Urls.redactSecrets(url)
                        + " ended early: the connection closed before the whole body arrived (" + body.length
                        + " of " + declared + " bytes)");
            }
            done = true;
            return new Response(url, status, responseHeaders, body);
        } catch (java.net.SocketTimeoutException e) {
            throw timeout(url);
        } catch (java.net.ConnectException e) {
            throw deadline.passed() ? timeout(url) : new TransportException(TransportException.Kind.IO,
                    "cannot connect to " + Urls.redactSecrets(url) + ": connection refused or unreachable", e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new TransportException(TransportException.Kind.INVALID_URL,
                    "cannot request " + Urls.redactSecrets(url) + ": " + e.getMessage());
        } catch (IOException e) {
            if (deadline.passed()) {
                throw timeout(url);
            }
            String what = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            throw new TransportException(TransportException.Kind.IO,
                    "request to " + Urls.redactSecrets(url) + " failed: " + what, e);
        } finally {
            deadline.headersIn(); // the watch ends, if it has not
            if (!done) {
                c.disconnect(); // a connection left mid-response is not returned to the keep-alive pool
            }
        }
    }

    /**
     * Cuts a direct request's connection off if its time is up before the response's headers are in, and
     * again every 100 ms after that until the request gives up (a GET whose connection fails may be retried
     * once inside {@code HttpURLConnection}). Only the header phase is watched: while the body is read, the
     * connection's input stream is in use, and cutting it off from another thread would wait for that
     * stream's lock (or hand the rest of the body to the JDK's keep-alive cleaner), so the body's reads
     * check the time themselves.
     */
    private static final class Deadline {
        private static final int WAITING = 0;
        private static final int HEADERS_IN = 1;
        private static final int PASSED = 2;
        private final long end;
        private final java.util.concurrent.atomic.AtomicInteger state = new java.util.concurrent.atomic.AtomicInteger();
        private final java.util.concurrent.ScheduledFuture<?> cutOff;

        Deadline(HttpURLConnection connection, java.time.Duration timeout) {
            end = System.nanoTime() + timeout.toNanos();
            cutOff = Timer.TIMER.scheduleWithFixedDelay(() -> {
                if (state.get() == PASSED || state.compareAndSet(WAITING, PASSED)) {
                    connection.disconnect(); // while the headers are awaited, this closes the socket
                }
            }, timeout.toNanos(), 100_000_000L, TimeUnit.NANOSECONDS);
        }

        /** When the whole request's time is up, in {@link System#nanoTime()}'s terms. */
        long end() {
            return end;
        }

        /** Whether the connection was cut off because the time was up before the headers were in. */
        boolean passed() {
            return state.get() == PASSED;
        }

        /** Ends the watch once the headers are in; {@code false} when the time was up first. */
        boolean headersIn() {
            cutOff.cancel(false);
            return state.compareAndSet(WAITING, HEADERS_IN) || state.get() == HEADERS_IN;
        }
    }

    /** One daemon thread for every transport's deadlines, made on first use and ended when idle for 10 s. */
    private static final class Timer {
        static final java.util.concurrent.ScheduledThreadPoolExecutor TIMER = make();

        private static java.util.concurrent.ScheduledThreadPoolExecutor make() {
            java.util.concurrent.ScheduledThreadPoolExecutor timer =
                    new java.util.concurrent.ScheduledThreadPoolExecutor(1, runnable -> {
                        Thread thread = new Thread(runnable, "smvm-http-deadline");
                        thread.setDaemon(true);
                        return thread;
                    });
            timer.setRemoveOnCancelPolicy(true);
            timer.setKeepAliveTime(10, TimeUnit.SECONDS);
            timer.allowCoreThreadTimeOut(true);
            return timer;
        }
    }

    /** The body, read within the size cap and before {@code deadline} (each read also has the timeout). */
    private byte[] readBefore(InputStream in, long deadline, URI url) throws IOException, TransportException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[16384];
        int n;
        while ((n = in.read(buf)) >= 0) {
            if (out.size() + (long) n > options.maxBytes()) {
                throw tooLarge(url);
            }
            out.write(buf, 0, n);
            if (System.nanoTime() - deadline > 0) {
                throw timeout(url);
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new TransportException(TransportException.Kind.INTERRUPTED, "interrupted while reading "
                        + Urls.redactSecrets(url));
            }
        }
        return out.toByteArray();
    }

    private TransportException tooLarge(URI url) {
        return new TransportException(TransportException.Kind.TOO_LARGE,
                "response from " + Urls.redactSecrets(url) + " exceeds the size limit of " + options.describeMaxBytes());
    }

    /** Answers no server's request for credentials: only the headers this transport chose are sent. */
    private static final java.net.Authenticator NO_AUTHENTICATOR = new java.net.Authenticator() {
    };

    /** A TLS failure naming the host and the authorities trusted, or {@code null} for another failure. */
    private TransportException tlsFailure(URI url, Throwable failure) {
        boolean handshake = false;
        Throwable certificate = null;
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            handshake |= t instanceof javax.net.ssl.SSLHandshakeException;
            if (certificate == null && (t instanceof java.security.cert.CertificateException
                    || t instanceof java.security.cert.CertPathValidatorException
                    || t.getClass().getName().equals("sun.security.provider.certpath.SunCertPathBuilderException"))) {
                certificate = t;
            }
        }
        if (!handshake && certificate == null) {
            return null;
        }
        String where = url.getHost() + ":" + port(url);
        if (certificate != null) {
            return new TransportException(TransportException.Kind.TLS, "TLS: the certificate of " + where
                    + " is not trusted (trusted: " + trust.describe() + "): " + firstSentence(certificate.getMessage())
                    + "; give its CA in a PEM file with <caBundle> (smvm.caBundle)", failure);
        }
        return new TransportException(TransportException.Kind.TLS, "TLS: the handshake with " + where
                + " failed (trusted: " + trust.describe() + "): " + firstSentence(failure.getMessage()), failure);
    }

    private static String firstSentence(String message) {
        if (message == null) {
            return "no detail";
        }
        // "PKIX path building failed: sun.security...: unable to find valid certification path to requested target"
        int last = message.lastIndexOf(": ");
        return last < 0 ? message : message.substring(last + 2);
    }

    private static String basic(Netrc.Login login) {
        return BasicAuth.header(login.user(), login.password());
    }

    /** A body cut short: fewer bytes than Content-Length, or a chunked body without its last chunk. */
    private static boolean endedEarly(Throwable c) {
        if (c instanceof java.io.EOFException) {
            return true;
        }
        String message = c instanceof IOException && c.getMessage() != null ? c.getMessage() : "";
        return message.startsWith("fixed content-length:") || message.startsWith("EOF reached while reading");
    }

    private static TransportException proxyAuthentication(URI url, ProxyServer via) {
        String what = " (HTTP 407) for " + Urls.redactSecrets(url);
        if (via == null) {
            return new TransportException(TransportException.Kind.PROXY_AUTHENTICATION, "a proxy the JVM chose "
                    + "asked for credentials" + what + ": configure it as a <proxy> with <username> and <password> "
                    + "in settings.xml");
        }
        String message = via.describe() + " refused the request" + what + ": ";
        if (!via.hasCredentials()) {
            message += "it wants credentials; give " + via.source() + (via.source().startsWith("settings.xml")
                    ? " a <username> and <password>" : " a user:password@ in its URL");
        } else if ("https".equalsIgnoreCase(url.getScheme())) {
            message += "check the username and password of " + via.source() + "; if they are right: the JDK does not "
                    + "send Basic proxy credentials when it tunnels to an https:// URL unless Maven runs with "
                    + "MAVEN_OPTS=-Djdk.http.auth.tunneling.disabledSchemes= (empty)";
        } else {
            message += "check the username and password of " + via.source();
        }
        return new TransportException(TransportException.Kind.PROXY_AUTHENTICATION, message);
    }

    private TransportException timeout(URI url) {
        return new TransportException(TransportException.Kind.TIMEOUT,
                "request to " + Urls.redactSecrets(url) + " timed out after " + options.timeout().toMillis() + " ms");
    }

    private static long declaredLength(HttpResponse.ResponseInfo info) {
        return info.headers().firstValueAsLong("Content-Length").orElse(-1);
    }

    private Response decode(Response r) throws TransportException {
        String enc = r.header("Content-Encoding").orElse("").strip().toLowerCase(Locale.ROOT);
        if (!enc.equals("gzip") && !enc.equals("x-gzip")) {
            return r;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(r.body()))) {
            byte[] body = readCapped(in, options.maxBytes());
            if (body == null) {
                throw new TransportException(TransportException.Kind.TOO_LARGE, "response from "
                        + Urls.redactSecrets(r.finalUrl()) + " exceeds the size limit of " + options.describeMaxBytes()
                        + " after gzip decoding");
            }
            Map<String, List<String>> headers = new LinkedHashMap<>(r.headers());
            headers.keySet().removeIf(k -> k != null && (k.equalsIgnoreCase("Content-Encoding")
                    || k.equalsIgnoreCase("Content-Length")));
            return new Response(r.finalUrl(), r.status(), headers, body);
        } catch (IOException e) {
            throw new TransportException(TransportException.Kind.IO,
                    "response from " + Urls.redactSecrets(r.finalUrl()) + " is not valid gzip: " + e.getMessage(), e);
        }
    }

    /** Reads at most {@code max} bytes; {@code null} if there are more. */
    static byte[] readCapped(InputStream in, long max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        long total = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            total += n;
            if (total > max) {
                return null;
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    private static String basicAuth(URI url) {
        String userInfo = url.getUserInfo();
        if (userInfo == null || userInfo.isEmpty()) {
            return null;
        }
        return BasicAuth.header(userInfo);
    }

    private static String origin(URI u) {
        return lower(u.getScheme()) + "://" + lower(u.getHost()) + ":" + port(u);
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private static int port(URI u) {
        if (u.getPort() != -1) {
            return u.getPort();
        }
        return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    /** Routes each URL as {@link ProxyConfig#select} says. */
    private static final class Selector extends ProxySelector {
        private final ProxyConfig config;

        Selector(ProxyConfig config) {
            this.config = config;
        }

        @Override
        public List<Proxy> select(URI uri) {
            return config.select(uri).map(p -> List.of(new Proxy(Proxy.Type.HTTP,
                    new InetSocketAddress(p.host(), p.port())))).orElse(List.of(Proxy.NO_PROXY));
        }

        @Override
        public void connectFailed(URI uri, SocketAddress address, IOException e) {
            // the request fails and says so; nothing to remember
        }
    }

    private static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;
    }

    /** Collects the body, failing as soon as it grows past the cap. */
    private static final class CappedSubscriber implements HttpResponse.BodySubscriber<byte[]> {
        private final long cap;
        private final long declared;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private Flow.Subscription subscription;

        CappedSubscriber(long cap, long declared) {
            this.cap = cap;
            this.declared = declared;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (declared > cap) {
                s.cancel();
                result.completeExceptionally(new TooLarge());
                return;
            }
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer bb : items) {
                if (buffer.size() + (long) bb.remaining() > cap) {
                    subscription.cancel();
                    result.completeExceptionally(new TooLarge());
                    return;
                }
                byte[] chunk = new byte[bb.remaining()];
                bb.get(chunk);
                buffer.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(buffer.toByteArray());
        }
    }
}
