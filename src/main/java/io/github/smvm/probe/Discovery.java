package io.github.smvm.probe;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds Python interpreters on this machine.
 *
 * <p>Sources are walked in the order of {@link InterpreterSource}: {@code PATH}, pyenv, asdf, mise,
 * conda, uv, {@code /opt/homebrew/bin}, {@code /usr/local/bin}, {@code /usr/bin}, and on Windows the
 * {@code py} launcher and the registry. Candidates are deduplicated by real path (a candidate
 * inside a virtual environment, recognised by {@code pyvenv.cfg}, keeps its own identity even if
 * its executable is a symlink to the base interpreter); the first source wins. After probing,
 * interpreters reporting the same real {@code sys.executable} and {@code sys.prefix} (a pyenv shim
 * on {@code PATH} and the version it runs) are merged the same way.
 *
 * <p>A candidate that fails to probe (a pyenv shim for an unselected version, a broken install) is a
 * {@link Miss}, not an error: discovery goes on.
 *
 * <p>Choosing: a version or range request takes the newest matching interpreter (ties go to the
 * earlier source); candidates whose names tell their version are probed newest first and only while
 * they can still be that match (see {@link VersionHint}). {@link InterpreterRequest#any() any} takes
 * the first working interpreter in source order (so the one on {@code PATH}, the user's default); a command name takes the first
 * working one of that name on {@code PATH}; a path is probed as given (a directory is searched for
 * {@code bin/python3}, {@code bin/python}, {@code python.exe}, {@code Scripts/python.exe}).
 */
public final class Discovery {

    private static final Pattern UNIX_NAME = Pattern.compile("python(\\d+(?:\\.\\d+)?)?");
    private static final Pattern WINDOWS_NAME = Pattern.compile("(?i)python(\\d+(?:\\.\\d+)?)?\\.exe");
    private static final Pattern PY_LAUNCHER_LINE = Pattern.compile("([A-Za-z]:\\\\.*?\\.exe)\\s*$");
    private static final Duration HELPER_TIMEOUT = Duration.ofSeconds(10);

    private final DiscoveryContext ctx;
    private final InterpreterProbe probe;
    private final int parallelism;
    private final Consumer<String> progress;

    public Discovery(DiscoveryContext ctx, InterpreterProbe probe) {
        this(ctx, probe, 2, message -> { });
    }

    /**
     * @param parallelism how many interpreters are probed at the same time (at least 1)
     * @param progress receives one line per step (candidate probed, result); may be a no-op
     */
    public Discovery(DiscoveryContext ctx, InterpreterProbe probe, int parallelism, Consumer<String> progress) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.probe = Objects.requireNonNull(probe, "probe");
        this.parallelism = Math.max(1, parallelism);
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** Discovery on this machine with the given prober. */
    public static Discovery system(InterpreterProbe probe) {
        return new Discovery(DefaultDiscoveryContext.system(), probe);
    }

    /** Probes every candidate of every source. */
    public DiscoveryResult findAll() {
        Scan scan = new Scan();
        collectAll(scan);
        return probeAll(scan);
    }

    /**
     * The best interpreter for {@code request}, with the reason it was chosen.
     *
     * @throws ProbeException.NotFound when nothing matches; lists every place looked and what was
     *     seen there
     * @throws ProbeException for a path request, why that path is not usable
     */
    public Match find(InterpreterRequest request) throws ProbeException {
        return switch (request.kind()) {
            case PATH -> findPath(request);
            case COMMAND -> findCommand(request);
            case ANY, VERSION, RANGE -> findVersion(request);
        };
    }

    /** Every candidate, in order, without probing; for diagnostics. */
    public List<Candidate> candidates() {
        Scan scan = new Scan();
        collectAll(scan);
        return List.copyOf(scan.candidates.values());
    }

    // ---------------------------------------------------------------- choosing

    private Match findPath(InterpreterRequest request) throws ProbeException {
        String text = request.text();
        Path path;
        try {
            if (text.equals("~") || text.startsWith("~/") || text.startsWith("~\\")) {
                path = ctx.homeDirectory().resolve(text.length() <= 2 ? "" : text.substring(2));
            } else {
                path = ctx.workingDirectory().resolve(text);
            }
        } catch (InvalidPathException e) {
            throw new ProbeException.NotFound(text, List.of(text + " (not a valid path: " + e.getMessage() + ")"),
                    "Give the path of a Python executable.");
        }
        path = path.normalize();
        List<String> places = new ArrayList<>();
        if (ctx.isDirectory(path)) {
            Optional<Path> inside = executableIn(path);
            if (inside.isEmpty()) {
                places.add(path + " (a directory without bin/python3, bin/python, python.exe or "
                        + "Scripts/python.exe)");
                throw new ProbeException.NotFound(text, places,
                        "Give the path of the Python executable itself, or of a venv or installation "
                                + "directory that contains one.");
            }
            places.add(path + " (directory; using " + inside.get() + ")");
            path = inside.get();
        } else if (!ctx.exists(path)) {
            places.add(path + " (does not exist)");
            throw new ProbeException.NotFound(text, places,
                    "Check the path, or give a version such as 3.12 to let smvm search for one.");
        }
        Candidate c = new Candidate(path, InterpreterSource.EXPLICIT_PATH, "explicit path " + text);
        progress.accept("probing " + c);
        InterpreterInfo info = probe.probe(path);
        FoundInterpreter f = new FoundInterpreter(c, info);
        places.add(path + ": " + info.version());
        return new Match(f, "explicit path: " + f.describe(), new DiscoveryResult(List.of(f), List.of(), places));
    }

    private Match findCommand(InterpreterRequest request) throws ProbeException {
        Scan scan = new Scan();
        collectPathCommand(scan, request.text());
        DiscoveryResult result = probeAll(scan);
        if (!result.found().isEmpty()) {
            FoundInterpreter f = result.found().get(0);
            return new Match(f, "first working '" + request.text() + "' on PATH: " + f.describe(), result);
        }
        throw notFound(request, result, List.of(),
                "Put '" + request.text() + "' on PATH, or request a version (e.g. "
                        + guessVersion(request.text()) + ") to search pyenv, uv, conda and the other "
                        + "known locations.");
    }

    private Match findVersion(InterpreterRequest request) throws ProbeException {
        Scan scan = new Scan();
        collectAll(scan);
        DiscoveryResult result = request.kind() == InterpreterRequest.Kind.ANY ? probeUntilFirstWorks(scan)
                : probeNewestFirst(scan, request);
        List<FoundInterpreter> matching = new ArrayList<>();
        List<FoundInterpreter> other = new ArrayList<>();
        for (FoundInterpreter f : result.found()) {
            (request.matches(f.info()) ? matching : other).add(f);
        }
        if (matching.isEmpty() && request.kind() != InterpreterRequest.Kind.ANY) {
            // nothing matches: probe every candidate, so that the message names what each one really is
            result = probeAll(scan);
            other = result.found();
        }
        if (matching.isEmpty()) {
            String example = installExample(request);
            throw notFound(request, result, other, "Install a matching Python"
                    + (example == null ? "" : " (for example `pyenv install " + example
                            + "` or `uv python install " + example + "`)")
                    + ", or configure the interpreter path explicitly.");
        }
        if (request.kind() == InterpreterRequest.Kind.ANY) {
            FoundInterpreter f = matching.get(0);
            return new Match(f, "first working interpreter in search order: " + f.describe(), result);
        }
        FoundInterpreter best = newest(matching);
        StringBuilder why = new StringBuilder("newest ").append(request.describe()).append(" found: ")
                .append(best.describe());
        if (matching.size() > 1) {
            why.append(" (also matching: ");
            boolean first = true;
            for (FoundInterpreter f : matching) {
                if (f != best) {
                    why.append(first ? "" : ", ").append(f.describe());
                    first = false;
                }
            }
            why.append(')');
        }
        return new Match(best, why.toString(), result);
    }

    /** The newest of {@code matching} (not empty); of equal versions the first, which came from the earlier source. */
    private static FoundInterpreter newest(List<FoundInterpreter> matching) {
        FoundInterpreter best = matching.get(0);
        for (FoundInterpreter f : matching) {
            if (f.info().version().compareTo(best.info().version()) > 0) {
                best = f;
            }
        }
        return best;
    }

    /** A version to suggest installing: the request itself, or a range's lower bound. */
    private static String installExample(InterpreterRequest request) {
        if (request.kind() == InterpreterRequest.Kind.VERSION) {
            return request.text();
        }
        if (request.kind() == InterpreterRequest.Kind.RANGE) {
            Matcher m = Pattern.compile("(?:>=|==|~=|===|>)\\s*(\\d+(?:\\.\\d+){0,2})").matcher(request.text());
            if (m.find()) {
                return m.group(1);
            }
            return null;
        }
        return "3.12";
    }

    private static String guessVersion(String command) {
        Matcher m = Pattern.compile("(\\d+(?:\\.\\d+)?)").matcher(command);
        return m.find() ? m.group(1) : "3.12";
    }

    private ProbeException.NotFound notFound(InterpreterRequest request, DiscoveryResult result,
            List<FoundInterpreter> notMatching, String advice) {
        List<String> places = new ArrayList<>(result.placesLooked());
        for (Miss m : result.misses()) {
            places.add("not usable: " + m.describe());
        }
        for (FoundInterpreter f : notMatching) {
            places.add("does not match " + request.describe() + ": " + f.describe());
        }
        return new ProbeException.NotFound(request.text(), places, advice);
    }

    // ---------------------------------------------------------------- probing

    private DiscoveryResult probeAll(Scan scan) {
        List<Candidate> candidates = new ArrayList<>(scan.candidates.values());
        return result(scan, candidates, probe(candidates), List.of());
    }

    /**
     * For {@link InterpreterRequest.Kind#ANY}: probes in search order, {@code parallelism} at a time, until
     * one works; the rest are not probed.
     */
    private DiscoveryResult probeUntilFirstWorks(Scan scan) {
        List<Candidate> candidates = new ArrayList<>(scan.candidates.values());
        List<Candidate> probed = new ArrayList<>();
        List<Object> outcomes = new ArrayList<>();
        for (int i = 0; i < candidates.size() && outcomes.stream().noneMatch(InterpreterInfo.class::isInstance);
                i += parallelism) {
            List<Candidate> batch = candidates.subList(i, Math.min(candidates.size(), i + parallelism));
            probed.addAll(batch);
            outcomes.addAll(probe(batch));
        }
        List<String> notProbed = new ArrayList<>();
        for (Candidate c : candidates.subList(probed.size(), candidates.size())) {
            notProbed.add(c + ": not probed, an interpreter earlier in the search order works");
        }
        return result(scan, probed, outcomes, notProbed);
    }

    /**
     * For a version or range request: probes only the candidates that can be the newest match. A
     * candidate whose name tells its version ({@code python3.12}; {@code 3.12.1} or
     * {@code cpython-3.12.1-linux-x86_64-gnu} in pyenv, asdf, mise and uv) is left out when that version
     * does not match, or once a probed match is newer (or as new and from an earlier source). Candidates
     * are probed newest name first, {@code parallelism} at a time; those whose name tells nothing
     * ({@code python3}, a conda environment) are always probed, except pyenv shims (see
     * {@link #pyenvShimDirectory}).
     */
    private DiscoveryResult probeNewestFirst(Scan scan, InterpreterRequest request) {
        List<Candidate> inOrder = new ArrayList<>(scan.candidates.values());
        Map<Candidate, Integer> position = new HashMap<>();
        for (int i = 0; i < inOrder.size(); i++) {
            position.put(inOrder.get(i), i);
        }
        List<String> notProbed = new ArrayList<>();
        List<Candidate> pending = new ArrayList<>();
        for (Candidate c : inOrder) {
            VersionHint hint = scan.hints.get(c);
            Path shims = pyenvShimDirectory(scan, c);
            if (hint != null && !hint.canMatch(request)) {
                notProbed.add(c + ": not probed, its name says " + hint + ", which does not match " + request.describe());
            } else if (shims != null) {
                notProbed.add(c + ": not probed, a pyenv shim: it runs a version in "
                        + shims.resolveSibling("versions") + " or a system interpreter on PATH, candidates themselves");
            } else {
                pending.add(c);
            }
        }
        // newest hint first, unknown versions before all hints (they may be anything); search order breaks ties
        pending.sort(Comparator.comparing((Candidate c) -> scan.hints.get(c), VersionHint.NEWEST_FIRST)
                .thenComparing(position::get));
        Map<Candidate, Object> outcomes = new HashMap<>();
        FoundInterpreter best = null;
        while (!pending.isEmpty()) {
            List<Candidate> batch = new ArrayList<>();
            for (Iterator<Candidate> it = pending.iterator(); it.hasNext() && batch.size() < parallelism; ) {
                Candidate c = it.next();
                it.remove();
                VersionHint hint = scan.hints.get(c);
                if (best != null && hint != null && !hint.canBeat(best.info().version(),
                        position.get(c) < position.get(best.candidate()))) {
                    notProbed.add(c + ": not probed, its name says " + hint + ", not newer than " + best.describe());
                    continue;
                }
                batch.add(c);
            }
            List<Object> results = probe(batch);
            for (int i = 0; i < batch.size(); i++) {
                Candidate c = batch.get(i);
                outcomes.put(c, results.get(i));
                if (results.get(i) instanceof InterpreterInfo info && request.matches(info)) {
                    int order = best == null ? 1 : info.version().compareTo(best.info().version());
                    if (order > 0 || (order == 0 && position.get(c) < position.get(best.candidate()))) {
                        best = new FoundInterpreter(c, info);
                    }
                }
            }
        }
        List<Candidate> probed = inOrder.stream().filter(outcomes::containsKey).toList();
        return result(scan, probed, probed.stream().map(outcomes::get).toList(), notProbed);
    }

    /**
     * The pyenv shims directory {@code c} is in, when {@code c} came from {@code PATH} and that pyenv
     * root's {@code versions} directory was read; else null. Such a shim runs (through several bash
     * processes, 0.3 to 0.5 s) a version in {@code versions} or a system interpreter found on {@code PATH}
     * without the shims, which are all candidates of their own, so a version request need not probe it.
     * A pyenv with {@code which}/{@code exec} hooks (pyenv-virtualenv) may run an environment of one of those
     * versions instead: the same version and tags. A request for "any" interpreter or a command name
     * still runs shims, since they stand for the user's current selection.
     */
    private Path pyenvShimDirectory(Scan scan, Candidate c) {
        if (c.source() != InterpreterSource.PATH || c.path().getParent() == null) {
            return null;
        }
        Path dir = c.path().toAbsolutePath().normalize().getParent();
        return scan.pyenvShims.contains(dir) ? dir : null;
    }

    /** Probes {@code candidates}, {@code parallelism} at a time: each outcome is an {@link InterpreterInfo} or a {@link ProbeException}. */
    private List<Object> probe(List<Candidate> candidates) {
        List<Object> outcomes = new ArrayList<>();
        if (candidates.isEmpty()) {
            return outcomes;
        }
        if (candidates.size() == 1) {
            outcomes.add(probeOne(candidates.get(0)));
            return outcomes;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, candidates.size()), r -> {
            Thread t = new Thread(r, "smvm-discovery");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (Candidate c : candidates) {
                futures.add(pool.submit(() -> probeOne(c)));
            }
            for (Future<Object> f : futures) {
                try {
                    outcomes.add(f.get());
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    outcomes.add(new ProbeException.UnexpectedOutput(candidates.get(outcomes.size()).path(),
                            "", "probe failed: " + cause));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    pool.shutdownNow();
                    throw new IllegalStateException("interrupted while probing Python interpreters", e);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return outcomes;
    }

    private Object probeOne(Candidate c) {
        progress.accept("probing " + c);
        try {
            return probe.probe(c.path());
        } catch (ProbeException e) {
            return e;
        }
    }

    /** The result of probing {@code candidates} (in search order) with {@code outcomes}; {@code notProbed} explains the others. */
    private DiscoveryResult result(Scan scan, List<Candidate> candidates, List<Object> outcomes, List<String> notProbed) {
        List<FoundInterpreter> found = new ArrayList<>();
        List<Miss> misses = new ArrayList<>();
        Map<String, FoundInterpreter> byIdentity = new LinkedHashMap<>();
        List<String> places = new ArrayList<>(scan.places);
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            Object o = outcomes.get(i);
            if (o instanceof ProbeException e) {
                misses.add(new Miss(c, e));
                progress.accept("  " + c + ": " + e.shortReason());
                continue;
            }
            InterpreterInfo info = (InterpreterInfo) o;
            String identity = identity(info);
            FoundInterpreter earlier = byIdentity.get(identity);
            if (earlier != null) {
                places.add(c + " runs the same interpreter as " + earlier.candidate() + "; kept the first");
                continue;
            }
            FoundInterpreter f = new FoundInterpreter(c, info);
            byIdentity.put(identity, f);
            found.add(f);
            progress.accept("  " + f.describe());
        }
        for (String line : notProbed) {
            places.add(line);
            progress.accept("  " + line);
        }
        return new DiscoveryResult(found, misses, places);
    }

    private String identity(InterpreterInfo info) {
        Path exe = info.executable() != null ? info.executable() : info.probedPath();
        Path real = ctx.realPath(exe).orElse(exe.toAbsolutePath().normalize());
        return real + "\u0000" + info.prefix();
    }

    // ---------------------------------------------------------------- collecting candidates

    /** Candidates in discovery order plus a log of every place looked. */
    private final class Scan {
        final Map<String, Candidate> candidates = new LinkedHashMap<>();
        /** What a candidate's name says about its version, where it says something. */
        final Map<Candidate, VersionHint> hints = new HashMap<>();
        final List<String> places = new ArrayList<>();
        /** The {@code shims} directories of the pyenv roots whose {@code versions} directory was read. */
        final java.util.Set<Path> pyenvShims = new java.util.HashSet<>();

        /** Adds a candidate unless its real path was already seen; returns whether it was added. */
        boolean add(Path path, InterpreterSource source, String origin) {
            return add(path, source, origin, null);
        }

        /** {@link #add(Path, InterpreterSource, String)} with what the candidate's name says about its version. */
        boolean add(Path path, InterpreterSource source, String origin, VersionHint hint) {
            String key = dedupeKey(path);
            Candidate earlier = candidates.get(key);
            if (earlier != null) {
                return false;
            }
            Candidate c = new Candidate(path, source, origin);
            candidates.put(key, c);
            if (hint != null) {
                hints.put(c, hint);
            }
            return true;
        }

        void look(String place) {
            places.add(place);
        }
    }

    private String dedupeKey(Path path) {
        Path real = ctx.realPath(path).orElse(path.toAbsolutePath().normalize());
        // A venv's python is often a symlink to the base interpreter but is not the same thing.
        Path dir = path.toAbsolutePath().getParent();
        for (int i = 0; i < 2 && dir != null; i++, dir = dir.getParent()) {
            if (ctx.exists(dir.resolve("pyvenv.cfg"))) {
                return real + "\u0000venv:" + ctx.realPath(dir).orElse(dir);
            }
        }
        return real.toString();
    }

    private void collectAll(Scan scan) {
        collectPath(scan);
        collectPyenv(scan);
        collectInstallDirs(scan, InterpreterSource.ASDF,
                ctx.env("ASDF_DATA_DIR").map(Path::of).orElse(ctx.homeDirectory().resolve(".asdf"))
                        .resolve("installs").resolve("python"));
        collectInstallDirs(scan, InterpreterSource.MISE, dataHome("MISE_DATA_DIR", "mise")
                .resolve("installs").resolve("python"));
        collectConda(scan);
        collectUv(scan);
        if (!ctx.isWindows()) {
            Path root = ctx.systemRoot();
            collectBinDir(scan, InterpreterSource.HOMEBREW, root.resolve("opt/homebrew/bin"), "");
            collectBinDir(scan, InterpreterSource.USR_LOCAL, root.resolve("usr/local/bin"), "");
            collectBinDir(scan, InterpreterSource.SYSTEM, root.resolve("usr/bin"), "");
        } else {
            collectPyLauncher(scan);
            collectRegistry(scan);
        }
    }

    private Path dataHome(String override, String tool) {
        Optional<String> explicit = ctx.env(override);
        if (explicit.isPresent()) {
            return Path.of(explicit.get());
        }
        Path base = ctx.env("XDG_DATA_HOME").map(Path::of)
                .orElse(ctx.homeDirectory().resolve(".local").resolve("share"));
        return base.resolve(tool);
    }

    private List<Path> pathEntries() {
        Optional<String> path = ctx.env("PATH");
        if (path.isEmpty()) {
            return List.of();
        }
        java.util.Set<Path> out = new java.util.LinkedHashSet<>();
        for (String entry : path.get().split(ctx.isWindows() ? ";" : ":")) {
            String e = entry.strip();
            if (ctx.isWindows() && e.length() > 1 && e.startsWith("\"") && e.endsWith("\"")) {
                e = e.substring(1, e.length() - 1);
            }
            if (e.isEmpty()) {
                continue;
            }
            try {
                out.add(ctx.workingDirectory().resolve(e));
            } catch (InvalidPathException ex) {
                // an unusable PATH entry is skipped
            }
        }
        return List.copyOf(out);
    }

    private void collectPath(Scan scan) {
        List<Path> entries = pathEntries();
        if (entries.isEmpty()) {
            scan.look("PATH (not set or empty)");
        }
        for (Path dir : entries) {
            collectBinDir(scan, InterpreterSource.PATH, dir, "PATH entry ");
        }
    }

    /** Python executables of one bin directory: python3.X (newest first), python3, python. */
    private void collectBinDir(Scan scan, InterpreterSource source, Path dir, String label) {
        String place = label + dir;
        if (!ctx.isDirectory(dir)) {
            scan.look(place + " (missing)");
            return;
        }
        Pattern names = ctx.isWindows() ? WINDOWS_NAME : UNIX_NAME;
        List<Path> hits = new ArrayList<>();
        for (Path p : ctx.list(dir)) {
            if (names.matcher(p.getFileName().toString()).matches() && ctx.isExecutableFile(p)) {
                hits.add(p);
            }
        }
        hits.sort(Comparator.comparing((Path p) -> versionKey(p.getFileName().toString())).reversed());
        List<String> added = new ArrayList<>();
        List<String> dupes = new ArrayList<>();
        for (Path p : hits) {
            String name = p.getFileName().toString();
            (scan.add(p, source, place, VersionHint.ofExecutableName(name)) ? added : dupes).add(name);
        }
        scan.look(place + describeHits(added, dupes));
    }

    private static String describeHits(List<String> added, List<String> dupes) {
        if (added.isEmpty() && dupes.isEmpty()) {
            return " (no python executables)";
        }
        StringBuilder sb = new StringBuilder(": ");
        sb.append(added.isEmpty() ? "nothing new" : String.join(", ", added));
        if (!dupes.isEmpty()) {
            sb.append(" (already seen: ").append(String.join(", ", dupes)).append(')');
        }
        return sb.toString();
    }

    /**
     * Sort key (higher first): {@code python3}, then {@code python} (the names a user's default
     * interpreter goes by), then versioned names newest first ({@code python3.13}, ...,
     * {@code python2.7}, {@code python2}).
     */
    private static String versionKey(String name) {
        Matcher m = Pattern.compile("(?i)python(\\d+)?(?:\\.(\\d+))?").matcher(name);
        if (!m.lookingAt()) {
            return "";
        }
        if (m.group(1) == null) {
            return "8";
        }
        if (m.group(1).equals("3") && m.group(2) == null) {
            return "9";
        }
        int major = Integer.parseInt(m.group(1));
        int minor = m.group(2) == null ? -1 : Integer.parseInt(m.group(2));
        return String.format(Locale.ROOT, "0%04d.%05d", major, minor + 1);
    }

    private void collectPathCommand(Scan scan, String command) {
        List<Path> entries = pathEntries();
        if (entries.isEmpty()) {
            scan.look("PATH (not set or empty)");
        }
        List<String> names = new ArrayList<>();
        names.add(command);
        if (ctx.isWindows() && !command.toLowerCase(Locale.ROOT).endsWith(".exe")) {
            names.add(command + ".exe");
        }
        for (Path dir : entries) {
            boolean hit = false;
            for (String name : names) {
                Path p = dir.resolve(name);
                if (ctx.isExecutableFile(p)) {
                    hit = true;
                    boolean added = scan.add(p, InterpreterSource.PATH, "PATH entry " + dir);
                    scan.look("PATH entry " + dir + ": " + name + (added ? "" : " (already seen)"));
                }
            }
            if (!hit) {
                scan.look("PATH entry " + dir + (ctx.isDirectory(dir) ? " (no " + command + ")" : " (missing)"));
            }
        }
    }

    private void collectPyenv(Scan scan) {
        Path root = ctx.env("PYENV_ROOT").map(Path::of).orElse(ctx.homeDirectory().resolve(".pyenv"));
        collectInstallDirs(scan, InterpreterSource.PYENV, root.resolve("versions"));
        if (!ctx.isWindows() && ctx.isDirectory(root.resolve("versions"))) {
            scan.pyenvShims.add(root.resolve("shims").toAbsolutePath().normalize());
        }
        if (ctx.isWindows()) {
            // pyenv-win keeps its versions one level deeper
            Path win = ctx.homeDirectory().resolve(".pyenv").resolve("pyenv-win").resolve("versions");
            if (!win.equals(root.resolve("versions"))) {
                collectInstallDirs(scan, InterpreterSource.PYENV, win);
            }
        }
    }

    /** {@code dir/*} are installation prefixes (newest name first). */
    private void collectInstallDirs(Scan scan, InterpreterSource source, Path dir) {
        if (!ctx.isDirectory(dir)) {
            scan.look(source.label() + ": " + dir + " (missing)");
            return;
        }
        List<Path> prefixes = new ArrayList<>();
        for (Path p : ctx.list(dir)) {
            if (!p.getFileName().toString().startsWith(".") && ctx.isDirectory(p)) {
                prefixes.add(p);
            }
        }
        prefixes.sort(Comparator.comparing((Path p) -> naturalKey(p.getFileName().toString())).reversed());
        List<String> added = new ArrayList<>();
        List<String> dupes = new ArrayList<>();
        List<String> empty = new ArrayList<>();
        for (Path prefix : prefixes) {
            Optional<Path> exe = executableIn(prefix);
            String name = prefix.getFileName().toString();
            if (exe.isEmpty()) {
                empty.add(name);
            } else {
                VersionHint hint = source == InterpreterSource.CONDA ? null : VersionHint.ofInstallDirectory(name);
                (scan.add(exe.get(), source, source.label() + " " + dir, hint) ? added : dupes).add(name);
            }
        }
        String seen = describeHits(added, dupes);
        if (!empty.isEmpty()) {
            seen += " (no interpreter in: " + String.join(", ", empty) + ")";
        }
        scan.look(source.label() + ": " + dir + seen);
    }

    private void collectConda(Scan scan) {
        Optional<String> active = ctx.env("CONDA_PREFIX");
        if (active.isPresent()) {
            Path prefix = Path.of(active.get());
            Optional<Path> exe = executableIn(prefix);
            if (exe.isPresent()) {
                boolean added = scan.add(exe.get(), InterpreterSource.CONDA, "CONDA_PREFIX");
                scan.look("conda: $CONDA_PREFIX " + prefix + ": " + (added ? exe.get() : "already seen"));
            } else {
                scan.look("conda: $CONDA_PREFIX " + prefix + " (no interpreter)");
            }
        } else {
            scan.look("conda: $CONDA_PREFIX (not set)");
        }
        for (String base : List.of("miniconda3", "anaconda3", "miniforge3", "mambaforge")) {
            Path root = ctx.homeDirectory().resolve(base);
            if (!ctx.isDirectory(root)) {
                scan.look("conda: " + root + " (missing)");
                continue;
            }
            Optional<Path> exe = executableIn(root);
            if (exe.isPresent()) {
                boolean added = scan.add(exe.get(), InterpreterSource.CONDA, "conda " + root);
                scan.look("conda: " + root + ": " + (added ? "base environment" : "already seen"));
            } else {
                scan.look("conda: " + root + " (no base interpreter)");
            }
            collectInstallDirs(scan, InterpreterSource.CONDA, root.resolve("envs"));
        }
    }

    private void collectUv(Scan scan) {
        Optional<String> explicit = ctx.env("UV_PYTHON_INSTALL_DIR");
        Path dir;
        if (explicit.isPresent()) {
            dir = Path.of(explicit.get());
        } else if (ctx.isWindows()) {
            dir = ctx.env("APPDATA").map(Path::of)
                    .orElse(ctx.homeDirectory().resolve("AppData").resolve("Roaming"))
                    .resolve("uv").resolve("python");
        } else {
            dir = dataHome("UV_PYTHON_INSTALL_DIR", "uv").resolve("python");
        }
        collectInstallDirs(scan, InterpreterSource.UV, dir);
    }

    private void collectPyLauncher(Scan scan) {
        Optional<String> out = ctx.commandOutput(List.of("py", "--list-paths"), HELPER_TIMEOUT);
        if (out.isEmpty()) {
            scan.look("py launcher: `py --list-paths` (not available)");
            return;
        }
        List<String> added = new ArrayList<>();
        for (String line : out.get().split("\\R")) {
            Matcher m = PY_LAUNCHER_LINE.matcher(line.strip());
            if (m.find()) {
                Path p = Path.of(m.group(1));
                if (ctx.isExecutableFile(p) && scan.add(p, InterpreterSource.WINDOWS_PY_LAUNCHER, "py --list-paths")) {
                    added.add(p.toString());
                }
            }
        }
        scan.look("py launcher: `py --list-paths`" + (added.isEmpty() ? " (nothing new)" : ": " + String.join(", ", added)));
    }

    private void collectRegistry(Scan scan) {
        for (String root : List.of("HKCU\\Software\\Python", "HKLM\\Software\\Python",
                "HKLM\\Software\\WOW6432Node\\Python")) {
            Optional<String> out = ctx.commandOutput(List.of("reg", "query", root, "/s"), HELPER_TIMEOUT);
            if (out.isEmpty()) {
                scan.look("registry: " + root + " (absent)");
                continue;
            }
            List<String> added = new ArrayList<>();
            for (Path p : parseRegistry(out.get())) {
                if (ctx.isExecutableFile(p) && scan.add(p, InterpreterSource.WINDOWS_REGISTRY, "registry " + root)) {
                    added.add(p.toString());
                }
            }
            scan.look("registry: " + root + (added.isEmpty() ? " (nothing new)" : ": " + String.join(", ", added)));
        }
    }

    /** PEP 514: {@code ExecutablePath} values, else {@code InstallPath\(Default)} + python.exe. */
    static List<Path> parseRegistry(String output) {
        List<Path> out = new ArrayList<>();
        String key = "";
        for (String raw : output.split("\\R")) {
            String line = raw.strip();
            if (line.toUpperCase(Locale.ROOT).startsWith("HKEY_")) {
                key = line;
                continue;
            }
            String[] parts = line.split("\\s{2,}|\\t", 3);
            if (parts.length < 3 || !parts[1].startsWith("REG_")) {
                continue;
            }
            try {
                if (parts[0].equalsIgnoreCase("ExecutablePath")) {
                    out.add(Path.of(parts[2].strip()));
                } else if (parts[0].equalsIgnoreCase("(Default)") && key.toLowerCase(Locale.ROOT).endsWith("\\installpath")) {
                    Path exe = Path.of(parts[2].strip()).resolve("python.exe");
                    if (!out.contains(exe)) {
                        out.add(exe);
                    }
                }
            } catch (InvalidPathException e) {
                // skip unreadable values
            }
        }
        return out;
    }

    /** The interpreter executable inside an installation prefix or venv directory. */
    private Optional<Path> executableIn(Path prefix) {
        List<Path> options = ctx.isWindows()
                ? List.of(prefix.resolve("python.exe"), prefix.resolve("Scripts").resolve("python.exe"),
                        prefix.resolve("bin").resolve("python.exe"))
                : List.of(prefix.resolve("bin").resolve("python3"), prefix.resolve("bin").resolve("python"));
        for (Path p : options) {
            if (ctx.isExecutableFile(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Natural ordering key: digit runs zero-padded so 3.10 sorts above 3.9. */
    private static String naturalKey(String name) {
        Matcher m = Pattern.compile("\\d+").matcher(name);
        StringBuilder sb = new StringBuilder();
        int last = 0;
        while (m.find()) {
            sb.append(name, last, m.start());
            String digits = m.group();
            sb.append("0".repeat(Math.max(0, 8 - digits.length()))).append(digits);
            last = m.end();
        }
        sb.append(name.substring(last));
        return sb.toString();
    }
}
