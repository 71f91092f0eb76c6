package io.github.smvm.index;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Credentials for one index, as plain values (the plugin reads them from a {@code settings.xml}
 * {@code <server>}): a username and password become {@code Authorization: Basic ...}; a password without
 * a username is a token and becomes {@code Authorization: Bearer <token>}. {@link #toString()} shows
 * neither the password nor the token. A username with {@code :} and control characters anywhere are
 * refused (they cannot be sent in a header), with a message that does not quote them.
 *
 * <p>Extra headers (Maven's {@code <configuration><httpHeaders>} of the server, such as
 * {@code X-JFrog-Art-Api}) go with the same requests; their values are secrets too. A server may have
 * headers and no password: then no {@code Authorization} header is sent.
 *
 * @param serverId where the credentials came from, for messages ({@code <server>} id in settings.xml)
 * @param username the user, or empty for a bearer token
 * @param password the password, or the token when {@code username} is empty; empty only with {@code headers}
 * @param headers further headers by name, in order
 */
public record IndexCredentials(String serverId, String username, String password, Map<String, String> headers) {

    /** Credentials without extra headers. */
    public IndexCredentials(String serverId, String username, String password) {
        this(serverId, username, password, Map.of());
    }

    public IndexCredentials {
        Objects.requireNonNull(serverId, "serverId");
        username = username == null ? "" : username;
        password = password == null ? "" : password;
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers == null ? Map.of() : headers));
        if (password.isEmpty() && headers.isEmpty()) {
            throw new IllegalArgumentException("<server> '" + serverId + "' in settings.xml has no <password> "
                    + "(a password, or a token with no <username>) and no <httpHeaders>");
        }
        for (Map.Entry<String, String> header : headers.entrySet()) {
            String name = header.getKey();
            if (name == null || name.isEmpty() || !name.chars().allMatch(IndexCredentials::isTokenChar)) {
                throw new IllegalArgumentException("<server> '" + serverId + "' in settings.xml has an <httpHeaders> "
                        + "property whose <name> '" + (name == null ? "" : name.replaceAll("\\p{Cntrl}", "?"))
                        + "' is not an HTTP header name (letters, digits and !#$%&'*+-.^_`|~ only)");
            }
            if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("<server> '" + serverId + "' in settings.xml sets the header '"
                        + name + "' in <httpHeaders>, which the HTTP client sets itself");
            }
            if (header.getValue() == null || BasicAuth.hasControlCharacter(header.getValue())) {
                throw new IllegalArgumentException("the <httpHeaders> value of '" + name + "' of <server> '" + serverId
                        + "' in settings.xml is missing or contains a control character (a line break?), "
                        + "which an HTTP header cannot carry");
            }
        }
        if (username.indexOf(':') >= 0) {
            throw new IllegalArgumentException("the username of <server> '" + serverId
                    + "' in settings.xml contains ':', which Basic authentication cannot carry");
        }
        if (BasicAuth.hasControlCharacter(username) || BasicAuth.hasControlCharacter(password)) {
            throw new IllegalArgumentException("the " + (BasicAuth.hasControlCharacter(username) ? "username" : "password")
                    + " of <server> '" + serverId + "' in settings.xml contains a control character (a line break?), "
                    + "which an HTTP header cannot carry");
        }
    }

    private static final Set<String> RESERVED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private static boolean isTokenChar(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    /** Whether there is a password or token to send as {@code Authorization}. */
    public boolean hasAuthorization() {
        return !password.isEmpty();
    }


    /** Whether these credentials are a bearer token (no username). */
    public boolean isToken() {
        return username.isEmpty();
    }

    /** The value of the {@code Authorization} header, or {@code null} without a password. */
    public String authorization() {
        if (!hasAuthorization()) {
            return null;
        }
        if (isToken()) {
            return "Bearer " + password;
        }
        return BasicAuth.header(username, password);
    }

    /** What to check when the index refuses them. */
    public String hint() {
        return "check <server> '" + serverId + "' in settings.xml";
    }

    /** The values to scrub from anything printed: the password or token, alone and as headers carry it. */
    public Set<String> secrets() {
        Set<String> secrets = new LinkedHashSet<>();
        if (hasAuthorization()) {
            secrets.addAll(BasicAuth.secrets(password, authorization()));
        }
        secrets.addAll(headers.values());
        secrets.removeIf(s -> s.length() < 3);
        return secrets;
    }

    @Override
    public String toString() {
        return "IndexCredentials[serverId=" + serverId + ", " + (!hasAuthorization() ? "no password"
                : isToken() ? "token=****" : "username=" + username + ", password=****")
                + (headers.isEmpty() ? "" : ", headers=" + headers.keySet() + " (values ****)") + "]";
    }
}
