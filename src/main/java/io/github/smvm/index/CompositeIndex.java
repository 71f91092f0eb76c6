package io.github.smvm.index;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The primary index, extra indexes and find-links locations together, merged as pip merges them:
 * the files of all sources, in source order, duplicates (same URL) dropped after the first.
 *
 * <ul>
 *   <li>{@link ProjectResult.Found} when at least one source found the project; failures of other
 *       sources are warnings on the page ({@code "<source>: <reason>"}).
 *   <li>{@link ProjectResult.Failed} only when every source failed (reasons joined with "; ").
 *   <li>Otherwise {@link ProjectResult.NotFound}, with the failures of any failed sources as warnings.
 * </ul>
 */
public final class CompositeIndex extends CachingIndexClient {

    private final List<IndexClient> sources;

    public CompositeIndex(List<? extends IndexClient> sources, IndexOptions options) {
        super(options);
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("a composite index needs at least one source");
        }
        this.sources = List.copyOf(sources);
    }

    public List<IndexClient> sources() {
        return sources;
    }

    @Override
    public URI location() {
        return sources.get(0).location();
    }

    @Override
    ProjectResult load(String name) {
        List<IndexFile> files = new ArrayList<>();
        Set<URI> seen = new LinkedHashSet<>();
        List<String> warnings = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        URI foundUrl = null;
        int failed = 0;
        for (IndexClient source : sources) {
            ProjectResult r = Objects.requireNonNull(source.fetchProject(name), "source result");
            if (r instanceof ProjectResult.Found f) {
                if (foundUrl == null) {
                    foundUrl = f.page().url();
                }
                for (IndexFile file : f.page().files()) {
                    if (seen.add(file.url())) {
                        files.add(file);
                    }
                }
                warnings.addAll(f.page().warnings());
            } else if (r instanceof ProjectResult.Failed fail) {
                failed++;
                String msg = Urls.redactSecrets(source.location()) + ": " + fail.reason();
                failures.add(msg);
                warnings.add(msg);
            } else {
                warnings.addAll(r.warnings());
            }
        }
        if (foundUrl != null) {
            return new ProjectResult.Found(new ProjectPage(name, foundUrl, files, warnings));
        }
        if (failed == sources.size()) {
            return new ProjectResult.Failed(location(), "every source failed for " + name + ": "
                    + String.join("; ", failures));
        }
        return new ProjectResult.NotFound(location(), warnings);
    }
}
