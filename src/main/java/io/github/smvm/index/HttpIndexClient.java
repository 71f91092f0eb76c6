package io.github.smvm.index;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * A PEP 503 / PEP 691 simple index over HTTP(S), such as {@code https://pypi.org/simple/}.
 *
 * <p>Requests {@code <base>/<normalised-name>/} with one {@link #ACCEPT} header and chooses the
 * parser by the response's media type: {@code application/vnd.pypi.simple.v1+json} is JSON,
 * {@code application/vnd.pypi.simple.v1+html} and {@code text/html} are HTML, anything else is a
 * failure. 404 is {@link ProjectResult.NotFound}; 401 and 403 are an authentication failure naming the
 * index and what to check; other non-2xx statuses, transport errors and
 * unparseable pages are {@link ProjectResult.Failed}. File URLs resolve against the final URL after
 * redirects. HTML is decoded with the Content-Type charset, else UTF-8; JSON likewise.
 */
public final class HttpIndexClient extends CachingIndexClient {

    public static final String ACCEPT =
            "application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html;q=0.2, text/html;q=0.01";

    static final String JSON_TYPE = "application/vnd.pypi.simple.v1+json";
    static final String HTML_TYPE = "application/vnd.pypi.simple.v1+html";

    private final URI base;
    private final HttpTransport transport;
    private final String authenticationHint;

    public HttpIndexClient(URI baseUrl, HttpTransport transport, IndexOptions options) {
        this(baseUrl, transport, options, null);
    }

    /**
     * @param authenticationHint what to check when the index answers 401 or 403 (for configured
     *     credentials, {@link IndexCredentials#hint()}); {@code null} for a hint on how to configure them
     */
    public HttpIndexClient(URI baseUrl, HttpTransport transport, IndexOptions options, String authenticationHint) {
        super(options);
        this.authenticationHint = authenticationHint;
        this.base = Urls.withTrailingSlash(Objects.requireNonNull(baseUrl, "baseUrl"));
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    /** The base URL without user-info (credentials stay private to the requests). */
    @Override
    public URI location() {
        return Urls.withoutUserInfo(base);
    }

    /** The URL of a project's page: {@code <base>/<name>/}. */
    public URI projectUrl(String normalisedName) {
        return base.resolve(Urls.parseLenient(normalisedName + "/"));
    }

    @Override
    ProjectResult load(String name) {
        URI url = projectUrl(name);
        HttpTransport.Response r;
        try {
            r = transport.get(url, Map.of("Accept", ACCEPT));
        } catch (TransportException e) {
            return new ProjectResult.Failed(Urls.withoutUserInfo(url), e.getMessage());
        }
        return interpret(name, r, location(), authenticationHint);
    }

    static ProjectResult interpret(String name, HttpTransport.Response r) {
        return interpret(name, r, r.finalUrl(), null);
    }

    static ProjectResult interpret(String name, HttpTransport.Response r, URI index, String authenticationHint) {
        URI finalUrl = r.finalUrl();
        if (r.status() == 404) {
            return new ProjectResult.NotFound(finalUrl);
        }
        if (r.status() == 401 || r.status() == 403) {
            return new ProjectResult.Failed(finalUrl, "authentication failed at " + Urls.redactSecrets(index)
                    + " (HTTP " + r.status() + "): " + (authenticationHint != null ? authenticationHint
                            : "the index wants credentials: name a <server> of settings.xml in <indexServerId> "
                                    + "or <extraIndexServerIds>"));
        }
        if (!r.isSuccess()) {
            return new ProjectResult.Failed(finalUrl, "HTTP status " + r.status() + " from " + Urls.redactSecrets(finalUrl));
        }
        String type = r.mediaType();
        Charset charset = charset(r);
        String text = new String(r.body(), charset);
        try {
            if (type.equals(JSON_TYPE)) {
                return new ProjectResult.Found(Pep691JsonParser.parse(finalUrl, text).withProject(name));
            }
            if (type.equals(HTML_TYPE) || type.equals("text/html")) {
                return new ProjectResult.Found(Pep503HtmlParser.parse(name, finalUrl, text));
            }
        } catch (IndexFormatException e) {
            return new ProjectResult.Failed(finalUrl, e.getMessage());
        }
        return new ProjectResult.Failed(finalUrl, "unexpected content type '"
                + r.header("Content-Type").orElse("(none)") + "' from " + Urls.redactSecrets(finalUrl)
                + "; expected " + JSON_TYPE + ", " + HTML_TYPE + " or text/html");
    }

    private static Charset charset(HttpTransport.Response r) {
        try {
            return r.charset().map(Charset::forName).orElse(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }
}
