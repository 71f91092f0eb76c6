package io.github.smvm.assess;

import io.github.smvm.dist.InvalidWheelFilenameException;
import io.github.smvm.dist.WheelFilename;
import io.github.smvm.index.IndexClient;
import io.github.smvm.index.IndexFile;
import io.github.smvm.index.ProjectPage;
import io.github.smvm.index.ProjectResult;
import io.github.smvm.index.Urls;
import io.github.smvm.metadata.CoreMetadata;
import io.github.smvm.pep440.SpecifierSet;
import io.github.smvm.pep440.Version;
import io.github.smvm.pep508.DependencySyntaxException;
import io.github.smvm.pep508.Marker;
import io.github.smvm.pep508.MarkerEnvironment;
import io.github.smvm.pep508.MarkerEvaluationException;
import io.github.smvm.pep508.Names;
import io.github.smvm.pep508.Requirement;
import io.github.smvm.requirements.LockedPackage;
import io.github.smvm.requirements.LockedWheel;
import io.github.smvm.selection.Candidate;
import io.github.smvm.selection.ProjectFiles;
import io.github.smvm.selection.Selection;
import io.github.smvm.selection.SelectionEnvironment;
import io.github.smvm.selection.Selector;
import io.github.smvm.selection.Status;
import io.github.smvm.tags.Compatibility;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

/**
 * Decides, for every requirement and environment, whether it installs from wheels, following the
 * dependencies of each chosen wheel when asked.
 *
 * <p>Work is done in waves so that the network is used in parallel: all project pages a wave needs
 * are fetched together (each page once per run), the files are chosen for every environment, then
 * the metadata of every chosen wheel is read together, and the dependencies found form the next wave.
 * Each distinct (environment, project, specifier, extras) is decided once. No backtracking: every
 * dependency edge is checked on its own, as the plugin's contract says. The one exception is pip's
 * own: when a chosen wheel's metadata declares a {@code Requires-Python} that excludes the
 * environment (which the index did not say), that version is dropped and the choice made again.
 */
public final class Assessor {

    /** One edge target: a project with a specifier and extras, in one environment. */
    private record Key(String environment, String project, String specifier, Set<String> extras) {
    }

    /** What was decided for a key: the selection (or a lookup failure) and the dependency edges. */
    private static final class Node {
        final Key key;
        final String requirementText;
        Status status;
        Selection selection;
        String version;
        String wheel;
        String reason;
        String suggestion;
        IndexFile chosenFile;
        Set<String> extras;
        String newestVersion;
        List<String> newestVersionWheels = List.of();
        String compatibleVersion;
        Map<String, String> projectUrls = Map.of();
        List<String> indexWarnings = List.of();
        final List<Edge> edges = new ArrayList<>();
        /** The project's files and the requirement's hashes, kept to choose again. */
        ProjectFiles files;
        Set<String> hashes;
        /** Requires-Python from the metadata of wheels chosen so far, by version. */
        final Map<Version, String> metadataRequiresPython = new HashMap<>();

        Node(Key key, String requirementText) {
            this.key = key;
            this.requirementText = requirementText;
        }

        boolean available() {
            return status.isAvailable();
        }
    }

    private record Edge(String requirementText, Key target) {
    }

    private final IndexClient index;
    private final MetadataSource metadata;
    private final Executor executor;
    private final AssessmentOptions options;

    /**
     * @param executor runs metadata reads in parallel (bounded by its own size)
     */
    public Assessor(IndexClient index, MetadataSource metadata, Executor executor, AssessmentOptions options) {
        this.index = Objects.requireNonNull(index, "index");
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.options = Objects.requireNonNull(options, "options");
    }

