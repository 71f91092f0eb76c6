package io.github.smvm.index;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Indexes and find-links locations together.
 *
 * <p>Every index is asked for every project, in priority order. With
 * {@link IndexStrategy#FIRST_INDEX} only the files of the first index that has the project are used;
 * with {@link IndexStrategy#UNSAFE_MERGE} the files of all of them, as pip does. Either way a project
 * found on more than one index gets an {@link ProjectPage#indexWarnings() index warning}: a name on two
 * indexes may be two different projects (dependency confusion). Find-links locations always add their
 * files. Files are kept in source order, duplicates (same URL) dropped after the first.
 *
 * <ul>
 *   <li>{@link ProjectResult.Found} when at least one source found the project; failures of other
 *       sources are warnings on the page ({@code "<source>: <reason>"}).
 *   <li>{@link ProjectResult.NotFound} when every source answered and none has it.
 *   <li>Otherwise {@link ProjectResult.Failed}: no source that could be read has the project and some
 *       could not be read, so whether it exists is unknown (reasons joined with "; ", the URL that of the
 *       first source that failed).
 * </ul>
 */
public final class CompositeIndex extends CachingIndexClient {

    private final List<IndexClient> indexes;
    private final List<IndexClient> findLinks;
    private final IndexStrategy strategy;

    /** Every source taken as an index, their files merged ({@link IndexStrategy#UNSAFE_MERGE}). */
    public CompositeIndex(List<? extends IndexClient> sources, IndexOptions options) {
        this(sources, List.of(), IndexStrategy.UNSAFE_MERGE, options);
    }

    /**
     * @param indexes simple indexes in priority order
     * @param findLinks find-links locations, whose files are always added
     */
    public CompositeIndex(List<? extends IndexClient> indexes, List<? extends IndexClient> findLinks,
            IndexStrategy strategy, IndexOptions options) {
        super(options);
        if (indexes.isEmpty() && findLinks.isEmpty()) {
            throw new IllegalArgumentException("a composite index needs at least one source");
        }
        this.indexes = List.copyOf(indexes);
        this.findLinks = List.copyOf(findLinks);
        this.strategy = Objects.requireNonNull(strategy, "strategy");
    }

    /** The indexes, then the find-links locations. */
    public List<IndexClient> sources() {
        List<IndexClient> all = new ArrayList<>(indexes);
        all.addAll(findLinks);
        return all;
    }

    public IndexStrategy strategy() {
        return strategy;
    }

    @Override
    public URI location() {
        return sources().get(0).location();
    }

    @Override
    ProjectResult load(String name) {
        List<String> warnings = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        List<ProjectPage> indexPages = new ArrayList<>();
        List<IndexClient> foundOn = new ArrayList<>();
        List<ProjectPage> linkPages = new ArrayList<>();
        List<String> notFoundOn = new ArrayList<>();
        URI firstFailed = null;
        for (IndexClient source : sources()) {
            ProjectResult r = Objects.requireNonNull(source.fetchProject(name), "source result");
            if (r instanceof ProjectResult.Found f) {
                if (indexes.contains(source)) {
                    indexPages.add(f.page());
                    foundOn.add(source);
                } else {
                    linkPages.add(f.page());
                }
            } else if (r instanceof ProjectResult.Failed fail) {
                String msg = Urls.redactSecrets(source.location()) + ": " + fail.reason();
                failures.add(msg);
                warnings.add(msg);
                if (firstFailed == null) {
                    firstFailed = source.location();
                }
            } else {
                warnings.addAll(r.warnings());
                notFoundOn.add(Urls.redactSecrets(source.location()));
            }
        }
        List<ProjectPage> used = new ArrayList<>();
        List<String> indexWarnings = new ArrayList<>();
        if (!indexPages.isEmpty()) {
            used.addAll(strategy == IndexStrategy.FIRST_INDEX ? indexPages.subList(0, 1) : indexPages);
        }
        if (foundOn.size() > 1) {
            indexWarnings.add(duplicateWarning(name, foundOn));
        }
        used.addAll(linkPages);
        if (!used.isEmpty()) {
            List<IndexFile> files = new ArrayList<>();
            // a file listed twice (same URL) is kept once; two URLs of one file have the same file name, so
            // only files whose name came before are resolved to compare URLs (the others may never be)
            Map<String, List<IndexFile>> byName = new HashMap<>();
            List<String> pageWarnings = new ArrayList<>();
            for (ProjectPage page : used) {
                for (IndexFile file : page.files()) {
                    List<IndexFile> named = byName.computeIfAbsent(file.filename(), k -> new ArrayList<>(1));
                    if (named.stream().noneMatch(other -> other.url().equals(file.url()))) {
                        named.add(file);
                        files.add(file);
                    }
                }
                pageWarnings.addAll(page.warnings());
            }
            pageWarnings.addAll(warnings);
            return new ProjectResult.Found(new ProjectPage(name, used.get(0).url(), files, pageWarnings, indexWarnings));
        }
        if (failures.size() == sources().size()) {
            return new ProjectResult.Failed(firstFailed, "every source failed for " + name + ": "
                    + String.join("; ", failures));
        }
        if (!failures.isEmpty()) {
            return new ProjectResult.Failed(firstFailed, name + " is not on " + String.join(", ", notFoundOn)
                    + ", and not every source could be read: " + String.join("; ", failures));
        }
        return new ProjectResult.NotFound(location(), warnings);
    }

    private String duplicateWarning(String name, List<IndexClient> foundOn) {
        List<String> where = foundOn.stream().map(c -> Urls.redactSecrets(c.location())).toList();
        String list = String.join(", ", where);
        if (strategy == IndexStrategy.FIRST_INDEX) {
            return name + " is on more than one index (" + list + "): only " + where.get(0)
                    + " is used (first-index); check that the others' " + name
                    + " is not a different project of the same name (dependency confusion)";
        }
        return name + " is on more than one index (" + list + "): the files of all of them are considered "
                + "(unsafe-merge), so any of them can supply " + name + " (dependency-confusion risk)";
    }
}
