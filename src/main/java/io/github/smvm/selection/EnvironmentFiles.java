package io.github.smvm.selection;

import io.github.smvm.pep440.Version;
import io.github.smvm.tags.Tag;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One project's files as one environment sees them, worked out once: the files whose index
 * {@code Requires-Python} admits the environment's Python, which of them are wheels with a supported
 * tag, and the newest version with such a wheel. Every requirement on the project in that environment
 * (each dependent's specifier) is then decided from it without looking at every file's tags again.
 * Safe for concurrent use.
 */
public final class EnvironmentFiles {

    private final ProjectFiles files;
    private final SelectionEnvironment environment;
    private final List<Candidate> pythonOk;
    private final List<Candidate> compatible;
    private final Version newestCompatible;
    private final Map<Version, List<String>> wheelsByVersion = new ConcurrentHashMap<>();

    private EnvironmentFiles(ProjectFiles files, SelectionEnvironment environment) {
        this.files = Objects.requireNonNull(files, "files");
        this.environment = Objects.requireNonNull(environment, "environment");
        Map<String, Boolean> admitted = new HashMap<>();
        // files share their tag sets (WheelFilename keeps one object per text): each set is checked once
        Map<Set<Tag>, Boolean> supported = new IdentityHashMap<>();
        List<Candidate> ok = new ArrayList<>();
        List<Candidate> fit = new ArrayList<>();
        Version newestFinal = null;
        Version newestAny = null;
        for (Candidate c : files.candidates()) {
            String text = c.file().requiresPython();
            boolean admits = text == null
                    || admitted.computeIfAbsent(text, t -> files.admits(c, environment.pythonVersion()));
            if (!admits) {
                continue;
            }
            ok.add(c);
            if (c.isWheel() && supported.computeIfAbsent(c.wheel().tags(), environment.tags()::supportsAny)) {
                fit.add(c);
                if (!c.file().yanked()) {
                    newestAny = max(newestAny, c.version());
                    if (!c.version().isPrerelease()) {
                        newestFinal = max(newestFinal, c.version());
                    }
                }
            }
        }
        this.pythonOk = Collections.unmodifiableList(ok);
        this.compatible = Collections.unmodifiableList(fit);
        this.newestCompatible = newestFinal != null ? newestFinal : newestAny;
    }

    /** The files of {@code files} as {@code environment} sees them. */
    public static EnvironmentFiles of(ProjectFiles files, SelectionEnvironment environment) {
        return new EnvironmentFiles(files, environment);
    }

    private static Version max(Version a, Version b) {
        return a == null || b.compareTo(a) > 0 ? b : a;
    }

    public ProjectFiles files() {
        return files;
    }

    public SelectionEnvironment environment() {
        return environment;
    }

    /** The candidates whose index {@code Requires-Python} admits the environment's Python, in page order. */
    List<Candidate> pythonOk() {
        return pythonOk;
    }

    /** Of {@link #pythonOk()}, the wheels with a tag the environment supports, in page order. */
    List<Candidate> compatible() {
        return compatible;
    }

    /**
     * The newest version with a wheel the environment accepts and a {@code Requires-Python} it meets,
     * yanked files left out, pre-releases only when no final release has such a wheel.
     */
    Version newestCompatible() {
        return newestCompatible;
    }

    /** The tag sets of the wheels of {@code version}, sorted; empty for {@code null}. */
    List<String> wheelsOf(Version version) {
        if (version == null) {
            return List.of();
        }
        return wheelsByVersion.computeIfAbsent(version, v -> Selector.wheelsOf(files.candidates(), v));
    }
}