    /** Assesses every requirement in every available environment. */
    public List<EnvironmentResult> assess(List<TopLevelRequirement> requirements, List<AssessedEnvironment> environments) {
        Map<Key, Node> nodes = new HashMap<>();
        Map<String, AssessedEnvironment> byId = new LinkedHashMap<>();
        environments.forEach(e -> byId.put(e.id(), e));

        // each chosen file's metadata is read once per run, also when later waves choose it again
        Map<URI, CompletableFuture<Object>> metadataReads = new HashMap<>();
        // wave 0: the top-level requirements that go through the index
        List<Node> wave = new ArrayList<>();
        for (AssessedEnvironment environment : environments) {
            if (!environment.available()) {
                continue;
            }
            for (TopLevelRequirement top : requirements) {
                Requirement requirement = top.requirement();
                if (requirement == null || requirement.url().isPresent() || !appliesQuietly(requirement, environment)) {
                    continue;
                }
                Key key = key(environment, requirement);
                if (!nodes.containsKey(key)) {
                    Node node = new Node(key, requirement.toString());
                    nodes.put(key, node);
                    wave.add(node);
                }
            }
        }
        Map<String, ProjectFiles> parsed = new HashMap<>();
        while (!wave.isEmpty()) {
            Set<String> projects = wave.stream().map(n -> n.key.project()).collect(Collectors.toCollection(LinkedHashSet::new));
            Map<String, ProjectResult> pages = index.fetchAll(projects);
            for (Node node : wave) {
                decide(node, pages.get(node.key.project()), byId.get(node.key.environment()),
                        requirementHashes(node, requirements), parsed);
            }
            if (!options.transitive()) {
                break;
            }
            wave = expand(wave, nodes, byId, metadataReads);
        }

        List<EnvironmentResult> results = new ArrayList<>();
        for (AssessedEnvironment environment : environments) {
            if (!environment.available()) {
                results.add(new EnvironmentResult(environment, List.of()));
                continue;
            }
            List<PackageResult> packages = new ArrayList<>();
            for (TopLevelRequirement top : requirements) {
                packages.add(report(top, environment, nodes));
            }
            results.add(new EnvironmentResult(environment, packages));
        }
        return results;
    }

    private Set<String> requirementHashes(Node node, List<TopLevelRequirement> requirements) {
        for (TopLevelRequirement top : requirements) {
            if (top.requirement() != null && top.requirement().normalizedName().equals(node.key.project())
                    && top.requirement().specifier().toString().equals(node.key.specifier())) {
                return top.hashes();
            }
        }
        return Set.of();
    }

    private Key key(AssessedEnvironment environment, Requirement requirement) {
        SpecifierSet specifier = options.constrained(requirement.normalizedName(), requirement.specifier(),
                environment.markers());
        return new Key(environment.id(), requirement.normalizedName(), specifier.toString(),
                Set.copyOf(requirement.extras()));
    }

    /** @param parsed each project's files, parsed once per run */
    private void decide(Node node, ProjectResult page, AssessedEnvironment environment, Set<String> hashes,
            Map<String, ProjectFiles> parsed) {
        if (page instanceof ProjectResult.NotFound notFound) {
            node.status = Status.NOT_FOUND;
            node.reason = "no project '" + node.key.project() + "' on " + Urls.redactSecrets(index.location())
                    + (notFound.warnings().isEmpty() ? "" : " (" + String.join("; ", notFound.warnings()) + ")");
            return;
        }
        if (page instanceof ProjectResult.Failed failed) {
            node.status = Status.ERROR;
            node.reason = "could not read " + Urls.redactSecrets(failed.url()) + ": " + failed.reason();
            return;
        }
        node.files = parsed.computeIfAbsent(node.key.project(),
                project -> ProjectFiles.parse(project, ((ProjectResult.Found) page).page().files()));
        // the page's own warnings (links skipped for unsafe file names, an unknown API minor version, a source
        // that failed while another had the project) go with the dependency-confusion ones, so that they reach
        // the report and the log instead of being dropped
        ProjectPage found = ((ProjectResult.Found) page).page();
        List<String> warnings = new ArrayList<>(found.indexWarnings());
        found.warnings().stream().filter(w -> !warnings.contains(w)).forEach(warnings::add);
        node.indexWarnings = List.copyOf(warnings);
        node.hashes = hashes;
        node.extras = node.key.extras();
        select(node, environment);
    }

