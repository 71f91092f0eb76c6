package io.github.smvm.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The hosts that bypass a proxy, in one of two syntaxes:
 *
 * <ul>
 *   <li>Maven's {@code <nonProxyHosts>} ({@link #maven}): patterns separated by {@code |} (or {@code ,}), each
 *       matching the whole host name, case-insensitively, with {@code *} standing for any characters:
 *       {@code *.corp|localhost|10.*}.
 *   <li>{@code NO_PROXY} as pip (requests and urllib) reads it ({@link #noProxy}): entries separated by
 *       {@code ,}; {@code *} alone bypasses every host; an IPv4 host matches an equal address or a CIDR block
 *       ({@code 10.0.0.0/8}); any other host matches an entry it ends with, with or without its port
 *       ({@code corp} and {@code .corp} match {@code pypi.corp}; {@code pypi.corp:8443} matches that port only).
 * </ul>
 */
public final class NonProxyHosts {

    private final String text;
    private final boolean maven;
    private final List<String> entries;
    private final List<Pattern> patterns;

    private NonProxyHosts(String text, boolean maven, List<String> entries, List<Pattern> patterns) {
        this.text = text;
        this.maven = maven;
        this.entries = List.copyOf(entries);
        this.patterns = List.copyOf(patterns);
    }

    /** No host bypasses the proxy. */
    public static NonProxyHosts none() {
        return new NonProxyHosts("", true, List.of(), List.of());
    }

    /** Maven's {@code <nonProxyHosts>}; {@code null} or blank for none. */
    public static NonProxyHosts maven(String text) {
        List<String> entries = new ArrayList<>();
        List<Pattern> patterns = new ArrayList<>();
        if (text != null) {
            for (String part : text.split("[|,]")) {
                String entry = part.strip().toLowerCase(Locale.ROOT);
                if (!entry.isEmpty()) {
                    entries.add(entry);
                    patterns.add(Pattern.compile(java.util.Arrays.stream(entry.split("\\*", -1))
                            .map(Pattern::quote).collect(java.util.stream.Collectors.joining(".*"))));
                }
            }
        }
        return new NonProxyHosts(text == null ? "" : text.strip(), true, entries, patterns);
    }

    /** {@code NO_PROXY} as pip reads it; {@code null} or blank for none. */
    public static NonProxyHosts noProxy(String text) {
        List<String> entries = new ArrayList<>();
        if (text != null) {
            for (String part : text.replace(" ", "").split(",")) {
                if (!part.isEmpty()) {
                    entries.add(part.toLowerCase(Locale.ROOT));
                }
            }
        }
        return new NonProxyHosts(text == null ? "" : text.strip(), false, entries, List.of());
    }

    /** Whether a request to {@code host} (without brackets) on {@code port} ({@code -1}: the default) goes direct. */
    public boolean bypasses(String host, int port) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (maven) {
            return patterns.stream().anyMatch(p -> p.matcher(h).matches());
        }
        String withPort = port < 0 ? h : h + ":" + port;
        boolean ipv4 = ipv4(h) >= 0;
        for (String entry : entries) {
            if (entry.equals("*")) {
                return true;
            }
            if (ipv4) {
                if (entry.equals(h) || inCidr(h, entry)) {
                    return true;
                }
                continue;
            }
            // requests: a plain suffix; urllib: the name itself or a dot-separated suffix, a leading dot ignored
            String name = entry.replaceFirst("^\\.+", "");
            if (h.endsWith(entry) || withPort.endsWith(entry) || h.equals(name) || withPort.equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** The entries as {@code NO_PROXY} for pip; patterns it cannot express go to {@code unexpressible}. */
    public List<String> asNoProxy(List<String> unexpressible) {
        if (!maven) {
            return entries;
        }
        List<String> result = new ArrayList<>();
        for (String entry : entries) {
            int star = entry.indexOf('*');
            if (star < 0) {
                result.add(entry);
            } else if (entry.startsWith("*.") && entry.indexOf('*', 1) < 0) {
                result.add(entry.substring(1));
            } else if (entry.equals("*")) {
                result.add("*");
            } else {
                unexpressible.add(entry);
            }
        }
        return result;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The list as configured. */
    @Override
    public String toString() {
        return text;
    }

    private static boolean inCidr(String ip, String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            return false;
        }
        long network = ipv4(cidr.substring(0, slash));
        int bits;
        try {
            bits = Integer.parseInt(cidr.substring(slash + 1));
        } catch (NumberFormatException e) {
            return false;
        }
        if (network < 0 || bits < 0 || bits > 32) {
            return false;
        }
        long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
        return (ipv4(ip) & mask) == (network & mask);
    }

    /** The address as a number, or -1 when {@code text} is not a dotted IPv4 address. */
    private static long ipv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return -1;
        }
        long value = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
                return -1;
            }
            int n = Integer.parseInt(part);
            if (n > 255) {
                return -1;
            }
            value = value << 8 | n;
        }
        return value;
    }
}
