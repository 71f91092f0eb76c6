package io.github.smvm.venv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.smvm.fs.AtomicFiles;
import io.github.smvm.process.ProcessException;
import io.github.smvm.process.ProcessResult;
import io.github.smvm.process.ProcessRunner;
import io.github.smvm.process.ProcessSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;

/**
 * Makes the environment at a venv path match a request, without ever losing the environment that is
 * there: the new one is built in a sibling directory, installed, verified by importing its modules,
 * and only then swapped in; the old one becomes {@code <venv>.backup.<UTC timestamp>}.
 *
 * <p>The sequence, under a {@link VenvLock}: recover what a killed run left behind; return at once when
 * the environment is up to date; {@code python -m venv} into {@code <venv>.smvm-new-<timestamp>-<pid>};
 * {@code python -m pip install}; import verification; {@code pip freeze}; rewrite the scripts' absolute
 * paths from the temporary to the final location; swap (two renames, recorded in a journal first, so
 * that a run killed between them is completed or undone by the next run); remove backups beyond the
 * limit; write {@code requirements.lock}. A failure before the swap removes the half-built directory
 * and leaves the old environment untouched; a failure during the swap puts the old one back.
 */
public final class VenvSync {

    /** The points of the sequence, reported to the listener as they are reached. */
    public enum Stage {
        LOCKED, RECOVERED, UP_TO_DATE, CREATING, INSTALLING, VERIFYING, FREEZING, SWAPPING, SWAPPED, DONE
    }

    /** Told about each stage; called on the syncing thread, before the stage's work. */
    @FunctionalInterface
    public interface Listener {
        void stage(Stage stage, String detail);
    }

    /** Time limits of the processes. */
    public record Timeouts(Duration create, Duration install, Duration verify, Duration lock) {
        public static Timeouts defaults() {
            return new Timeouts(Duration.ofMinutes(5), Duration.ofMinutes(20), Duration.ofMinutes(2),
                    Duration.ofMinutes(30));
        }
    }

    /**
     * What the environment must be.
     *
     * @param interpreter the base interpreter to build on
     * @param pythonVersion its full version, e.g. {@code 3.11.7}: an existing environment with another
     *     version is rebuilt
     * @param inputsDigest identifies the requirements and settings; an environment built from other
     *     inputs is rebuilt
     * @param verifyImports modules to import besides those of the installed distributions
     * @param keepBackups how many {@code <venv>.backup.*} directories to keep
     * @param lockFile where {@code pip freeze} of the environment is written ({@code requirements.lock})
     */
    public record Request(Path venv, Path interpreter, String pythonVersion, String inputsDigest, PipSettings pip,
            List<String> verifyImports, int keepBackups, Path lockFile, Timeouts timeouts) {

        public Request {
            venv = venv.toAbsolutePath().normalize();
            Objects.requireNonNull(interpreter, "interpreter");
            Objects.requireNonNull(pythonVersion, "pythonVersion");
            Objects.requireNonNull(inputsDigest, "inputsDigest");
            Objects.requireNonNull(pip, "pip");
            verifyImports = List.copyOf(verifyImports);
            if (keepBackups < 0) {
                throw new IllegalArgumentException(keepBackups + " is not a number of backups to keep: use 0 or more");
            }
            Objects.requireNonNull(lockFile, "lockFile");
            Objects.requireNonNull(timeouts, "timeouts");
        }
    }

    /**
     * What was done.
     *
     * @param upToDate nothing was built: the environment already matched
     * @param python the environment's own interpreter
     * @param packages the lines of {@code pip freeze}
     * @param backup where the previous environment went, or {@code null}
     * @param recovered what the recovery of a killed run did, or {@code null}
     */
    public record Result(boolean upToDate, Path python, String pythonVersion, List<String> packages, Path backup,
            Duration duration, String recovered) {
    }

    static final String STATE_FILE = "smvm-state.properties";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String VERSION_SCRIPT = "import sys; sys.stdout.write('.'.join(map(str, sys.version_info[:3])))";

    private final ProcessRunner runner;
    private final VenvLayout layout;
    private final Clock clock;
    private final Listener listener;

    public VenvSync(ProcessRunner runner, VenvLayout layout, Clock clock, Listener listener) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.layout = Objects.requireNonNull(layout, "layout");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Brings the environment up to date.
     *
     * @param waiting told when another build holds the environment's lock
     * @throws VenvException naming the failed step; the previous environment is in place
     */
    public Result sync(Request request, java.util.function.Consumer<String> waiting) {
        return sync(request, waiting, result -> { });
    }

