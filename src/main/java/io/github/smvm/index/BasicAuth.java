package io.github.smvm.index;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;

/** HTTP Basic credentials, shared by index credentials, proxies, netrc entries and URL user-info. */
final class BasicAuth {

    private BasicAuth() {}

    /** {@code Basic base64(user:password)}, the value of an {@code Authorization} or {@code Proxy-Authorization} header. */
    static String header(String user, String password) {
        return header(user + ":" + password);
    }

    /** {@code Basic base64(userInfo)} for a {@code user:password} pair already joined. */
    static String header(String userInfo) {
        return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether {@code text} has a character an HTTP header cannot carry (a line break, say). */
    static boolean hasControlCharacter(String text) {
        return text.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }

    /**
     * What to scrub from anything printed for a password or token sent in {@code header} (Basic or Bearer): the password alone,
     * percent-encoded, and the header's credentials part; values shorter than 3 characters are left out.
     */
    static Set<String> secrets(String password, String header) {
        Set<String> secrets = new LinkedHashSet<>();
        secrets.add(password);
        secrets.add(Urls.percentEncode(password));
        secrets.add(header.substring(header.indexOf(' ') + 1));
        secrets.removeIf(s -> s.length() < 3);
        return secrets;
    }
}
