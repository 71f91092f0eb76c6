package io.github.smvm.assess;

import io.github.smvm.index.Urls;
import io.github.smvm.pipconfig.PipConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where packages are looked for, as configured: the pom's values, and for each setting the pom leaves
 * unset, pip's configuration ({@link PipConfig}). Requirements files add their own options when they
 * are read (their {@code --index-url} overrides one from pip's configuration, as in pip, but not the
 * pom's).
 *
 * @param indexUrl the index, or {@code null} for the requirements files' or pip's default
 * @param extraIndexUrls further indexes
 * @param findLinks find-links locations
 * @param noIndex consult only find-links
 * @param cert a CA bundle (PEM) trusted in addition to the JDK's authorities: the pom's {@code caBundle}, else
 *     pip's {@code cert}; or {@code null}
 * @param origins for each setting that has a value ({@code index-url}, {@code extra-index-url},
 *     {@code find-links}, {@code no-index}, {@code cert}), where it came from: {@link #POM} or a pip
 *     configuration file with its section or a {@code PIP_*} variable
 * @param notes what was read and what the pom overrode, for the log (no credentials)
 */
public record IndexSettings(String indexUrl, List<String> extraIndexUrls, List<String> findLinks, boolean noIndex,
        String cert, Map<String, String> origins, List<String> notes) {

    /** The origin of a value written in the pom (or given as a property on the command line). */
    public static final String POM = "pom";

    public IndexSettings {
        extraIndexUrls = List.copyOf(extraIndexUrls);
        findLinks = List.copyOf(findLinks);
        origins = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(origins));
        notes = List.copyOf(notes);
    }

    /** Only the pom's values; pip's configuration is not used. */
    public static IndexSettings ofPom(String indexUrl, List<String> extraIndexUrls, List<String> findLinks,
            Boolean noIndex) {
        return resolve(indexUrl, extraIndexUrls, findLinks, noIndex, PipConfig.none(), false);
    }

    /** Only the pom's values, with a CA bundle ({@code caBundle}, or {@code null}). */
    public static IndexSettings ofPom(String indexUrl, List<String> extraIndexUrls, List<String> findLinks,
            Boolean noIndex, String caBundle) {
        return resolve(indexUrl, extraIndexUrls, findLinks, noIndex, caBundle, PipConfig.none(), false);
    }

    /** {@link #resolve(String, List, List, Boolean, String, PipConfig, boolean)} without a pom CA bundle. */
    public static IndexSettings resolve(String indexUrl, List<String> extraIndexUrls, List<String> findLinks,
            Boolean noIndex, PipConfig pip, boolean used) {
        return resolve(indexUrl, extraIndexUrls, findLinks, noIndex, null, pip, used);
    }

    /**
     * The pom's values, each setting it leaves unset (null, or an empty list) taken from pip's configuration.
     *
     * @param caBundle the pom's CA bundle, which wins over pip's {@code cert}, or {@code null}
     * @param used whether pip's configuration was read (for the notes)
     */
    public static IndexSettings resolve(String indexUrl, List<String> extraIndexUrls, List<String> findLinks,
            Boolean noIndex, String caBundle, PipConfig pip, boolean used) {
        Objects.requireNonNull(pip, "pip");
        Map<String, String> origins = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        if (used) {
            notes.add("pip's configuration: " + (pip.read().isEmpty() ? "nothing set" : "read "
                    + String.join(", ", pip.read())));
        }
        String index = pick("index-url", indexUrl, indexUrl != null, pip.indexUrl(), origins, notes);
        List<String> extra = pick("extra-index-url", extraIndexUrls, !extraIndexUrls.isEmpty(), pip.extraIndexUrls(),
                origins, notes);
        List<String> links = pick("find-links", findLinks, !findLinks.isEmpty(), pip.findLinks(), origins, notes);
        Boolean none = pick("no-index", noIndex, noIndex != null, pip.noIndex(), origins, notes);
        String cert = pick("cert", caBundle, caBundle != null, pip.cert(), origins, notes);
        if (none != null && none && (index != null || (extra != null && !extra.isEmpty()))) {
            notes.add("no-index is set (" + origins.get("no-index") + "): index-url and extra-index-url are not used");
        }
        return new IndexSettings(index, extra == null ? List.of() : extra, links == null ? List.of() : links,
                none != null && none, cert, origins, notes);
    }

    private static <T> T pick(String setting, T pom, boolean pomSet, Optional<PipConfig.Setting<T>> pip,
            Map<String, String> origins, List<String> notes) {
        if (pomSet) {
            origins.put(setting, POM);
            pip.ifPresent(p -> notes.add("pip's " + setting + " " + describe(p.value()) + " (" + p.origin()
                    + ") is overridden by the pom"));
            return pom;
        }
        if (pip.isPresent()) {
            T value = pip.get().value();
            if (value instanceof List<?> list && list.isEmpty()) {
                return null;
            }
            origins.put(setting, pip.get().origin());
            notes.add(setting + " " + describe(value) + " from " + pip.get().origin());
            return value;
        }
        return null;
    }

    /** A value for messages: locations without credentials or query values. */
    static String describe(Object value) {
        if (value instanceof List<?> list) {
            List<String> items = new ArrayList<>();
            list.forEach(item -> items.add(location(String.valueOf(item))));
            return String.join(" ", items);
        }
        return value instanceof String s ? location(s) : String.valueOf(value);
    }

    /** A location without credentials or query values; a plain path unchanged. */
    public static String location(String location) {
        if (!location.contains("://")) {
            return location;
        }
        try {
            return Urls.redactSecrets(Urls.parseLenient(location));
        } catch (IllegalArgumentException e) {
            return "(unparseable URL)";
        }
    }
}
