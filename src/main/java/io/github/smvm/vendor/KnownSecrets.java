package io.github.smvm.vendor;

import io.github.smvm.index.Urls;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Finds the secret values the build knows of, for {@link SecretScrubber}. */
public final class KnownSecrets {

    /** Names of settings, headers and variables whose values are secrets. */
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i)(auth|token|password|passwd|passphrase|secret|private|api_?key|credential|cookie)");
    /** Environment variable values shorter than this are not treated as secrets (too likely to be ordinary words). */
    static final int MIN_ENVIRONMENT_VALUE = 8;

    private KnownSecrets() {}

    /** Whether a setting, header or variable of this name holds a secret. */
    public static boolean isSecretName(String name) {
        return name != null && SECRET_NAME.matcher(name).find();
    }

    /**
     * The user-info (user name and password) and query values of URLs such as configured index
     * locations; text that is not a URL gives nothing.
     */
    public static List<String> ofUrls(Collection<String> urls) {
        List<String> result = new ArrayList<>();
        for (String text : urls) {
            if (text == null || text.isBlank()) {
                continue;
            }
            URI uri;
            try {
                uri = Urls.parseLenient(text);
            } catch (IllegalArgumentException e) {
                continue;
            }
            String userInfo = uri.getRawUserInfo();
            if (userInfo == null && uri.getRawAuthority() != null && uri.getRawAuthority().contains("@")) {
                userInfo = uri.getRawAuthority().substring(0, uri.getRawAuthority().lastIndexOf('@'));
            }
            if (userInfo != null) {
                int colon = userInfo.indexOf(':');
                result.add(Urls.percentDecode(colon < 0 ? userInfo : userInfo.substring(colon + 1)));
                if (colon >= 0) {
                    result.add(userInfo.substring(colon + 1));
                }
            }
            String query = uri.getRawQuery();
            if (query != null) {
                for (String parameter : query.split("[&;]")) {
                    int equals = parameter.indexOf('=');
                    String value = equals < 0 ? parameter : parameter.substring(equals + 1);
                    if (!value.isEmpty()) {
                        result.add(Urls.percentDecode(value));
                        result.add(value);
                    }
                }
            }
        }
        return result;
    }

    /** The values of environment variables whose names say they hold secrets ({@code CI_JOB_TOKEN}, ...). */
    public static List<String> ofEnvironment(Map<String, String> environment) {
        List<String> result = new ArrayList<>();
        for (Map.Entry<String, String> variable : environment.entrySet()) {
            if (isSecretName(variable.getKey()) && variable.getValue() != null
                    && variable.getValue().strip().length() >= MIN_ENVIRONMENT_VALUE) {
                result.add(variable.getValue());
            }
        }
        return result;
    }
}
