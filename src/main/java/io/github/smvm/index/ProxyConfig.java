package io.github.smvm.index;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which proxy, if any, a request goes through.
 *
 * <p>From {@code settings.xml} ({@link #maven}): the active {@code <proxy>} entries in order, chosen as Maven's
 * resolver chooses: among the proxies whose {@code <nonProxyHosts>} do not name the host, the first whose
 * {@code <protocol>} is the URL's scheme; an {@code https} URL without one takes the first {@code http}
 * proxy. From the environment ({@link #fromEnvironment}), as pip reads it: {@code https_proxy} for https URLs,
 * {@code http_proxy} for http URLs, {@code all_proxy} for both; each name lower-case or upper-case, the
 * lower-case one winning; {@code no_proxy} lists the hosts reached directly. {@link #resolve}: settings.xml
 * wins, the environment counts only when settings.xml has no active proxy.
 */
public final class ProxyConfig {

    private static final ProxyConfig NONE = new ProxyConfig(List.of(), false);

    private final List<ProxyServer> proxies;
    private final boolean httpsFallsBackToHttp;

    private ProxyConfig(List<ProxyServer> proxies, boolean httpsFallsBackToHttp) {
        this.proxies = List.copyOf(proxies);
        this.httpsFallsBackToHttp = httpsFallsBackToHttp;
    }

    public static ProxyConfig none() {
        return NONE;
    }

    /** The active {@code <proxy>} entries of settings.xml, in their order. */
    public static ProxyConfig maven(List<ProxyServer> active) {
        return active.isEmpty() ? NONE : new ProxyConfig(active, true);
    }

    /**
     * The proxy variables of {@code environment}, as pip reads them.
     *
     * @throws IllegalArgumentException naming the variable when its value is not an {@code http://} proxy URL
     *     (the message holds no credentials)
     */
    public static ProxyConfig fromEnvironment(Map<String, String> environment) {
        String noProxy = variable(environment, "no_proxy");
        NonProxyHosts bypass = NonProxyHosts.noProxy(noProxy == null ? null : noProxy);
        List<ProxyServer> proxies = new ArrayList<>();
        for (String[] entry : new String[][] {{"https", "https_proxy"}, {"http", "http_proxy"},
                {"https", "all_proxy"}, {"http", "all_proxy"}}) {
            String value = variable(environment, entry[1]);
            // all_proxy only for a scheme without its own variable (an unusable all_proxy pip would not read either
            // is then no error)
            boolean covered = proxies.stream().anyMatch(p -> p.protocol().equals(entry[0]));
            if (value != null && !value.isBlank() && !covered) {
                proxies.add(parse(entry[0], value.strip(), bypass, nameOf(environment, entry[1])));
            }
        }
        return proxies.isEmpty() ? NONE : new ProxyConfig(proxies, false);
    }

    /** settings.xml's active proxies when there are any, else the environment's. */
    public static ProxyConfig resolve(List<ProxyServer> mavenActive, Map<String, String> environment) {
        return mavenActive.isEmpty() ? fromEnvironment(environment) : maven(mavenActive);
    }

    /** The proxy for {@code uri}, empty when it goes direct (also for schemes other than http and https). */
    public Optional<ProxyServer> select(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.empty();
        }
        String host = uri.getHost();
        if (host == null) {
            return Optional.empty();
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = uri.getPort();
        ProxyServer fallback = null;
        for (ProxyServer proxy : proxies) {
            if (proxy.bypass().bypasses(host, port)) {
                continue;
            }
            if (proxy.protocol().equals(scheme)) {
                return Optional.of(proxy);
            }
            if (fallback == null && httpsFallsBackToHttp && scheme.equals("https") && proxy.protocol().equals("http")) {
                fallback = proxy;
            }
        }
        return Optional.ofNullable(fallback);
    }

    public boolean isEmpty() {
        return proxies.isEmpty();
    }

    public List<ProxyServer> proxies() {
        return proxies;
    }

    /**
     * What pip's environment must hold for pip to use these proxies: {@code http_proxy}, {@code https_proxy}
     * and {@code no_proxy}, lower-case and upper-case (pip prefers lower-case), credentials percent-encoded in
     * the URLs. Empty when there is no proxy.
     *
     * @param warnings told about {@code <nonProxyHosts>} patterns {@code NO_PROXY} cannot express
     */
    public Map<String, String> pipEnvironment(List<String> warnings) {
        Map<String, String> env = new java.util.LinkedHashMap<>();
        if (isEmpty()) {
            return env;
        }
        Set<String> noProxy = new LinkedHashSet<>();
        Map<String, ProxyServer> byScheme = byScheme();
        byScheme.forEach((scheme, p) -> {
            env.put(scheme + "_proxy", p.url());
            env.put(scheme.toUpperCase(Locale.ROOT) + "_PROXY", p.url());
        });
        new LinkedHashSet<>(byScheme.values()).forEach(p -> {
            List<String> unexpressible = new ArrayList<>();
            noProxy.addAll(p.bypass().asNoProxy(unexpressible));
            unexpressible.forEach(pattern -> warnings.add("the <nonProxyHosts> pattern '" + pattern + "' of "
                    + p.source() + " cannot be given to pip, whose NO_PROXY takes host names and suffixes "
                    + "('*.corp' works): pip reaches such hosts through the proxy"));
        });
        if (!noProxy.isEmpty()) {
            env.put("no_proxy", String.join(",", noProxy));
            env.put("NO_PROXY", String.join(",", noProxy));
        }
        return env;
    }

    /**
     * The proxy of each scheme ({@code http}, {@code https}) for a host no {@code nonProxyHosts} names: the first
     * of the scheme, for {@code https} from settings.xml else the first {@code http} one.
     */
    public Map<String, ProxyServer> byScheme() {
        Map<String, ProxyServer> result = new java.util.LinkedHashMap<>();
        for (String scheme : List.of("http", "https")) {
            Optional<ProxyServer> proxy = proxies.stream().filter(p -> p.protocol().equals(scheme)).findFirst();
            if (proxy.isEmpty() && scheme.equals("https") && httpsFallsBackToHttp) {
                proxy = proxies.stream().filter(p -> p.protocol().equals("http")).findFirst();
            }
            proxy.ifPresent(p -> result.put(scheme, p));
        }
        return result;
    }

    /** Every proxy password, alone, percent-encoded and as Basic carries it. */
    public Set<String> secrets() {
        Set<String> secrets = new LinkedHashSet<>();
        proxies.forEach(p -> secrets.addAll(p.secrets()));
        return secrets;
    }

    /** For the log: each proxy with its scheme, address and source, never a password. */
    public String describe() {
        if (isEmpty()) {
            return "no proxy";
        }
        List<String> parts = new ArrayList<>();
        for (ProxyServer p : proxies) {
            parts.add(p.protocol() + " URLs via " + p.address() + " (" + p.source()
                    + (p.hasCredentials() ? ", user " + p.username() : "") + ")"
                    + (p.bypass().isEmpty() ? "" : ", direct for " + p.bypass()));
        }
        if (httpsFallsBackToHttp && proxies.stream().noneMatch(p -> p.protocol().equals("https"))) {
            parts.add("https URLs via the http proxy");
        }
        return String.join("; ", parts);
    }

    @Override
    public String toString() {
        return "ProxyConfig[" + describe() + "]";
    }

    private static String variable(Map<String, String> environment, String lower) {
        if (environment.containsKey(lower)) {
            String value = environment.get(lower);
            return value == null || value.isEmpty() ? null : value;
        }
        String value = environment.get(lower.toUpperCase(Locale.ROOT));
        return value == null || value.isEmpty() ? null : value;
    }

    private static String nameOf(Map<String, String> environment, String lower) {
        return environment.containsKey(lower) ? lower : lower.toUpperCase(Locale.ROOT);
    }

    /** A proxy URL as requests reads it: {@code http://} when no scheme, user-info percent-decoded. */
    static ProxyServer parse(String protocol, String value, NonProxyHosts bypass, String variable) {
        String text = value.contains("://") ? value : "http://" + value;
        URI uri;
        try {
            uri = Urls.parseLenient(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(variable + " is not a proxy URL; expected http://[user:password@]host:port");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http")) {
            throw new IllegalArgumentException(variable + " names a " + scheme + ":// proxy ("
                    + Urls.redact(uri) + "), which the plugin cannot use: only http:// proxies are supported "
                    + "(expected http://[user:password@]host:port)");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException(variable + " (" + Urls.redact(uri) + ") has no host; "
                    + "expected http://[user:password@]host:port");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        String user = null;
        String password = null;
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && !userInfo.isEmpty()) {
            int colon = userInfo.indexOf(':');
            user = Urls.percentDecode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? "" : Urls.percentDecode(userInfo.substring(colon + 1));
        }
        return new ProxyServer(protocol, host, uri.getPort() == -1 ? 80 : uri.getPort(), user, password, bypass,
                variable);
    }
}