    /** What a caller does with the result while the environment's lock is still held. */
    @FunctionalInterface
    public interface WhileLocked {
        /** @throws java.io.UncheckedIOException when a record cannot be written; the environment stays as built */
        void accept(Result result);
    }

    /**
     * {@link #sync(Request, java.util.function.Consumer)}, then {@code whileLocked} with the result before the
     * lock is released, so that what the caller records about this environment (its configuration, its log)
     * cannot be overtaken by another build's records for the same environment.
     */
    public Result sync(Request request, java.util.function.Consumer<String> waiting, WhileLocked whileLocked) {
        long start = System.nanoTime();
        try (VenvLock lock = VenvLock.acquire(request.venv(), request.timeouts().lock(), waiting)) {
            listener.stage(Stage.LOCKED, lock.file().toString());
            String recovered = recoverAtStart(request.venv(), request.keepBackups());
            listener.stage(Stage.RECOVERED, recovered == null ? "nothing to recover" : recovered);
            List<String> current = upToDate(request);
            if (current != null) {
                listener.stage(Stage.UP_TO_DATE, request.venv().toString());
                writeLockFileIfMissing(request.lockFile(), current);
                Result result = new Result(true, layout.python(request.venv()), request.pythonVersion(), current, null,
                        elapsed(start), recovered);
                whileLocked.accept(result);
                return result;
            }
            // the process id keeps a run apart from the orphans of a run killed in the same second
            Path incoming = sibling(request.venv(), ".smvm-new-" + STAMP.format(clock.instant()) + "-"
                    + ProcessHandle.current().pid());
            List<String> frozen;
            Path backup;
            try {
                frozen = build(request, incoming);
                listener.stage(Stage.SWAPPING, incoming + " -> " + request.venv());
                backup = swap(request.venv(), incoming);
            } catch (RuntimeException | Error e) {
                deleteQuietly(incoming);
                throw e;
            }
            listener.stage(Stage.SWAPPED, backup == null ? "no previous environment" : "previous environment: " + backup);
            pruneBackups(request.venv(), request.keepBackups());
            try {
                AtomicFiles.write(request.lockFile(), String.join("\n", frozen) + (frozen.isEmpty() ? "" : "\n"));
            } catch (IOException e) {
                throw new VenvException(VenvException.Step.RECORD, "the environment is built, but "
                        + request.lockFile() + " cannot be written: " + e.getMessage(), null, e);
            }
            listener.stage(Stage.DONE, request.venv().toString());
            Result result = new Result(false, layout.python(request.venv()), request.pythonVersion(), frozen,
                    backup != null && Files.exists(backup, LinkOption.NOFOLLOW_LINKS) ? backup : null, elapsed(start),
                    recovered);
            whileLocked.accept(result);
            return result;
        }
    }

    private List<String> build(Request request, Path incoming) {
        listener.stage(Stage.CREATING, request.interpreter() + " -m venv " + incoming);
        ProcessResult created = run(VenvException.Step.CREATE, List.of(request.interpreter().toString(), "-I", "-m",
                "venv", incoming.toString()), request.timeouts().create(), request.pip());
        if (!created.succeeded()) {
            throw failure(VenvException.Step.CREATE, "python -m venv failed with exit code " + created.exitCode(),
                    created, request.pip());
        }
        Path python = layout.python(incoming);
        listener.stage(Stage.INSTALLING, String.join(", ", request.pip().redactedLocations()));
        Path extra = null;
        try {
            if (!request.pip().extraRequirements().isEmpty()) {
                extra = incoming.resolve(".smvm-requirements.txt"); // removed with the build directory if killed
                Files.writeString(extra, String.join("\n", request.pip().extraRequirements()) + "\n");
            }
            List<String> command = new ArrayList<>(List.of(python.toString(), "-I", "-m", "pip", "install"));
            command.addAll(request.pip().installArguments(extra));
            ProcessResult installed = run(VenvException.Step.INSTALL, command, request.timeouts().install(), request.pip());
            if (!installed.succeeded()) {
                throw failure(VenvException.Step.INSTALL, "pip install failed with exit code " + installed.exitCode()
                        + ": " + lastLine(scrubbed(installed.stderr(), request.pip())), installed, request.pip());
            }
        } catch (IOException e) {
            throw new VenvException(VenvException.Step.INSTALL, "cannot write the requirements for pip: "
                    + e.getMessage(), null, e);
        } finally {
            if (extra != null) {
                deleteQuietly(extra);
            }
        }
        listener.stage(Stage.VERIFYING, python.toString());
        verifyImports(python, request, incoming);
        listener.stage(Stage.FREEZING, python.toString());
        List<String> frozen = freeze(python, request.pip());
        writeState(incoming, request, frozen);
        relocate(incoming, request.venv());
        return frozen;
    }

