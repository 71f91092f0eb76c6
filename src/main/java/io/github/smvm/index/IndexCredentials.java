package io.github.smvm.index;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Credentials for one index, as plain values (the plugin reads them from a {@code settings.xml}
 * {@code <server>}): a username and password become {@code Authorization: Basic ...}; a password without
 * a username is a token and becomes {@code Authorization: Bearer <token>}. {@link #toString()} shows
 * neither the password nor the token. A username with {@code :} and control characters anywhere are
 * refused (they cannot be sent in a header), with a message that does not quote them.
 *
 * @param serverId where the credentials came from, for messages ({@code <server>} id in settings.xml)
 * @param username the user, or empty for a bearer token
 * @param password the password, or the token when {@code username} is empty
 */
public record IndexCredentials(String serverId, String username, String password) {

    public IndexCredentials {
        Objects.requireNonNull(serverId, "serverId");
        username = username == null ? "" : username;
        Objects.requireNonNull(password, "password");
        if (username.indexOf(':') >= 0) {
            throw new IllegalArgumentException("the username of <server> '" + serverId
                    + "' in settings.xml contains ':', which Basic authentication cannot carry");
        }
        if (hasControlCharacter(username) || hasControlCharacter(password)) {
            throw new IllegalArgumentException("the " + (hasControlCharacter(username) ? "username" : "password")
                    + " of <server> '" + serverId + "' in settings.xml contains a control character (a line break?), "
                    + "which an HTTP header cannot carry");
        }
    }

    private static boolean hasControlCharacter(String text) {
        return text.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }

    /** Whether these credentials are a bearer token (no username). */
    public boolean isToken() {
        return username.isEmpty();
    }

    /** The value of the {@code Authorization} header. */
    public String authorization() {
        if (isToken()) {
            return "Bearer " + password;
        }
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** What to check when the index refuses them. */
    public String hint() {
        return "check <server> '" + serverId + "' in settings.xml";
    }

    /** The values to scrub from anything printed: the password or token, alone and as headers carry it. */
    public Set<String> secrets() {
        Set<String> secrets = new LinkedHashSet<>();
        secrets.add(password);
        secrets.add(Urls.percentEncode(password));
        String authorization = authorization();
        secrets.add(authorization.substring(authorization.indexOf(' ') + 1));
        secrets.removeIf(s -> s.length() < 3);
        return secrets;
    }

    @Override
    public String toString() {
        return "IndexCredentials[serverId=" + serverId + ", " + (isToken() ? "token=****"
                : "username=" + username + ", password=****") + "]";
    }
}
