package io.github.smvm.index;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

/** URL helpers: redaction of credentials for messages, lenient parsing, file-name extraction. */
public final class Urls {

    private Urls() {
    }

    /**
     * The URL without its user-info part ({@code https://user:secret@host/x} becomes
     * {@code https://host/x}). Use this for every URL that goes into a message or a log line.
     */
    public static String redact(URI uri) {
        if (uri == null) {
            return "null";
        }
        String authority = uri.getRawAuthority();
        if (authority == null || authority.indexOf('@') < 0) {
            return uri.toString();
        }
        // also covers registry-based authorities (host names java.net.URI does not accept as hosts,
        // e.g. with '_'), for which getUserInfo() is null although the text carries credentials
        StringBuilder sb = new StringBuilder();
        sb.append(uri.getScheme()).append("://").append(authority.substring(authority.lastIndexOf('@') + 1));
        if (uri.getRawPath() != null) {
            sb.append(uri.getRawPath());
        }
        if (uri.getRawQuery() != null) {
            sb.append('?').append(uri.getRawQuery());
        }
        if (uri.getRawFragment() != null) {
            sb.append('#').append(uri.getRawFragment());
        }
        return sb.toString();
    }

    /**
     * The URL without its user-info and with the value of every query and fragment parameter replaced
     * by {@code ****} ({@code https://u:p@host/simple/?token=abc} becomes
     * {@code https://host/simple/?token=****}; a parameter without {@code =} is replaced whole). Use
     * this for configured locations in text that leaves the build (reports, the list of indexes read):
     * a query string often carries an access token, and unlike {@link #redact(URI)} this keeps none.
     */
    public static String redactSecrets(URI uri) {
        if (uri == null) {
            return "null";
        }
        String text = redact(uri);
        int fragment = text.indexOf('#');
        String beforeFragment = fragment < 0 ? text : text.substring(0, fragment);
        int query = beforeFragment.indexOf('?');
        StringBuilder sb = new StringBuilder(query < 0 ? beforeFragment : beforeFragment.substring(0, query));
        if (query >= 0) {
            sb.append('?').append(maskParameters(beforeFragment.substring(query + 1)));
        }
        if (fragment >= 0) {
            sb.append('#').append(maskParameters(text.substring(fragment + 1)));
        }
        return sb.toString();
    }

    private static String maskParameters(String parameters) {
        if (parameters.isEmpty()) {
            return parameters;
        }
        StringBuilder sb = new StringBuilder();
        for (String parameter : parameters.split("[&;]")) {
            if (parameter.isEmpty()) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append('&');
            }
            int equals = parameter.indexOf('=');
            sb.append(equals < 0 ? "****" : parameter.substring(0, equals + 1) + "****");
        }
        return sb.toString();
    }

    /** The URL with its user-info removed, as a URI. */
    public static URI withoutUserInfo(URI uri) {
        String authority = uri.getRawAuthority();
        if (authority == null || authority.indexOf('@') < 0) {
            return uri;
        }
        return URI.create(redact(uri));
    }

    /** The URL without its fragment. */
    public static URI withoutFragment(URI uri) {
        if (uri.getRawFragment() == null) {
            return uri;
        }
        String s = uri.toString();
        return URI.create(s.substring(0, s.indexOf('#')));
    }

    /**
     * Parses a URL as found in an index page, percent-encoding characters that are not allowed in a
     * URI (spaces, non-ASCII, ...) the way pip's {@code _clean_link} does; existing {@code %XX}
     * escapes are kept, a {@code %} not followed by two hex digits is encoded.
     *
     * @throws IllegalArgumentException when the text cannot be made into a URI
     */
    public static URI parseLenient(String text) {
        String trimmed = text.strip();
        try {
            return new URI(trimmed);
        } catch (URISyntaxException e) {
            // fall through to cleaning
        }
        try {
            return new URI(clean(trimmed));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid URL: " + e.getMessage());
        }
    }

    private static String clean(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        boolean inFragment = false;
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            if (b == '%') {
                if (i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2])) {
                    out.write(b);
                } else {
                    writeEscaped(out, b);
                }
            } else if (b == '#' && !inFragment) {
                inFragment = true;
                out.write(b);
            } else if (b < 0x80 && isAllowed((char) b)) {
                out.write(b);
            } else {
                writeEscaped(out, b);
            }
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    private static boolean isAllowed(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "-._~:/?@!$&'()*+,;=".indexOf(c) >= 0;
    }

    private static boolean isHex(byte b) {
        return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
    }

    private static void writeEscaped(ByteArrayOutputStream out, int b) {
        String hex = "0123456789ABCDEF";
        out.write('%');
        out.write(hex.charAt(b >> 4));
        out.write(hex.charAt(b & 0xf));
    }

    /**
     * The file name of a URL: its last path segment, percent-decoded as UTF-8.
     *
     * @throws IllegalArgumentException when the name is empty, {@code .} or {@code ..}, or contains a
     *     path separator ({@code /} or {@code \}) or a NUL after decoding
     */
    public static String fileName(URI url) {
        String path = url.getRawPath();
        if (path == null) {
            throw new IllegalArgumentException("URL has no path");
        }
        String raw = path.substring(path.lastIndexOf('/') + 1);
        String name = percentDecode(raw);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("URL has an empty file name");
        }
        if (name.equals(".") || name.equals("..") || name.contains("..")) {
            throw new IllegalArgumentException("file name '" + name + "' contains '..'");
        }
        if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0) {
            throw new IllegalArgumentException("file name '" + name + "' contains a path separator");
        }
        if (name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("file name contains a NUL character");
        }
        return name;
    }

    /** Decodes {@code %XX} escapes as UTF-8 (a {@code +} stays a {@code +}, as in URL paths). */
    public static String percentDecode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == '%' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2])) {
                out.write(Integer.parseInt(new String(bytes, i + 1, 2, StandardCharsets.US_ASCII), 16));
                i += 2;
            } else {
                out.write(b);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * {@code text} percent-encoded as UTF-8 for the user-info part of a URL: everything but unreserved
     * characters ({@code A-Z a-z 0-9 - . _ ~}) is escaped, so that {@code :}, {@code @} and {@code /} in a
     * password cannot change the URL's meaning.
     */
    public static String percentEncode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte value : text.getBytes(StandardCharsets.UTF_8)) {
            int b = value & 0xff;
            if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || "-._~".indexOf(b) >= 0) {
                out.write(b);
            } else {
                writeEscaped(out, b);
            }
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    /** {@code base} with a trailing slash, so that resolving a relative name appends to it. */
    static URI withTrailingSlash(URI base) {
        String s = base.toString();
        return s.endsWith("/") ? base : URI.create(s + "/");
    }
}
