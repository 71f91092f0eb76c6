package io.github.smvm.index;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * The files an index (or find-links source) lists for one project.
 *
 * @param project the PEP 503-normalised project name; empty for an unfiltered find-links listing
 * @param url the URL the page was read from (the final URL after redirects)
 * @param files the files, in page order
 * @param warnings problems that did not prevent reading the page (skipped links, unknown API minor
 *     version, failures of other sources in a composite index...)
 * @param indexWarnings from a composite index: the project is on more than one index (a
 *     dependency-confusion risk), naming them and which were used
 */
public record ProjectPage(String project, URI url, List<IndexFile> files, List<String> warnings,
        List<String> indexWarnings) {

    public ProjectPage {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(url, "url");
        files = List.copyOf(files);
        warnings = List.copyOf(warnings);
        indexWarnings = List.copyOf(indexWarnings);
    }

    public ProjectPage(String project, URI url, List<IndexFile> files, List<String> warnings) {
        this(project, url, files, warnings, List.of());
    }

    ProjectPage withProject(String name) {
        return new ProjectPage(name, url, files, warnings, indexWarnings);
    }
}
