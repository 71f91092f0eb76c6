package io.github.smvm.venv;

import io.github.smvm.index.ProxyConfig;
import io.github.smvm.index.Urls;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How pip installs the requirements: the same sources the assessment read, as pip options.
 *
 * <p>Every location goes to pip through its environment ({@code PIP_INDEX_URL}, …), never its command
 * line, because index URLs may carry credentials; the command line holds only the requirement files
 * and flags. pip's own configuration files are switched off ({@code PIP_CONFIG_FILE} set to the null
 * device, every inherited {@code PIP_*} variable removed), so that pip sees exactly what the assessment
 * saw and not what a machine-wide {@code pip.conf} adds.
 *
 * @param requirementFiles files passed as {@code -r}
 * @param constraintFiles files passed as {@code -c}
 * @param extraRequirements requirement lines from other sources (pyproject.toml, pylock.toml, the pom),
 *     written to a temporary requirements file
 * @param indexUrl the index, or {@code null} for none (with {@code noIndex}) or pip's default
 * @param requireHashes pass {@code --require-hashes} (the requirements carry hashes)
 * @param cert a CA bundle for pip ({@code PIP_CERT}), from pip's configuration when the assessment read it;
 *     {@code null} for pip's own default
 * @param proxy the proxies the assessment used: pip gets them as {@code http_proxy}/{@code https_proxy}/
 *     {@code no_proxy} (both cases, credentials percent-encoded in the URLs), and the inherited proxy variables
 *     are removed; {@link ProxyConfig#none()} leaves pip's environment as it is
 */
public record PipSettings(List<Path> requirementFiles, List<Path> constraintFiles, List<String> extraRequirements,
        String indexUrl, List<String> extraIndexUrls, List<String> findLinks, boolean noIndex, boolean onlyBinary,
        boolean pre, boolean requireHashes, String cert, ProxyConfig proxy) {

    /** The names of the proxy variables pip reads, removed from its environment when it is given a proxy. */
    public static final List<String> PROXY_VARIABLES = List.of("http_proxy", "HTTP_PROXY", "https_proxy",
            "HTTPS_PROXY", "all_proxy", "ALL_PROXY", "no_proxy", "NO_PROXY");

    /** Settings without a proxy of their own. */
    public PipSettings(List<Path> requirementFiles, List<Path> constraintFiles, List<String> extraRequirements,
            String indexUrl, List<String> extraIndexUrls, List<String> findLinks, boolean noIndex, boolean onlyBinary,
            boolean pre, boolean requireHashes, String cert) {
        this(requirementFiles, constraintFiles, extraRequirements, indexUrl, extraIndexUrls, findLinks, noIndex,
                onlyBinary, pre, requireHashes, cert, ProxyConfig.none());
    }

    /** Settings without a CA bundle of their own. */
    public PipSettings(List<Path> requirementFiles, List<Path> constraintFiles, List<String> extraRequirements,
            String indexUrl, List<String> extraIndexUrls, List<String> findLinks, boolean noIndex, boolean onlyBinary,
            boolean pre, boolean requireHashes) {
        this(requirementFiles, constraintFiles, extraRequirements, indexUrl, extraIndexUrls, findLinks, noIndex,
                onlyBinary, pre, requireHashes, null);
    }

    public PipSettings {
        requirementFiles = List.copyOf(requirementFiles);
        constraintFiles = List.copyOf(constraintFiles);
        extraRequirements = List.copyOf(extraRequirements);
        extraIndexUrls = List.copyOf(extraIndexUrls);
        findLinks = List.copyOf(findLinks);
        proxy = proxy == null ? ProxyConfig.none() : proxy;
        if (requirementFiles.isEmpty() && extraRequirements.isEmpty()) {
            throw new IllegalArgumentException("there is nothing to install: no requirements files and no other "
                    + "requirements");
        }
    }

    /** The arguments after {@code python -m pip install}: flags and requirement files only, no locations. */
    public List<String> installArguments(Path extraRequirementsFile) {
        List<String> args = new ArrayList<>();
        args.add("--no-input");
        args.add("--disable-pip-version-check");
        if (onlyBinary) {
            args.add("--only-binary=:all:");
        }
        if (requireHashes) {
            args.add("--require-hashes");
        }
        if (pre) {
            args.add("--pre");
        }
        for (Path file : requirementFiles) {
            args.add("-r");
            args.add(file.toAbsolutePath().toString());
        }
        if (extraRequirementsFile != null) {
            args.add("-r");
            args.add(extraRequirementsFile.toAbsolutePath().toString());
        }
        for (Path file : constraintFiles) {
            args.add("-c");
            args.add(file.toAbsolutePath().toString());
        }
        return args;
    }

    /** The variables pip gets: its configuration switched off and the locations, credentials included. */
    public Map<String, String> environment(VenvLayout layout) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PIP_CONFIG_FILE", layout.nullDevice());
        env.put("PIP_DISABLE_PIP_VERSION_CHECK", "1");
        env.put("PIP_NO_INPUT", "1");
        if (noIndex) {
            env.put("PIP_NO_INDEX", "1");
        } else if (indexUrl != null) {
            env.put("PIP_INDEX_URL", indexUrl);
        }
        if (!noIndex && !extraIndexUrls.isEmpty()) {
            env.put("PIP_EXTRA_INDEX_URL", String.join(" ", extraIndexUrls));
        }
        if (!findLinks.isEmpty()) {
            env.put("PIP_FIND_LINKS", String.join(" ", findLinks));
        }
        if (cert != null) {
            env.put("PIP_CERT", cert);
        }
        env.putAll(proxy.pipEnvironment(new ArrayList<>()));
        return env;
    }

    /** The passwords and tokens in the locations, to be scrubbed from anything pip prints. */
    public Set<String> secrets() {
        Set<String> secrets = new LinkedHashSet<>();
        List<String> locations = new ArrayList<>(extraIndexUrls);
        locations.add(indexUrl);
        locations.addAll(findLinks);
        for (String location : locations) {
            if (location == null) {
                continue;
            }
            try {
                URI uri = Urls.parseLenient(location);
                String userInfo = uri.getRawUserInfo();
                if (userInfo != null && !userInfo.isEmpty()) {
                    secrets.add(userInfo);
                    int colon = userInfo.indexOf(':');
                    if (colon >= 0 && colon < userInfo.length() - 1) {
                        secrets.add(userInfo.substring(colon + 1));
                        secrets.add(Urls.percentDecode(userInfo.substring(colon + 1)));
                    }
                }
                String query = uri.getRawQuery();
                if (query != null && !query.isEmpty()) {
                    secrets.add(query);
                }
            } catch (IllegalArgumentException e) {
                // not a URL (a directory): nothing secret in it
            }
        }
        secrets.addAll(proxy.secrets());
        secrets.removeIf(s -> s.length() < 3);
        return secrets;
    }

    /** {@code text} with every secret replaced by {@code ****}. */
    public static String scrub(String text, Set<String> secrets) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, "****");
        }
        return result;
    }

    /** The locations without credentials, for logs and records. */
    public List<String> redactedLocations() {
        List<String> result = new ArrayList<>();
        if (!noIndex && indexUrl != null) {
            result.add(redact(indexUrl));
        }
        if (!noIndex) {
            extraIndexUrls.forEach(u -> result.add(redact(u)));
        }
        findLinks.forEach(u -> result.add(redact(u)));
        return result;
    }

    private static String redact(String location) {
        if (!location.contains("://")) {
            return location; // a directory: no credentials, and not to be percent-encoded
        }
        try {
            return Urls.redact(Urls.parseLenient(location));
        } catch (IllegalArgumentException e) {
            return location;
        }
    }
}
