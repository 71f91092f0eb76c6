package io.github.smvm.selection;

import io.github.smvm.dist.BuildTag;
import io.github.smvm.dist.FilenameMemo;
import io.github.smvm.dist.InvalidSdistFilenameException;
import io.github.smvm.dist.InvalidWheelFilenameException;
import io.github.smvm.dist.SdistFilename;
import io.github.smvm.dist.WheelFilename;
import io.github.smvm.index.IndexFile;
import io.github.smvm.pep440.InvalidSpecifierException;
import io.github.smvm.pep440.Specifier;
import io.github.smvm.pep440.SpecifierSet;
import io.github.smvm.pep440.Version;
import io.github.smvm.pep508.Names;
import io.github.smvm.tags.Compatibility;
import io.github.smvm.tags.SupportedTags;
import io.github.smvm.tags.Tag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Chooses the file pip would install for a requirement with {@code --only-binary=:all:}, and when
 * there is none, says why. Pure: it sees only the files of one project and the environment given.
 *
 * <p>The rules, in pip's order: a file counts when its name parses and names the project; a wheel
 * must have a tag the environment supports; a file whose {@code Requires-Python} excludes the
 * environment's Python is dropped (an invalid {@code Requires-Python} is ignored, as pip does); the
 * versions left are filtered by the specifier with packaging's pre-release rules (pre-releases only
 * when the specifier names one, {@code --pre} is given, or — with no specifier at all — nothing else
 * is left); yanked files are dropped unless every remaining file is yanked and the specifier pins a
 * version with {@code ==} or {@code ===} (PEP 592, as pip's resolver applies it). Of the rest the
 * highest version wins, then the best tag priority, then the highest build tag.
 *
 * <p>pip also reads the {@code Requires-Python} of the chosen wheel's own metadata and, when that
 * excludes the environment, goes on to the next version (its resolver sees the version's Python
 * requirement as unsatisfiable). Reading metadata is I/O, so it is left to the caller: it passes what
 * it has read as {@code metadataRequiresPython}, and a version whose metadata excludes the
 * environment is dropped like one whose index entry does.
 */
public final class Selector {

    private static final Comparator<BuildTag> BUILD_TAG_ORDER = Comparator.nullsFirst(Comparator.naturalOrder());

    private Selector() {}

    /**
     * @param project the normalised project name the files belong to
     * @param specifier the requirement's version specifier
     * @param allowPrereleases pip's {@code --pre}
     * @param hashes the requirement's {@code --hash} values ({@code sha256:hex}); empty for none
     * @return the choice, with the wheels published for the newest allowed version and the newest
     *     version this environment has a wheel for (what a request to the vendor builds on)
     */
    public static Selection select(String project, SpecifierSet specifier, boolean allowPrereleases,
            List<IndexFile> files, SelectionEnvironment environment, Set<String> hashes) {
        return select(project, specifier, allowPrereleases, files, environment, hashes, Map.of());
    }

    /**
     * @param metadataRequiresPython the {@code Requires-Python} of versions whose wheel metadata the caller
     *     has read ({@code null} values: the metadata has none); a version it excludes is not chosen
     */
    public static Selection select(String project, SpecifierSet specifier, boolean allowPrereleases,
            List<IndexFile> files, SelectionEnvironment environment, Set<String> hashes,
            Map<Version, String> metadataRequiresPython) {
        return select(ProjectFiles.parse(project, files), specifier, allowPrereleases, environment, hashes,
                metadataRequiresPython);
    }

    /** {@link #select(String, SpecifierSet, boolean, List, SelectionEnvironment, Set, Map)} on files parsed once. */
    public static Selection select(ProjectFiles files, SpecifierSet specifier, boolean allowPrereleases,
            SelectionEnvironment environment, Set<String> hashes, Map<Version, String> metadataRequiresPython) {
        return select(EnvironmentFiles.of(files, environment), specifier, allowPrereleases, hashes,
                metadataRequiresPython);
    }

    /**
     * {@link #select(String, SpecifierSet, boolean, List, SelectionEnvironment, Set, Map)} on files parsed
     * once and seen from the environment once: the form for many requirements on one project.
     */
    public static Selection select(EnvironmentFiles view, SpecifierSet specifier, boolean allowPrereleases,
            Set<String> hashes, Map<Version, String> metadataRequiresPython) {
        Selection selection = choose(view, specifier, allowPrereleases, hashes, metadataRequiresPython);
        return selection.withAvailability(view.wheelsOf(selection.newestAllowed()), view.newestCompatible());
    }

    private static Selection choose(EnvironmentFiles view, SpecifierSet specifier, boolean allowPrereleases,
            Set<String> hashes, Map<Version, String> metadataRequiresPython) {
        ProjectFiles files = view.files();
        SelectionEnvironment environment = view.environment();
        String project = files.project();
        List<Candidate> all = files.candidates();
        Objects.requireNonNull(specifier, "specifier");
        List<Candidate> pythonOk = view.pythonOk();
        // pip's choice: compatible wheels only
        List<Candidate> compatible = view.compatible();
        if (!metadataRequiresPython.isEmpty()) {
            // each version's metadata value is asked once, not once per file
            Map<Version, Boolean> admitted = new HashMap<>();
            metadataRequiresPython.forEach((version, value) ->
                    admitted.put(version, requiresPythonAllows(value, environment.pythonVersion())));
            pythonOk = pythonOk.stream().filter(c -> admitted.getOrDefault(c.version(), true)).toList();
            compatible = compatible.stream().filter(c -> admitted.getOrDefault(c.version(), true)).toList();
        }
        List<Candidate> applicable = applicable(compatible, specifier, allowPrereleases, hashes);
        Candidate chosen = preferred(applicable, environment);

        // the same rules over every file type: what plain pip would consider
        List<Candidate> allowedAnyType = applicable(pythonOk, specifier, allowPrereleases, hashes);
        Version newestAllowed = null;
        for (Candidate c : allowedAnyType) {
            if (newestAllowed == null || c.version().compareTo(newestAllowed) > 0) {
                newestAllowed = c.version();
            }
        }
        if (chosen != null) {
            if (chosen.version().compareTo(newestAllowed) >= 0) {
                return new Selection(Status.WHEEL, chosen, null, null, newestAllowed);
            }
            String why = whyNoWheel(project, newestAllowed, allowedAnyType, environment);
            return new Selection(Status.OLDER_WHEEL, chosen,
                    why + "; only " + project + " " + chosen.version() + " has a compatible wheel",
                    "pin " + project + "==" + chosen.version() + ", or ask for " + environment.description()
                            + " wheels of " + project + " " + newestAllowed,
                    newestAllowed);
        }
        String suggestion = suggestion(project, specifier, pythonOk, environment);
        if (newestAllowed == null) {
            return new Selection(Status.NO_VERSION, null, whyNoVersion(project, specifier, allowPrereleases, all,
                    environment, metadataRequiresPython), suggestion, null);
        }
        boolean anyWheel = allowedAnyType.stream().anyMatch(Candidate::isWheel);
        String why = whyNoWheel(project, newestAllowed, allowedAnyType, environment);
        return new Selection(anyWheel ? Status.NO_WHEEL : Status.SDIST_ONLY, null, why, suggestion, newestAllowed);
    }

    /** The files that parse as distributions of {@code project}; others are ignored, as pip does. */
    static List<Candidate> candidates(String project, List<IndexFile> files) {
        List<Candidate> result = new ArrayList<>();
        FilenameMemo memo = FilenameMemo.create();
        for (IndexFile file : files) {
            String name = file.filename();
            String lower = name.toLowerCase(Locale.ROOT);
            try {
                if (lower.endsWith(".whl")) {
                    WheelFilename wheel = WheelFilename.parse(name, memo);
                    if (wheel.name().equals(project)) {
                        result.add(new Candidate(file, wheel.version(), wheel));
                    }
                } else if (lower.endsWith(".tar.gz") || lower.endsWith(".zip")) {
                    SdistFilename sdist = SdistFilename.parse(name, memo);
                    if (Names.normalize(sdist.name()).equals(project)) {
                        result.add(new Candidate(file, sdist.version(), null));
                    }
                }
            } catch (InvalidWheelFilenameException | InvalidSdistFilenameException e) {
                // pip skips files whose names it cannot read
            }
        }
        return result;
    }

    /**
     * Whether a {@code Requires-Python} value admits {@code python}; a missing, blank or invalid value
     * admits every Python, as pip treats it.
     */
    public static boolean requiresPythonAllows(String requiresPython, Version python) {
        SpecifierSet parsed = requiresPython(requiresPython);
        return parsed == null || parsed.contains(python, true);
    }

    /**
     * A {@code Requires-Python} value parsed for {@link #requiresPythonAllows}, to ask it about many
     * Pythons; {@code null} for a missing, blank or invalid value, which admits every Python.
     */
    public static SpecifierSet requiresPython(String requiresPython) {
        if (requiresPython == null || requiresPython.isBlank()) {
            return null;
        }
        try {
            return SpecifierSet.parse(requiresPython);
        } catch (InvalidSpecifierException e) {
            return null; // pip ignores an invalid Requires-Python
        }
    }

    /** Specifier, hash and yanked rules over one set of candidates, as pip's finder and resolver apply them. */
    private static List<Candidate> applicable(List<Candidate> candidates, SpecifierSet specifier,
            boolean allowPrereleases, Set<String> hashes) {
        Set<Version> versions = new LinkedHashSet<>();
        candidates.forEach(c -> versions.add(c.version()));
        Set<Version> allowed = new java.util.HashSet<>(specifier.filter(versions, allowPrereleases ? Boolean.TRUE : null));
        List<Candidate> result = candidates.stream().filter(c -> allowed.contains(c.version())).toList();
        if (!hashes.isEmpty()) {
            List<Candidate> matching = result.stream().filter(c -> hashAllowed(c.file(), hashes)).toList();
            if (!matching.isEmpty()) {
                result = matching;
            }
        }
        boolean allYanked = !result.isEmpty() && result.stream().allMatch(c -> c.file().yanked());
        if (!(allYanked && isPinned(specifier))) {
            result = result.stream().filter(c -> !c.file().yanked()).toList();
        }
        return result;
    }

    private static boolean hashAllowed(IndexFile file, Set<String> hashes) {
        for (Map.Entry<String, String> hash : file.hashes().entrySet()) {
            if (hashes.contains(hash.getKey().toLowerCase(Locale.ROOT) + ":" + hash.getValue().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** pip's {@code is_pinned}: some clause is {@code ===}, or {@code ==} without a wildcard. */
    static boolean isPinned(SpecifierSet specifier) {
        for (Specifier clause : specifier.specifiers()) {
            if (clause.operator().equals("===")) {
                return true;
            }
            if (clause.operator().equals("==") && !clause.version().endsWith(".*")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The candidate pip prefers: the highest version, then the best tag priority, then the highest build
     * tag; of equal ones the first. Priorities are worked out only for the files of the highest version.
     */
    private static Candidate preferred(List<Candidate> candidates, SelectionEnvironment environment) {
        Version top = null;
        for (Candidate c : candidates) {
            if (top == null || c.version().compareTo(top) > 0) {
                top = c.version();
            }
        }
        Candidate best = null;
        int bestPriority = 0;
        for (Candidate c : candidates) {
            if (c.version().compareTo(top) != 0) {
                continue;
            }
            int priority = priority(c, environment);
            if (best == null || priority < bestPriority || (priority == bestPriority
                    && BUILD_TAG_ORDER.compare(c.buildTag().orElse(null), best.buildTag().orElse(null)) > 0)) {
                best = c;
                bestPriority = priority;
            }
        }
        return best;
    }

    private static int priority(Candidate candidate, SelectionEnvironment environment) {
        Compatibility compatibility = environment.tags().compatibility(candidate.wheel().tags());
        return compatibility instanceof Compatibility.Compatible c ? c.priority() : Integer.MAX_VALUE;
    }

    /**
     * Why the newest allowed version has no wheel here. When no wheel is built for the environment's
     * interpreter and ABI, it names the builds there are; otherwise it names the platforms that the
     * builds for this Python do cover, and the closest miss among them (e.g. glibc too new).
     */
    private static String whyNoWheel(String project, Version version, List<Candidate> allowed,
            SelectionEnvironment environment) {
        List<Candidate> ofVersion = allowed.stream().filter(c -> c.version().equals(version)).toList();
        List<Candidate> wheels = ofVersion.stream().filter(Candidate::isWheel).toList();
        if (wheels.isEmpty()) {
            return project + " " + version + " is published only as a source distribution ("
                    + ofVersion.get(0).filename() + "), which needs a build";
        }
        SupportedTags tags = environment.tags();
        String head = project + " " + version + " has no wheel for " + environment.description() + ": ";
        List<Tag> forThisPython = wheels.stream().flatMap(c -> c.wheel().tags().stream())
                .filter(tags::supportsInterpreterAbi).toList();
        if (forThisPython.isEmpty()) {
            Set<String> builds = wheels.stream().flatMap(c -> c.wheel().tags().stream())
                    .map(t -> t.interpreter() + "-" + t.abi()).collect(Collectors.toCollection(TreeSet::new));
            return head + "its wheels are built for " + listed(builds) + ", none for " + tags.interpreter();
        }
        Compatibility.Incompatible closest = null;
        for (Tag tag : forThisPython) {
            if (tags.compatibility(List.of(tag)) instanceof Compatibility.Incompatible i
                    && (closest == null || i.reason().compareTo(closest.reason()) > 0)) {
                closest = i;
            }
        }
        Set<String> platforms = forThisPython.stream().map(Tag::platform)
                .collect(Collectors.toCollection(TreeSet::new));
        return head + tags.interpreter() + " wheels exist only for " + listed(platforms)
                + (closest == null ? "" : "; " + closest.detail());
    }

    private static String listed(Set<String> values) {
        int shown = 8;
        String text = values.stream().limit(shown).collect(Collectors.joining(", "));
        return values.size() > shown ? text + " and " + (values.size() - shown) + " more" : text;
    }

    private static String whyNoVersion(String project, SpecifierSet specifier, boolean allowPrereleases,
            List<Candidate> all, SelectionEnvironment environment, Map<Version, String> metadataRequiresPython) {
        if (all.isEmpty()) {
            return "the index lists no installable files for " + project;
        }
        List<Candidate> matching = applicable(all, specifier, allowPrereleases, Set.of());
        String spec = specifier.isEmpty() ? "" : specifier.toString();
        if (matching.isEmpty()) {
            boolean yankedOnly = all.stream().filter(c -> specifier.contains(c.version(), allowPrereleases ? true : null))
                    .allMatch(c -> c.file().yanked())
                    && all.stream().anyMatch(c -> specifier.contains(c.version(), allowPrereleases ? true : null));
            if (yankedOnly) {
                return "every version of " + project + " matching '" + spec + "' is yanked";
            }
            return "no version of " + project + " matches '" + spec + "' (available: " + newest(all, 5) + ")";
        }
        Candidate newest = matching.stream().max(Comparator.comparing(Candidate::version)).get();
        String requiresPython = requiresPythonAllows(newest.file().requiresPython(), environment.pythonVersion())
                ? metadataRequiresPython.get(newest.version()) + " (in its metadata)"
                : newest.file().requiresPython();
        return project + " " + newest.version() + " requires Python " + requiresPython
                + " and no allowed version supports Python " + environment.pythonVersion();
    }

    /** The newest version of any kind with a compatible wheel, when the specifier excluded it. */
    private static String suggestion(String project, SpecifierSet specifier, List<Candidate> pythonOk,
            SelectionEnvironment environment) {
        return pythonOk.stream()
                .filter(c -> !c.file().yanked())
                .filter(c -> c.isWheel() && environment.tags().supportsAny(c.wheel().tags()))
                .map(Candidate::version)
                .filter(v -> !v.isPrerelease() || pythonOk.stream().noneMatch(c -> !c.version().isPrerelease()))
                .max(Comparator.naturalOrder())
                .map(v -> project + "==" + v + " has a compatible wheel for " + environment.description()
                        + (specifier.contains(v, true) ? "" : " (outside '" + specifier + "')"))
                .orElse(null);
    }

    private static String newest(List<Candidate> candidates, int count) {
        List<Version> versions = candidates.stream().map(Candidate::version).distinct()
                .sorted(Comparator.reverseOrder()).toList();
        String shown = versions.stream().limit(count).map(Version::toString).collect(Collectors.joining(", "));
        return versions.size() > count ? shown + ", ..." : shown;
    }

    /** The tag sets of the wheels of {@code version}, sorted; empty for {@code null}. */
    static List<String> wheelsOf(List<Candidate> all, Version version) {
        if (version == null) {
            return List.of();
        }
        return all.stream()
                .filter(c -> c.isWheel() && c.version().equals(version))
                .map(c -> c.wheel().tagSet())
                .collect(Collectors.toCollection(TreeSet::new)).stream().toList();
    }

}
