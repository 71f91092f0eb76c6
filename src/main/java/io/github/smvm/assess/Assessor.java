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
import io.github.smvm.selection.EnvironmentFiles;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * Decides, for every requirement and environment, whether it installs from wheels, following the
 * dependencies of each chosen wheel when asked.
 *
 * <p>Work flows so that the network is used in parallel and nothing waits for a whole round: a
 * requirement is decided as soon as its project's page is there (each page read once per run), the
 * chosen wheel's metadata is asked for as soon as it is chosen, and each dependency's page as soon as
 * that metadata names it.
 * Each distinct (environment, project, specifier, extras) is decided once. No backtracking: every
 * dependency edge is checked on its own, as the plugin's contract says. The one exception is pip's
 * own: when a chosen wheel's metadata declares a {@code Requires-Python} that excludes the
 * environment (which the index did not say), that version is dropped and the choice made again.
 */
public final class Assessor {

    /** One edge target: a project with a specifier and extras, in one environment. */
    private record Key(String environment, String project, String specifier, Set<String> extras) {
        // equals and hashCode written out: see Tag.equals
        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof Key k && environment.equals(k.environment) && project.equals(k.project)
                    && specifier.equals(k.specifier) && extras.equals(k.extras);
        }

        @Override
        public int hashCode() {
            return ((environment.hashCode() * 31 + project.hashCode()) * 31 + specifier.hashCode()) * 31
                    + extras.hashCode();
        }
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
        /** The project's files as the environment sees them and the requirement's hashes, kept to choose again. */
        EnvironmentFiles files;
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
    private final Consumer<String> progress;
    /** Each specifier text of the keys, parsed once. */
    private final Map<String, SpecifierSet> specifiers = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param executor reads pages and metadata in parallel (bounded by its own size and the index's)
     */
    public Assessor(IndexClient index, MetadataSource metadata, Executor executor, AssessmentOptions options) {
        this(index, metadata, executor, options, message -> { });
    }

    /**
     * @param progress receives one line at the end: how many pages, decisions and metadata reads, the deciding
     *     thread's CPU time, the dependency depth, when the late environments joined, and how long the
     *     deciding thread had nothing to do
     */
    public Assessor(IndexClient index, MetadataSource metadata, Executor executor, AssessmentOptions options,
            Consumer<String> progress) {
        this.index = Objects.requireNonNull(index, "index");
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.options = Objects.requireNonNull(options, "options");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** Assesses every requirement in every available environment. */
    public List<EnvironmentResult> assess(List<TopLevelRequirement> requirements, List<AssessedEnvironment> environments) {
        return assess(requirements, CompletableFuture.completedFuture(List.of()), environments);
    }

    /**
     * Assesses every requirement in every available environment of {@code later} and {@code now}. The
     * work on {@code now} (virtual targets) and the reading of pages start at once; the environments of
     * {@code later} (the interpreters, while they are being probed) join when it completes.
     *
     * @return the results of {@code later}'s environments, then those of {@code now}
     * @throws RuntimeException what {@code later} failed with (a {@link RuntimeException} or {@link Error} as
     *     it is; anything else wrapped)
     */
    public List<EnvironmentResult> assess(List<TopLevelRequirement> requirements,
            CompletableFuture<List<AssessedEnvironment>> later, List<AssessedEnvironment> now) {
        Run run = new Run(requirements);
        long start = System.nanoTime();
        later.whenComplete((found, failure) -> run.inbox.add(() -> {
            run.outstanding--;
            if (failure != null) {
                throw rethrow(failure);
            }
            run.lateAfter = System.nanoTime() - start;
            run.lateEnvironments = found;
            found.forEach(run::addEnvironment);
        }));
        run.outstanding++;
        now.forEach(run::addEnvironment);
        run.drain();
        // (no thread CPU time here: java.lang.management costs a cold JVM ~20 ms to set up)
        progress.accept(String.format(java.util.Locale.ROOT,
                "%d pages, %d decisions, %d metadata reads, dependency depth %d; the interpreters "
                        + "joined after %d ms; %d ms without anything to do", run.pages.size(), run.decisions,
                run.readMetadata.size(), run.depth, run.lateAfter / 1_000_000, run.waited / 1_000_000));

        List<AssessedEnvironment> environments = new ArrayList<>(run.lateEnvironments);
        environments.addAll(now);
        List<EnvironmentResult> results = new ArrayList<>();
        for (AssessedEnvironment environment : environments) {
            if (!environment.available()) {
                results.add(new EnvironmentResult(environment, List.of()));
                continue;
            }
            List<PackageResult> packages = new ArrayList<>();
            for (TopLevelRequirement top : requirements) {
                packages.add(report(top, environment, run.nodes));
            }
            results.add(new EnvironmentResult(environment, packages));
        }
        return results;
    }

    private static RuntimeException rethrow(Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof RuntimeException r) {
            return r;
        }
        if (cause instanceof Error e) {
            throw e;
        }
        return new IllegalStateException("finding the environments failed: " + cause, cause);
    }

    /**
     * One assessment as a flow of events rather than rounds: a node is decided as soon as its project's
     * page is there, the chosen wheel's metadata is asked for as soon as it is chosen, and each dependency's
     * page as soon as the metadata names it. Pages and metadata are read on the executor; everything they
     * lead to (deciding, following dependencies) runs on the calling thread, one event at a time, so the
     * nodes need no locking. Each project page and each chosen file's metadata is read once per run.
     */
    private final class Run {
        final List<TopLevelRequirement> requirements;
        final Map<Key, Node> nodes = new HashMap<>();
        final Map<String, AssessedEnvironment> byId = new HashMap<>();
        final BlockingQueue<Runnable> inbox = new LinkedBlockingQueue<>();
        /** Reads (and the late environments) asked for whose answer has not been handled yet. */
        int outstanding;
        /** Nanoseconds the deciding thread waited for an answer. */
        long waited;
        final Map<String, ProjectResult> pages = new HashMap<>();
        final Map<String, List<Node>> waitingForPage = new HashMap<>();
        /**
         * Each chosen file's metadata as read (a {@link ReadMetadata}, or the exception reading it failed with),
         * by {@link #sharedMetadataKey} or {@code "url:"} and the file's URL.
         */
        final Map<String, Object> readMetadata = new HashMap<>();
        final Map<String, List<Node>> waitingForMetadata = new HashMap<>();
        final Map<String, ProjectFiles> parsed = new HashMap<>();
        final Map<String, EnvironmentFiles> views = new HashMap<>();
        final Map<Key, Integer> depths = new HashMap<>();
        List<AssessedEnvironment> lateEnvironments = List.of();
        long lateAfter;
        int decisions;
        int depth;

        final Map<String, Set<String>> hashes;

        Run(List<TopLevelRequirement> requirements) {
            this.requirements = requirements;
            this.hashes = requirementHashes(requirements);
        }

        void drain() {
            while (outstanding > 0) {
                Runnable event;
                try {
                    long w = System.nanoTime();
                    event = inbox.take();
                    waited += System.nanoTime() - w;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while assessing", e);
                }
                event.run();
            }
        }

        /** The top-level requirements that go through the index, in {@code environment}. */
        void addEnvironment(AssessedEnvironment environment) {
            byId.put(environment.id(), environment);
            if (!environment.available()) {
                return;
            }
            for (TopLevelRequirement top : requirements) {
                Requirement requirement = top.requirement();
                if (requirement == null || requirement.url().isPresent() || !appliesQuietly(requirement, environment)) {
                    continue;
                }
                Key key = key(environment, requirement);
                if (!nodes.containsKey(key)) {
                    add(new Node(key, requirement.toString()), 1);
                }
            }
        }

        void add(Node node, int level) {
            nodes.put(node.key, node);
            depths.put(node.key, level);
            depth = Math.max(depth, level);
            String project = node.key.project();
            ProjectResult page = pages.get(project);
            if (page != null) {
                decided(node, page);
                return;
            }
            List<AssessedEnvironment> known = byId.values().stream().filter(AssessedEnvironment::available).toList();
            whenRead(waitingForPage, project, node, () -> {
                ProjectResult result;
                try {
                    result = index.fetchProject(project);
                } catch (RuntimeException e) {
                    result = new ProjectResult.Failed(index.location(), "unexpected error fetching " + project + ": " + e);
                }
                return Fetched.of(project, result, known);
            }, this::pageArrived);
        }

        /**
         * Adds {@code node} to those waiting for {@code key}; the first of them has {@code read} run on the
         * executor, and its answer is handed to {@code arrived} on the deciding thread.
         */
        <K, A> void whenRead(Map<K, List<Node>> waiting, K key, Node node, java.util.function.Supplier<A> read,
                java.util.function.BiConsumer<K, A> arrived) {
            List<Node> others = waiting.get(key);
            if (others != null) {
                others.add(node);
                return;
            }
            waiting.put(key, new ArrayList<>(List.of(node)));
            outstanding++;
            executor.execute(() -> {
                A answer = read.get();
                inbox.add(() -> arrived.accept(key, answer));
            });
        }

        void pageArrived(String project, Fetched fetched) {
            outstanding--;
            if (fetched.failure() != null) {
                throw fetched.failure();
            }
            pages.put(project, fetched.page());
            if (fetched.files() != null) {
                parsed.put(project, fetched.files());
                fetched.views().forEach((environment, view) -> views.put(environment + '\u0000' + project, view));
            }
            for (Node node : waitingForPage.remove(project)) {
                decided(node, fetched.page());
            }
        }

        void decided(Node node, ProjectResult page) {
            decide(node, page, byId.get(node.key.environment()),
                    hashes.getOrDefault(hashKey(node.key.project(), node.key.specifier()), Set.of()), parsed, views);
            decisions++;
            if (options.transitive()) {
                follow(node);
            }
        }

        /** Asks for the metadata of the node's chosen wheel, if any. */
        void follow(Node node) {
            follow(node, false);
        }

        /**
         * @param ownFile read the chosen file's own metadata even when the index announces the same
         *     metadata (by its SHA-256) for a file already read
         */
        void follow(Node node, boolean ownFile) {
            if (node.chosenFile == null) {
                return;
            }
            IndexFile file = node.chosenFile;
            String ownKey = "url:" + file.url();
            String shared = ownFile ? null : sharedMetadataKey(file);
            String key = shared != null ? shared : ownKey;
            Object read = readMetadata.get(key);
            if (read == null) {
                read = readMetadata.get(ownKey);
            }
            if (read != null) {
                metadataFor(node, read);
                return;
            }
            whenRead(waitingForMetadata, key, node, () -> {
                Object result;
                try {
                    result = metadata(file);
                    result = result instanceof CoreMetadata core ? ReadMetadata.of(core) : result;
                } catch (RuntimeException e) {
                    result = e;
                }
                return new MetadataRead(file.url(), result);
            }, this::metadataArrived);
        }

        void metadataArrived(String key, MetadataRead arrived) {
            outstanding--;
            List<Node> waiting = waitingForMetadata.remove(key);
            if (arrived.read() instanceof Exception && key.startsWith(SHARED_METADATA)) {
                // a failure is the read file's own: the others announced with the same metadata are read themselves
                readMetadata.put("url:" + arrived.url(), arrived.read());
                for (Node node : waiting) {
                    if (node.chosenFile.url().equals(arrived.url())) {
                        metadataFor(node, arrived.read());
                    } else {
                        follow(node, true);
                    }
                }
                return;
            }
            readMetadata.put(key, arrived.read());
            for (Node node : waiting) {
                metadataFor(node, arrived.read());
            }
        }

        /**
         * A wheel whose metadata's {@code Requires-Python} excludes its environment is replaced by the next
         * choice, whose metadata is then read in turn.
         */
        void metadataFor(Node node, Object read) {
            if (read instanceof Exception e) {
                node.status = Status.ERROR;
                node.reason = "could not read the metadata of " + node.wheel + ": " + e.getMessage();
                return;
            }
            AssessedEnvironment environment = byId.get(node.key.environment());
            ReadMetadata meta = (ReadMetadata) read;
            if (!metadataAdmits(node, meta, environment)) {
                select(node, environment);
                follow(node);
                return;
            }
            node.projectUrls = meta.core().projectUrls();
            List<Node> children = new ArrayList<>();
            addDependencies(node, meta, environment, nodes, children);
            int level = depths.get(node.key) + 1;
            for (Node child : children) {
                if (!nodes.containsKey(child.key)) { // deciding an earlier child may have reached it already
                    add(child, level);
                }
            }
        }
    }

    /** The hashes ({@code --hash}) of the first top-level requirement of each project and specifier, by {@link #hashKey}. */
    private static Map<String, Set<String>> requirementHashes(List<TopLevelRequirement> requirements) {
        Map<String, Set<String>> hashes = new HashMap<>();
        for (TopLevelRequirement top : requirements) {
            if (top.requirement() != null) {
                hashes.putIfAbsent(hashKey(top.requirement().normalizedName(), top.requirement().specifier().toString()),
                        top.hashes());
            }
        }
        return hashes;
    }

    private static String hashKey(String project, String specifier) {
        return project + '\u0000' + specifier;
    }

    private Key key(AssessedEnvironment environment, Requirement requirement) {
        SpecifierSet specifier = options.constrained(requirement.normalizedName(), requirement.specifier(),
                environment.markers());
        return new Key(environment.id(), requirement.normalizedName(), specifier.toString(),
                Set.copyOf(requirement.extras()));
    }

    /**
     * @param parsed each project's files, parsed once per run
     * @param views each project's files as each environment sees them, once per run
     */
    private void decide(Node node, ProjectResult page, AssessedEnvironment environment, Set<String> hashes,
            Map<String, ProjectFiles> parsed, Map<String, EnvironmentFiles> views) {
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
        ProjectFiles files = parsed.computeIfAbsent(node.key.project(),
                project -> ProjectFiles.parse(project, ((ProjectResult.Found) page).page().files()));
        node.files = views.computeIfAbsent(node.key.environment() + '\u0000' + node.key.project(),
                key -> EnvironmentFiles.of(files, environment.selection()));
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
        SpecifierSet specifier = specifiers.computeIfAbsent(node.key.specifier(), SpecifierSet::parse);
        Selection selection = Selector.select(node.files, specifier, options.allowPrereleases(), node.hashes,
                node.metadataRequiresPython);
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
    private static boolean metadataAdmits(Node node, ReadMetadata metadata, AssessedEnvironment environment) {
        if (metadata.requiresPython() == null || metadata.requiresPython().contains(environment.selection().pythonVersion(), true)) {
            return true;
        }
        node.metadataRequiresPython.put(node.selection.chosen().version(), metadata.core().requiresPython());
        return false;
    }

    private void addDependencies(Node node, ReadMetadata metadata, AssessedEnvironment environment,
            Map<Key, Node> nodes, List<Node> next) {
        List<String> lines = metadata.core().requiresDist();
        for (int i = 0; i < lines.size(); i++) {
            String requiresDist = lines.get(i);
            Requirement dependency;
            try {
                if (metadata.requirements().get(i) instanceof DependencySyntaxException e) {
                    throw e;
                }
                dependency = (Requirement) metadata.requirements().get(i);
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
            if (!nodes.containsKey(key) && next.stream().noneMatch(n -> n.key.equals(key))) {
                next.add(new Node(key, dependency.toString()));
            }
        }
    }

    /**
     * A page as a worker thread hands it over: with its files parsed and seen by the environments known when
     * it was asked for (the work that does not need the assessment's state), or the failure doing so.
     */
    private record Fetched(ProjectResult page, ProjectFiles files, Map<String, EnvironmentFiles> views,
            RuntimeException failure) {

        static Fetched of(String project, ProjectResult page, List<AssessedEnvironment> environments) {
            if (!(page instanceof ProjectResult.Found found)) {
                return new Fetched(page, null, Map.of(), null);
            }
            try {
                ProjectFiles files = ProjectFiles.parse(project, found.page().files());
                Map<String, EnvironmentFiles> views = new HashMap<>();
                for (AssessedEnvironment environment : environments) {
                    views.put(environment.id(), EnvironmentFiles.of(files, environment.selection()));
                }
                return new Fetched(page, files, views, null);
            } catch (RuntimeException e) {
                return new Fetched(page, null, Map.of(), e);
            }
        }
    }

    private static final String SHARED_METADATA = "metadata-sha256:";

    /**
     * The key under which a file's metadata is read once for every file the index announces it for: the
     * PEP 658 metadata file's SHA-256 (a project's wheels of one version usually share one metadata file,
     * and the fetched file is checked against that hash); {@code null} when the index gives none.
     */
    static String sharedMetadataKey(IndexFile file) {
        String hash = file.coreMetadata() ? file.coreMetadataHashes().get("sha256") : null;
        return hash == null ? null : SHARED_METADATA + hash.toLowerCase(Locale.ROOT);
    }

    /** The metadata read for the file at {@code url}: a {@link ReadMetadata} or the exception. */
    private record MetadataRead(URI url, Object read) {
    }

    /**
     * A chosen file's core metadata with each {@code Requires-Dist} line parsed (a {@link Requirement}, or the
     * {@link DependencySyntaxException} it failed with), on the worker thread that read it.
     *
     * @param requirements each {@code Requires-Dist} line parsed (a {@link Requirement}), or the exception
     * @param requiresPython the {@code Requires-Python} parsed; null when it admits every Python
     */
    private record ReadMetadata(CoreMetadata core, List<Object> requirements, SpecifierSet requiresPython) {

        static ReadMetadata of(CoreMetadata core) {
            List<Object> requirements = new ArrayList<>();
            for (String line : core.requiresDist()) {
                try {
                    requirements.add(Requirement.parse(line));
                } catch (DependencySyntaxException e) {
                    requirements.add(e);
                }
            }
            return new ReadMetadata(core, requirements, Selector.requiresPython(core.requiresPython()));
        }
    }

    /** The file's core metadata, or the exception reading it failed with. */
    private Object metadata(IndexFile file) {
        try {
            return metadata.read(file);
        } catch (Exception e) {
            return e;
        }
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
