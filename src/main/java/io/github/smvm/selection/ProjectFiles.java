package io.github.smvm.selection;

import io.github.smvm.index.IndexFile;
import io.github.smvm.pep440.InvalidSpecifierException;
import io.github.smvm.pep440.SpecifierSet;
import io.github.smvm.pep440.Version;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The files of one project with their names and {@code Requires-Python} values parsed: parse a page
 * once, then choose from it for every requirement and environment that needs the project.
 *
 * @param project the normalised project name
 * @param candidates the files whose names parse as distributions of {@code project}; others are
 *     ignored, as pip does
 * @param requiresPython each distinct valid {@code Requires-Python} text of the files, parsed; a file
 *     whose text is absent, blank or invalid has no entry (pip ignores an invalid value)
 */
public record ProjectFiles(String project, List<Candidate> candidates, Map<String, SpecifierSet> requiresPython) {

    public ProjectFiles {
        Objects.requireNonNull(project, "project");
        candidates = List.copyOf(candidates);
        requiresPython = Collections.unmodifiableMap(new HashMap<>(requiresPython));
    }

    public static ProjectFiles parse(String project, List<IndexFile> files) {
        List<Candidate> candidates = Selector.candidates(project, files);
        Map<String, SpecifierSet> requiresPython = new HashMap<>();
        for (Candidate candidate : candidates) {
            String text = candidate.file().requiresPython();
            if (text != null && !text.isBlank() && !requiresPython.containsKey(text)) {
                try {
                    requiresPython.put(text, SpecifierSet.parse(text));
                } catch (InvalidSpecifierException e) {
                    // ignored, as pip ignores it
                }
            }
        }
        return new ProjectFiles(project, candidates, requiresPython);
    }

    /** Whether the file's index entry admits {@code python} (an invalid or missing value admits all). */
    public boolean admits(Candidate candidate, Version python) {
        String text = candidate.file().requiresPython();
        SpecifierSet specifier = text == null ? null : requiresPython.get(text);
        return specifier == null || specifier.contains(python, true);
    }
}