    private void select(Node node, AssessedEnvironment environment) {
        Selection selection = Selector.select(node.files, SpecifierSet.parse(node.key.specifier()),
                options.allowPrereleases(), environment.selection(), node.hashes, node.metadataRequiresPython);
        node.selection = selection;
        node.status = selection.status();
        node.reason = selection.reason();
        node.suggestion = selection.suggestion();
        node.newestVersion = selection.newestAllowed() == null ? null : selection.newestAllowed().toString();
        node.newestVersionWheels = selection.newestAllowedWheels();
        node.compatibleVersion = selection.newestCompatible() == null ? null : selection.newestCompatible().toString();
        Candidate chosen = selection.chosen();
        node.version = chosen == null ? null : chosen.version().toString();
        node.wheel = chosen == null ? null : chosen.filename();
        node.chosenFile = chosen == null ? null : chosen.file();
    }

    /**
     * Whether the chosen wheel's own {@code Requires-Python} admits the environment. When it does not,
     * pip's resolver goes on to the next version: so does this, choosing again without that version.
     */
    private static boolean metadataAdmits(Node node, CoreMetadata core, AssessedEnvironment environment) {
        Version python = environment.selection().pythonVersion();
        if (Selector.requiresPythonAllows(core.requiresPython(), python)) {
            return true;
        }
        node.metadataRequiresPython.put(node.selection.chosen().version(), core.requiresPython());
        return false;
    }

    /**
     * Reads the metadata of every chosen wheel of a wave in parallel (each file once per run: {@code reads}
     * keeps the reads of earlier waves) and returns the new nodes. A wheel whose metadata's
     * {@code Requires-Python} excludes its environment is replaced by the next choice, whose metadata is
     * read in the next round.
     */
    private List<Node> expand(List<Node> wave, Map<Key, Node> nodes, Map<String, AssessedEnvironment> environments,
            Map<URI, CompletableFuture<Object>> reads) {
        List<Node> next = new ArrayList<>();
        List<Node> round = wave;
        while (!round.isEmpty()) {
            for (Node node : round) {
                if (node.chosenFile != null) {
                    reads.computeIfAbsent(node.chosenFile.url(), url -> readAsync(node.chosenFile));
                }
            }
            List<Node> again = new ArrayList<>();
            for (Node node : round) {
                if (node.chosenFile == null) {
                    continue;
                }
                Object read = reads.get(node.chosenFile.url()).join();
                if (read instanceof Exception e) {
                    node.status = Status.ERROR;
                    node.reason = "could not read the metadata of " + node.wheel + ": " + e.getMessage();
                    continue;
                }
                AssessedEnvironment environment = environments.get(node.key.environment());
                if (!metadataAdmits(node, (CoreMetadata) read, environment)) {
                    select(node, environment);
                    again.add(node);
                    continue;
                }
                node.projectUrls = ((CoreMetadata) read).projectUrls();
                addDependencies(node, (CoreMetadata) read, environment, nodes, next);
            }
            round = again;
        }
        return next;
    }

    private void addDependencies(Node node, CoreMetadata core, AssessedEnvironment environment, Map<Key, Node> nodes,
            List<Node> next) {
        for (String requiresDist : core.requiresDist()) {
            Requirement dependency;
            try {
                dependency = Requirement.parse(requiresDist);
                if (!applies(dependency, environment.markers(), node.extras)) {
                    continue;
                }
            } catch (DependencySyntaxException | MarkerEvaluationException e) {
                node.status = Status.ERROR;
                node.reason = node.wheel + " declares a dependency that cannot be read: '" + requiresDist + "': "
                        + e.getMessage();
                continue;
            }
            if (dependency.url().isPresent()) {
                continue; // a direct reference in metadata: not on any index, pip would fetch it
            }
            Key key = key(environment, dependency);
            node.edges.add(new Edge(requiresDist, key));
            if (!nodes.containsKey(key)) {
                Node child = new Node(key, dependency.toString());
                nodes.put(key, child);
                next.add(child);
            }
        }
    }