    // ---------------------------------------------------------------- up to date

    /** The frozen packages when the environment matches the request; {@code null} when it must be built. */
    private List<String> upToDate(Request request) {
        Path venv = request.venv();
        Path python = layout.python(venv);
        Properties state = readState(venv);
        if (state == null || !Files.isExecutable(python)
                || !request.inputsDigest().equals(state.getProperty("inputs_digest"))
                || !request.pythonVersion().equals(state.getProperty("python_version"))) {
            return null;
        }
        try {
            ProcessResult version = runner.run(spec(List.of(python.toString(), "-I", "-c", VERSION_SCRIPT),
                    request.timeouts().verify(), request.pip()));
            if (!version.succeeded() || !version.stdout().strip().equals(request.pythonVersion())) {
                return null;
            }
            List<String> frozen = freeze(python, request.pip());
            return sha256(String.join("\n", frozen)).equals(state.getProperty("freeze_sha256")) ? frozen : null;
        } catch (ProcessException | VenvException e) {
            return null; // a broken environment is rebuilt
        }
    }

    private static Properties readState(Path venv) {
        Path file = venv.resolve(STATE_FILE);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Properties state = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            state.load(in);
            return state;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    private void writeState(Path incoming, Request request, List<String> frozen) {
        String text = "# written by smvm-maven-plugin when it built this environment\n"
                + "inputs_digest=" + request.inputsDigest() + "\n"
                + "python_version=" + request.pythonVersion() + "\n"
                + "freeze_sha256=" + sha256(String.join("\n", frozen)) + "\n"
                + "built_at=" + clock.instant() + "\n";
        try {
            Files.writeString(incoming.resolve(STATE_FILE), text);
        } catch (IOException e) {
            throw new VenvException(VenvException.Step.FREEZE, "cannot write " + incoming.resolve(STATE_FILE) + ": "
                    + e.getMessage(), null, e);
        }
    }

    // ---------------------------------------------------------------- verification

    /**
     * The check runs from a directory of its own inside the build directory: Python before 3.11 puts the
     * script's directory first on {@code sys.path}, where nothing else may be found (a shared temporary
     * directory could shadow a module), and a killed run's script goes with its build directory.
     */
    private void verifyImports(Path python, Request request, Path incoming) {
        Path directory = incoming.resolve(".smvm-verify");
        Path script = directory.resolve("verify_imports.py");
        try {
            Files.createDirectories(directory);
            try (InputStream in = VenvSync.class.getResourceAsStream("verify_imports.py")) {
                Files.write(script, Objects.requireNonNull(in, "verify_imports.py resource").readAllBytes());
            }
        } catch (IOException e) {
            throw new VenvException(VenvException.Step.VERIFY, "cannot write the import check: " + e.getMessage(),
                    null, e);
        }
        try {
            List<String> command = new ArrayList<>(List.of(python.toString(), "-I", script.toString()));
            command.addAll(request.verifyImports());
            ProcessResult result = run(VenvException.Step.VERIFY, command, request.timeouts().verify(), request.pip());
            JsonNode document;
            try {
                document = new ObjectMapper().readTree(result.stdout());
            } catch (IOException e) {
                document = null;
            }
            if (!result.succeeded() || document == null || !document.isObject()) {
                throw failure(VenvException.Step.VERIFY, "the import check did not run (exit code "
                        + result.exitCode() + ")", result, request.pip());
            }
            if (document.hasNonNull("error")) {
                throw new VenvException(VenvException.Step.VERIFY, document.get("error").asText(), null, null);
            }
            List<String> failures = new ArrayList<>();
            for (JsonNode entry : document.path("imports")) {
                if (!entry.path("ok").asBoolean()) {
                    String dist = entry.path("distribution").isNull() ? "<verifyImports>"
                            : entry.path("distribution").asText();
                    failures.add("import " + entry.path("module").asText() + " (" + dist + "): "
                            + entry.path("error").asText());
                }
            }
            if (!failures.isEmpty()) {
                throw new VenvException(VenvException.Step.VERIFY, failures.size() + " import"
                        + (failures.size() == 1 ? "" : "s") + " failed in the new environment: " + failures.get(0),
                        scrubbed(String.join("\n", failures), request.pip()), null);
            }
        } finally {
            deleteQuietly(directory);
        }
    }

    private List<String> freeze(Path python, PipSettings pip) {
        ProcessResult result = run(VenvException.Step.FREEZE, List.of(python.toString(), "-I", "-m", "pip", "freeze"),
                Duration.ofMinutes(2), pip);
        if (!result.succeeded()) {
            throw failure(VenvException.Step.FREEZE, "pip freeze failed with exit code " + result.exitCode(), result,
                    pip);
        }
        return result.stdout().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    // ---------------------------------------------------------------- relocation and swap

    /**
     * Points the scripts that name the build directory (console-script shebangs, {@code activate*}, the
     * {@code command} line of {@code pyvenv.cfg}) at the final location. Windows {@code .exe} launchers
     * embed their interpreter path in binary form and are left as pip wrote them.
     */
    void relocate(Path incoming, Path venv) {
        String from = incoming.toString();
        String to = venv.toString();
        List<Path> files = new ArrayList<>();
        files.add(layout.config(incoming));
        try (DirectoryStream<Path> scripts = Files.newDirectoryStream(layout.scripts(incoming))) {
            scripts.forEach(files::add);
        } catch (IOException e) {
            throw new VenvException(VenvException.Step.SWAP, "cannot list " + layout.scripts(incoming) + ": "
                    + e.getMessage(), null, e);
        }
        for (Path file : files) {
            try {
                if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > 1_000_000
                        || file.getFileName().toString().endsWith(".exe")) {
                    continue;
                }
                byte[] bytes = Files.readAllBytes(file);
                String text = new String(bytes, StandardCharsets.UTF_8);
                if (text.contains(from) && !text.contains("\0")) {
                    Files.write(file, text.replace(from, to).getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new VenvException(VenvException.Step.SWAP, "cannot rewrite the paths in " + file + ": "
                        + e.getMessage(), null, e);
            }
        }
    }

    /** Moves the old environment aside and the new one in; returns the backup, or {@code null}. */
    private Path swap(Path venv, Path incoming) {
        Path journal = journal(venv);
        boolean hadOld = Files.exists(venv, LinkOption.NOFOLLOW_LINKS);
        Path backup = hadOld ? freeBackupName(venv) : null;
        try {
            AtomicFiles.write(journal, "backup=" + (backup == null ? "" : escape(backup.toString())) + "\nincoming="
                    + escape(incoming.toString()) + "\n");
        } catch (IOException e) {
            throw new VenvException(VenvException.Step.SWAP, "cannot write the swap journal " + journal + ": "
                    + e.getMessage(), null, e);
        }
        if (hadOld) {
            try {
                move(venv, backup);
            } catch (IOException e) {
                deleteQuietly(journal);
                throw new VenvException(VenvException.Step.SWAP, "cannot move the previous environment " + venv
                        + " to " + backup + " (is a program using it?): " + e.getMessage(), null, e);
            }
        }
        try {
            move(incoming, venv);
        } catch (IOException e) {
            if (hadOld) {
                try {
                    move(backup, venv);
                } catch (IOException restore) {
                    e.addSuppressed(restore);
                    throw new VenvException(VenvException.Step.SWAP, "cannot move the new environment into " + venv
                            + " nor the previous one back; it is at " + backup + ": " + e.getMessage(), null, e);
                }
            }
            throw new VenvException(VenvException.Step.SWAP, "cannot move the new environment into " + venv
                    + "; the previous one is back in place: " + e.getMessage(), null, e);
        }
        deleteQuietly(journal);
        return backup;
    }

    /**
     * What every run does first, under the lock: {@link #recover} what a killed run left, and remove the
     * backups beyond {@code keepBackups} that a run killed between its swap and its pruning left.
     */
    String recoverAtStart(Path venv, int keepBackups) {
        String recovered = recover(venv);
        pruneBackups(venv, keepBackups);
        return recovered;
    }

    /**
     * Completes or undoes a swap a killed run left half done, and removes build directories of killed
     * runs. Returns what it did, or {@code null}.
     */
    String recover(Path venv) {
        List<String> done = new ArrayList<>();
        Path journal = journal(venv);
        if (Files.isRegularFile(journal)) {
            Properties entries = new Properties();
            try (InputStream in = Files.newInputStream(journal)) {
                entries.load(in);
            } catch (IOException | IllegalArgumentException e) {
                entries.clear();
            }
            String backup = entries.getProperty("backup", "");
            String incoming = entries.getProperty("incoming", "");
            if (!Files.exists(venv, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    if (!incoming.isEmpty() && Files.isRegularFile(Path.of(incoming).resolve(STATE_FILE))) {
                        move(Path.of(incoming), venv);
                        done.add("completed the swap of an interrupted run: " + incoming + " is now " + venv);
                    } else if (!backup.isEmpty() && Files.exists(Path.of(backup))) {
                        move(Path.of(backup), venv);
                        done.add("restored " + venv + " from " + backup + " after an interrupted run");
                    }
                } catch (IOException e) {
                    throw new VenvException(VenvException.Step.RECOVER, "an interrupted run left " + venv
                            + " missing and it cannot be restored from " + journal + ": " + e.getMessage(), null, e);
                }
            }
            deleteQuietly(journal);
        }
        for (Path temporary : siblings(venv, ".smvm-swap")) {
            deleteQuietly(temporary); // the temporary file of a journal whose writing was killed
        }
        for (Path stale : siblings(venv, ".smvm-new-")) {
            deleteQuietly(stale);
            done.add("removed " + stale + ", left by an interrupted run");
        }
        return done.isEmpty() ? null : String.join("; ", done);
    }

    /** Deletes the oldest {@code <venv>.backup.*} directories beyond {@code keep}. */
    void pruneBackups(Path venv, int keep) {
        List<Path> backups = new ArrayList<>(siblings(venv, ".backup."));
        backups.sort(null);
        for (int i = 0; i < backups.size() - keep; i++) {
            deleteQuietly(backups.get(i));
        }
    }

    private Path freeBackupName(Path venv) {
        String stamp = STAMP.format(clock.instant());
        Path candidate = sibling(venv, ".backup." + stamp);
        for (int i = 1; Files.exists(candidate, LinkOption.NOFOLLOW_LINKS); i++) {
            candidate = sibling(venv, ".backup." + stamp + "-" + i);
        }
        return candidate;
    }

    static Path journal(Path venv) {
        return sibling(venv, ".smvm-swap");
    }

    private static Path sibling(Path venv, String suffix) {
        return venv.resolveSibling(venv.getFileName() + suffix);
    }

    /** The siblings whose names are {@code <venv name><infix>…}, sorted by name. */
    static List<Path> siblings(Path venv, String infix) {
        String prefix = venv.getFileName() + infix;
        List<Path> result = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(venv.getParent(),
                p -> p.getFileName().toString().startsWith(prefix))) {
            entries.forEach(result::add);
        } catch (NoSuchFileException e) {
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        result.sort(null);
        return result;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    // ---------------------------------------------------------------- processes and files

    private ProcessResult run(VenvException.Step step, List<String> command, Duration timeout, PipSettings pip) {
        try {
            return runner.run(spec(command, timeout, pip));
        } catch (ProcessException e) {
            throw new VenvException(step, scrubbed(e.getMessage(), pip), null, e);
        }
    }

    private ProcessSpec spec(List<String> command, Duration timeout, PipSettings pip) {
        ProcessSpec.Builder builder = ProcessSpec.builder(command).timeout(timeout)
                .removeEnvironmentPrefix("PIP_").removeEnvironmentPrefix("PYTHON")
                .removeEnvironment("VIRTUAL_ENV").removeEnvironment("CONDA_PREFIX");
        if (!pip.proxy().isEmpty()) {
            // pip prefers the lower-case variables: an inherited one would override the proxy given here
            PipSettings.PROXY_VARIABLES.forEach(builder::removeEnvironment);
        }
        pip.environment(layout).forEach(builder::environment);
        return builder.build();
    }

    private static VenvException failure(VenvException.Step step, String message, ProcessResult result,
            PipSettings pip) {
        return new VenvException(step, scrubbed(message, pip), scrubbed(result.describe(), pip), null);
    }

    private static String scrubbed(String text, PipSettings pip) {
        Set<String> secrets = pip.secrets();
        return PipSettings.scrub(text, secrets);
    }

    private static String lastLine(String text) {
        List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        return lines.isEmpty() ? "(no output on stderr)" : lines.get(lines.size() - 1);
    }

    private static void writeLockFileIfMissing(Path lockFile, List<String> frozen) {
        if (!Files.exists(lockFile)) {
            try {
                AtomicFiles.write(lockFile, String.join("\n", frozen) + (frozen.isEmpty() ? "" : "\n"));
            } catch (IOException e) {
                throw new VenvException(VenvException.Step.RECORD, "cannot write " + lockFile + ": " + e.getMessage(),
                        null, e);
            }
        }
    }

    private static String escape(String path) {
        return path.replace("\\", "\\\\");
    }

    /** Deletes a file or a directory tree, not following links; what cannot be deleted stays. */
    static void deleteQuietly(Path path) {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(path, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // left for the next run's recovery
        }
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static Duration elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
