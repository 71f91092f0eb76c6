package io.github.smvm.assess;

import io.github.smvm.index.IndexCredentials;
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
 */
public record IndexAuthentication(IndexCredentials index, Map<String, IndexCredentials> extraIndexes) {

    public IndexAuthentication {
        extraIndexes = Collections.unmodifiableMap(new LinkedHashMap<>(extraIndexes));
    }

    public static IndexAuthentication none() {
        return new IndexAuthentication(null, Map.of());
    }

    public boolean isEmpty() {
        return index == null && extraIndexes.isEmpty();
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