    private CompletableFuture<Object> readAsync(IndexFile file) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return metadata.read(file);
            } catch (Exception e) {
                return e;
            }
        }, executor);
    }

    private static boolean appliesQuietly(Requirement requirement, AssessedEnvironment environment) {
        try {
            return applies(requirement, environment.markers(), Set.of());
        } catch (MarkerEvaluationException e) {
            return false; // reported as an error when the report is built
        }
    }

    /** pip's rule: with no extras the marker is evaluated with {@code extra == ""}; else for any requested extra. */
    static boolean applies(Requirement requirement, MarkerEnvironment environment, Set<String> extras) {
        if (requirement.marker().isEmpty()) {
            return true;
        }
        Marker marker = requirement.marker().get();
        if (extras.isEmpty()) {
            return marker.evaluate(environment, "");
        }
        for (String extra : extras) {
            if (marker.evaluate(environment, extra)) {
                return true;
            }
        }
        return false;
    }

    private PackageResult report(TopLevelRequirement top, AssessedEnvironment environment, Map<Key, Node> nodes) {
        if (top.locked() != null) {
            return locked(top, environment);
        }
        Requirement requirement = top.requirement();
        String name = requirement.normalizedName();
        try {
            if (!applies(requirement, environment.markers(), Set.of())) {
                return new PackageResult(top.written(), name, Status.SKIPPED, null, null, null, null, List.of(), List.of());
            }
        } catch (MarkerEvaluationException e) {
            return new PackageResult(top.written(), name, Status.ERROR, null, null,
                    "the marker of " + top.origin() + " cannot be evaluated: " + e.getMessage(), null, List.of(), List.of());
        }
        if (requirement.url().isPresent()) {
            return directReference(top, environment);
        }
        Node root = nodes.get(key(environment, requirement));
        List<PackageResult> dependencies = new ArrayList<>();
        Node culprit = null;
        List<String> culpritChain = null;
        // breadth first, so that each dependency is listed once with its shortest chain
        Deque<Map.Entry<Node, List<String>>> queue = new ArrayDeque<>();
        Set<Key> seen = new HashSet<>();
        seen.add(root.key);
        queue.add(Map.entry(root, List.of(name)));
        while (!queue.isEmpty()) {
            Map.Entry<Node, List<String>> entry = queue.poll();
            for (Edge edge : entry.getKey().edges) {
                if (!seen.add(edge.target())) {
                    continue;
                }
                Node child = nodes.get(edge.target());
                List<String> chain = new ArrayList<>(entry.getValue());
                chain.add(child.key.project());
                dependencies.add(new PackageResult(edge.requirementText(), child.key.project(), child.status,
                        child.version, child.wheel, child.reason, child.suggestion, chain, List.of(),
                        child.newestVersion, child.newestVersionWheels, child.compatibleVersion, child.projectUrls,
                        child.indexWarnings));
                if (!child.available() && culprit == null) {
                    culprit = child;
                    culpritChain = chain;
                }
                queue.add(Map.entry(child, chain));
            }
        }
        if (root.available() && culprit != null) {
            return new PackageResult(top.written(), name, culprit.status, root.version, root.wheel,
                    "dependency " + String.join(" \u2190 ", culpritChain) + ": " + culprit.reason,
                    culprit.suggestion, List.of(), dependencies, root.newestVersion, root.newestVersionWheels,
                    root.compatibleVersion, root.projectUrls, root.indexWarnings);
        }
        return new PackageResult(top.written(), name, root.status, root.version, root.wheel, root.reason,
                root.suggestion, List.of(), dependencies, root.newestVersion, root.newestVersionWheels,
                root.compatibleVersion, root.projectUrls, root.indexWarnings);
    }

    /** {@code name @ url}: a wheel URL is checked by its file name; anything else needs a build. */
    private static PackageResult directReference(TopLevelRequirement top, AssessedEnvironment environment) {
        String name = top.requirement().normalizedName();
        String url = top.requirement().url().get();
        String path = url.replaceAll("[#?].*$", "");
        String filename = path.substring(path.lastIndexOf('/') + 1);
        if (!filename.endsWith(".whl")) {
            return new PackageResult(top.written(), name, Status.SDIST_ONLY, null, null,
                    "direct reference to something other than a wheel (" + filename + "): pip would build it", null,
                    List.of(), List.of());
        }
        try {
            WheelFilename wheel = WheelFilename.parse(filename);
            Compatibility compatibility = environment.selection().tags().compatibility(wheel.tags());
            if (compatibility instanceof Compatibility.Incompatible incompatible) {
                return new PackageResult(top.written(), name, Status.NO_WHEEL, null, null,
                        "the referenced wheel " + filename + " does not fit " + environment.selection().description()
                                + ": " + incompatible.detail(), null, List.of(), List.of());
            }
            return new PackageResult(top.written(), name, Status.WHEEL, wheel.version().toString(), filename, null,
                    null, List.of(), List.of());
        } catch (InvalidWheelFilenameException e) {
            return new PackageResult(top.written(), name, Status.ERROR, null, null, e.getMessage(), null, List.of(),
                    List.of());
        }
    }

    /** A pylock.toml package: its version is fixed; one of its listed wheels must fit. */
    private static PackageResult locked(TopLevelRequirement top, AssessedEnvironment environment) {
        LockedPackage locked = top.locked();
        String name = Names.normalize(locked.name());
        SelectionEnvironment selection = environment.selection();
        try {
            if (locked.marker() != null && !Marker.parse(locked.marker()).evaluate(environment.markers(), "")) {
                return new PackageResult(top.written(), name, Status.SKIPPED, locked.version(), null, null, null,
                        List.of(), List.of());
            }
            if (locked.requiresPython() != null && !SpecifierSet.parse(locked.requiresPython())
                    .contains(selection.pythonVersion(), true)) {
                return new PackageResult(top.written(), name, Status.NO_VERSION, locked.version(), null,
                        name + " " + locked.version() + " requires Python " + locked.requiresPython()
                                + "; the environment has " + selection.pythonVersion(), null, List.of(), List.of());
            }
        } catch (IllegalArgumentException e) {
            return new PackageResult(top.written(), name, Status.ERROR, locked.version(), null,
                    top.origin() + ": " + e.getMessage(), null, List.of(), List.of());
        }
        LockedWheel best = null;
        int bestPriority = Integer.MAX_VALUE;
        Compatibility.Incompatible closest = null;
        for (LockedWheel wheel : locked.wheels()) {
            try {
                Compatibility compatibility = selection.tags().compatibility(WheelFilename.parse(wheel.name()).tags());
                if (compatibility instanceof Compatibility.Compatible c && c.priority() < bestPriority) {
                    best = wheel;
                    bestPriority = c.priority();
                } else if (compatibility instanceof Compatibility.Incompatible i
                        && (closest == null || i.reason().compareTo(closest.reason()) > 0)) {
                    closest = i;
                }
            } catch (InvalidWheelFilenameException e) {
                // a listed file pip could not use either
            }
        }
        if (best != null) {
            return new PackageResult(top.written(), name, Status.WHEEL, locked.version(), best.name(), null, null,
                    List.of(), List.of());
        }
        if (locked.wheels().isEmpty()) {
            return new PackageResult(top.written(), name, Status.SDIST_ONLY, locked.version(), null,
                    "the lock lists no wheel for " + name + " " + locked.version()
                            + (locked.hasSdist() ? ", only an sdist, which needs a build" : ""), null, List.of(), List.of());
        }
        return new PackageResult(top.written(), name, Status.NO_WHEEL, locked.version(), null,
                "none of the " + locked.wheels().size() + " locked wheels of " + name + " " + locked.version()
                        + " fits " + selection.description() + (closest == null ? "" : ": " + closest.detail()),
                null, List.of(), List.of());
    }

}
