package io.github.smvm.vendor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.smvm.index.Urls;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from text that leaves the build. Three layers, applied in this order to every
 * string (and every JSON field name):
 * <ol>
 *   <li>known secret values (passwords, passphrases, tokens and header values the build knows of,
 *       such as those of {@code settings.xml} servers) and their URL-encoded forms are replaced by
 *       {@value #MASK} wherever they occur;</li>
 *   <li>every URL loses its user-info and the values of its query parameters
 *       ({@link Urls#redactSecrets(java.net.URI)});</li>
 *   <li>{@code Authorization} values, {@code Bearer}/{@code Basic} credentials and
 *       {@code token=}/{@code password=}-style pairs are masked.</li>
 * </ol>
 * Known values shorter than {@value #MIN_LENGTH} characters are not replaced: they would mangle the
 * text without protecting much.
 */
public final class SecretScrubber {

    public static final String MASK = "****";
    public static final int MIN_LENGTH = 4;

    private static final Pattern URL = Pattern.compile("(?i)\\b[a-z][a-z0-9+.-]*://[^\\s<>\"'`|\\\\]+");
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "(?i)\\b((?:proxy-)?authorization\"?\\s*[:=]\\s*\"?)(?:(basic|bearer|token|digest|negotiate)\\s+)?[^\\s\",;]+");
    /** {@code Bearer}/{@code Basic} and a credential-like word (8+ characters with a digit or {@code +/=}). */
    private static final Pattern SCHEME_CREDENTIAL = Pattern.compile(
            "(?i)\\b(bearer|basic)\\s+(?=[A-Za-z._~-]*[0-9+/=])[A-Za-z0-9._~+/=-]{8,}");
    private static final Pattern KEY_VALUE = Pattern.compile(
            "(?i)\\b((?:access_|auth_|private_|api_)?(?:token|api[_-]?key|password|passwd|passphrase|secret))"
                    + "(\\s*[=:]\\s*)(?!\\*\\*\\*\\*)[^\\s&\"',;]+");

    private final List<String> secrets;

    /** @param secrets values that must not appear; blank and short ones are ignored */
    public SecretScrubber(Collection<String> secrets) {
        Set<String> all = new LinkedHashSet<>();
        for (String secret : secrets) {
            if (secret == null) {
                continue;
            }
            String value = secret.strip();
            if (value.length() < MIN_LENGTH) {
                continue;
            }
            all.add(value);
            all.add(URLEncoder.encode(value, StandardCharsets.UTF_8));
            all.add(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        List<String> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        this.secrets = List.copyOf(sorted);
    }

    /** How many known values (with their encoded forms) are scrubbed. */
    public int knownValues() {
        return secrets.size();
    }

    public String scrub(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, MASK);
        }
        result = redactUrls(result);
        result = AUTHORIZATION.matcher(result).replaceAll(m -> Matcher.quoteReplacement(
                m.group(1) + (m.group(2) == null ? "" : m.group(2) + " ") + MASK));
        result = SCHEME_CREDENTIAL.matcher(result).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + " " + MASK));
        result = KEY_VALUE.matcher(result).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + MASK));
        return result;
    }

    /** A copy of the tree with every string value and field name scrubbed. */
    public JsonNode scrub(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            return JsonNodeFactory.instance.textNode(scrub(node.asText()));
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> copy.add(scrub(element)));
            return copy;
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                copy.set(scrub(field.getKey()), scrub(field.getValue()));
            }
            return copy;
        }
        return node.deepCopy();
    }

    /** Whether some known secret value still occurs in {@code text}. */
    public boolean leaks(String text) {
        return text != null && secrets.stream().anyMatch(text::contains);
    }

    /** Every URL in the text without user-info and query values; the rest of the text unchanged. */
    static String redactUrls(String text) {
        Matcher m = URL.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String url = m.group();
            String trailing = "";
            while (!url.isEmpty() && ".,;:)]}".indexOf(url.charAt(url.length() - 1)) >= 0) {
                trailing = url.charAt(url.length() - 1) + trailing;
                url = url.substring(0, url.length() - 1);
            }
            String redacted;
            try {
                redacted = Urls.redactSecrets(Urls.parseLenient(url));
            } catch (IllegalArgumentException e) {
                // not parseable: drop anything that looks like user-info and the whole query
                redacted = url.replaceAll("//[^/@]*@", "//").replaceAll("\\?.*$", "?" + MASK);
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(redacted + trailing));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
