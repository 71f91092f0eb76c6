package io.github.smvm.assess;

import io.github.smvm.index.IndexCredentials;
import io.github.smvm.index.Netrc;
import java.util.Objects;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Configured credentials of the indexes.
 *
 * @param index for the main index, whichever setting names it (the pom, a requirements file's
 *     {@code --index-url}, pip's configuration), or {@code null}
 * @param extraIndexes by extra index URL, as configured
 * @param netrc credentials by host for requests that have none of the above and no user-info, as pip
 *     takes them from {@code ~/.netrc}
 */
public record IndexAuthentication(IndexCredentials index, Map<String, IndexCredentials> extraIndexes, Netrc netrc) {

    /** Without a netrc. */
    public IndexAuthentication(IndexCredentials index, Map<String, IndexCredentials> extraIndexes) {
        this(index, extraIndexes, Netrc.empty());
    }

    public IndexAuthentication {
        extraIndexes = Collections.unmodifiableMap(new LinkedHashMap<>(extraIndexes));
        Objects.requireNonNull(netrc, "netrc");
    }

    public static IndexAuthentication none() {
        return new IndexAuthentication(null, Map.of());
    }

    /** These credentials with {@code value} as the netrc. */
    public IndexAuthentication withNetrc(Netrc value) {
        return new IndexAuthentication(index, extraIndexes, value);
    }

    public boolean isEmpty() {
        return index == null && extraIndexes.isEmpty() && netrc.isEmpty();
    }

    /** Every configured set of credentials. */
    public List<IndexCredentials> all() {
        List<IndexCredentials> all = new ArrayList<>();
        if (index != null) {
            all.add(index);
        }
        all.addAll(extraIndexes.values());
        return all;
    }
}
