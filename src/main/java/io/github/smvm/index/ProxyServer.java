package io.github.smvm.index;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One HTTP proxy and the requests it serves. {@link #toString()} never shows the password.
 *
 * @param protocol the scheme of the URLs it serves: {@code http} or {@code https}
 * @param host the proxy's host name or address (an IPv6 address without brackets)
 * @param port the proxy's port
 * @param username for Basic proxy authentication, or {@code null} for none
 * @param password the password, or {@code null}
 * @param bypass the hosts reached directly
 * @param source where it was configured, for messages: {@code settings.xml <proxy> 'corp'} or {@code HTTPS_PROXY}
 */
public record ProxyServer(String protocol, String host, int port, String username, String password,
        NonProxyHosts bypass, String source) {

    public ProxyServer {
        protocol = Objects.requireNonNull(protocol, "protocol").strip().toLowerCase(Locale.ROOT);
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(bypass, "bypass");
        Objects.requireNonNull(source, "source");
        if (host.isBlank()) {
            throw new IllegalArgumentException(source + " has no host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(source + " has port " + port + ", not a port from 1 to 65535");
        }
        username = username == null || username.isEmpty() ? null : username;
        password = username == null ? null : (password == null ? "" : password);
        if (username != null && username.indexOf(':') >= 0) {
            throw new IllegalArgumentException("the username of " + source
                    + " contains ':', which Basic authentication cannot carry");
        }
        if (username != null && (BasicAuth.hasControlCharacter(username) || BasicAuth.hasControlCharacter(password))) {
            throw new IllegalArgumentException("the " + (BasicAuth.hasControlCharacter(username) ? "username" : "password") + " of "
                    + source + " contains a control character (a line break?), which an HTTP header cannot carry");
        }
    }

    public boolean hasCredentials() {
        return username != null;
    }

    /** {@code host:port}, brackets around an IPv6 address. */
    public String address() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    /** For messages: {@code proxy 10.0.0.1:3128 (settings.xml <proxy> 'corp')}. */
    public String describe() {
        return "proxy " + address() + " (" + source + ")";
    }

    /** The value of {@code Proxy-Authorization}, or {@code null} without credentials. */
    public String authorization() {
        if (!hasCredentials()) {
            return null;
        }
        return BasicAuth.header(username, password);
    }

    /** The proxy as pip's environment takes it: {@code http://user:pass@host:port}, percent-encoded. */
    public String url() {
        return "http://" + (hasCredentials() ? Urls.percentEncode(username) + ":" + Urls.percentEncode(password) + "@"
                : "") + address();
    }

    /** The values to scrub from anything printed: the password alone, percent-encoded and as Basic carries it. */
    public Set<String> secrets() {
        return hasCredentials() ? BasicAuth.secrets(password, authorization()) : Set.of();
    }

    @Override
    public String toString() {
        return "ProxyServer[" + protocol + " via " + address() + (hasCredentials() ? ", username=" + username
                + ", password=****" : "") + (bypass.isEmpty() ? "" : ", bypass=" + bypass) + ", source=" + source + "]";
    }
}
