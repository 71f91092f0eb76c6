package io.github.smvm.fallback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.smvm.process.ProcessResult;
import io.github.smvm.process.ProcessRunner;
import io.github.smvm.process.ProcessSpec;
import io.github.smvm.process.ProcessException;
import io.github.smvm.testing.PyenvInterpreters;
import io.github.smvm.testing.TestWheels;
import io.github.smvm.testing.TreeDigest;
import io.github.smvm.venv.RecoveryStep;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fallback goal's crash-consistency and locking guarantees (README, {@code smvm:fallback}) under
 * repeated SIGKILLs at random moments. A child JVM ({@link FallbackChild}) runs the real sequence on a
 * real environment (real interpreters, {@code venv}, {@code pip}, wheels from a find-links directory)
 * and is killed after a delay drawn from a {@link Random} with a fixed seed; each run targets the other
 * of two environments (3.12 with two packages, 3.11 with one), so that runs that get far enough really
 * swap. After every kill the guarantees are checked as they stand, and again after the next run's
 * recovery step.
 */
class FallbackKillLoopTest {

    static final long SEED = 20261122L;
    static final int KILLS = 20;
    static final int KEEP_BACKUPS = 2;
    /** Stages a kill is anchored to, with a random offset inside the stage as the calibration run measured it. */
    static final List<String> ANCHORS = List.of("LOCKED", "CREATING", "INSTALLING", "VERIFYING", "FREEZING",
            "SWAPPING", "SWAPPED", "DONE");
    static final Set<String> EVENTS = Set.of(FallbackDecision.FALLBACK_SUCCESSFUL, FallbackDecision.FALLBACK_FAILED,
            FallbackDecision.PRIMARY_RESTORED, FallbackDecision.UP_TO_DATE, FallbackDecision.BUILT);

    /** One of the two environments the runs alternate between. */
    record Target(String name, String status, Path python, String version, Path requirements, List<String> frozen,
            String probe, String probed) {
    }

    /** A child run as the parent saw it: each output line with the milliseconds since the start. */
    record Line(long millis, String text) {
    }

    private static Path primary;
    private static Path fallback;
    private static String primaryVersion;
    private static String fallbackVersion;

    @TempDir
    static Path shared;

    @TempDir
    Path temp;

    @BeforeAll
    static void setUp() throws IOException {
        primary = PyenvInterpreters.version("3.12.").orElse(null);
        fallback = PyenvInterpreters.version("3.11.").orElse(null);
        assumeTrue(primary != null && fallback != null, "needs CPython 3.12 and 3.11 under "
                + PyenvInterpreters.root() + "/versions");
        primaryVersion = primary.getParent().getParent().getFileName().toString();
        fallbackVersion = fallback.getParent().getParent().getFileName().toString();
        Path links = Files.createDirectories(shared.resolve("links"));
        for (String version : List.of("1.0", "2.0")) {
            String name = "demo-" + version + "-py3-none-any.whl";
            Files.write(links.resolve(name), TestWheels.wheel(name, "demo", version, null, List.of()));
        }
        String thing = "scikit_thing-1.0-py3-none-any.whl";
        Files.write(links.resolve(thing), TestWheels.wheel(thing, "scikit-thing", "1.0", null, List.of(), "skthing",
                "VALUE = 42\n"));
    }

    private Target[] targets(Path project) throws IOException {
        Path a = Files.writeString(project.resolve("requirements-a.txt"), "demo==1.0\nscikit-thing==1.0\n");
        Path b = Files.writeString(project.resolve("requirements-b.txt"), "demo==2.0\n");
        String version = "import sys; print('.'.join(map(str, sys.version_info[:3])), ";
        return new Target[] {
            new Target("A", "primary_healthy", primary, primaryVersion, a, List.of("demo==1.0", "scikit-thing==1.0"),
                    version + "__import__('demo').__version__, __import__('skthing').VALUE)",
                    primaryVersion + " 1.0 42"),
            new Target("B", "fallback_available", fallback, fallbackVersion, b, List.of("demo==2.0"),
                    version + "__import__('demo').__version__)", fallbackVersion + " 2.0"),
        };
    }

    private Process start(Path project, Path venv, Target target) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                "-Djava.io.tmpdir=" + Files.createDirectories(project.resolve("child-tmp")),
                "-cp", System.getProperty("java.class.path"), FallbackChild.class.getName(), project.toString(),
                venv.toString(), shared.resolve("links").toString(), target.requirements().toString(), target.status(),
                primary.toString(), primaryVersion, fallback.toString(), fallbackVersion, Integer.toString(KEEP_BACKUPS))
                .redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("PIP_") || k.startsWith("PYTHON"));
        return builder.start();
    }

    /** Reads the child's output on its own thread; {@code onLine} may kill the child. */
    private static Thread reader(Process child, long startNanos, List<Line> lines, java.util.function.Consumer<String> onLine) {
        Thread thread = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(new Line((System.nanoTime() - startNanos) / 1_000_000, line));
                    onLine.accept(line);
                }
            } catch (IOException e) {
                // the child was killed
            }
        }, "child-output");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /**
     * SIGKILL to the child JVM and to the processes it runs ({@code python -m venv} and its {@code ensurepip},
     * {@code pip}), as a cancelled CI job or Ctrl-C kills a build's process tree. (A SIGKILL to the JVM
     * alone leaves those running: they go on writing into their build directory, and may re-create it
     * after the next run's recovery removed it.) A process the JVM started after the tree was listed is
     * found by the project directory in its arguments.
     */
    private static void killTree(Process child, Path project) {
        List<ProcessHandle> tree = child.descendants().toList();
        child.destroyForcibly();
        tree.forEach(ProcessHandle::destroyForcibly);
        String marker = project.toString();
        ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(a -> String.join(" ", a).contains(marker)).orElse(false))
                .filter(p -> p.pid() != ProcessHandle.current().pid())
                .forEach(p -> {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                });
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(1, TimeUnit.MINUTES);
            } catch (Exception e) {
                throw new AssertionError("process " + handle.pid() + " of the killed run did not end", e);
            }
        }
    }

    private static String lastStage(List<Line> lines) {
        String stage = "JVM_START";
        for (Line line : lines) {
            if (line.text().startsWith("STAGE ")) {
                stage = line.text().split(" ")[1];
            } else if (line.text().equals("RECORDED") || line.text().startsWith("FINISHED")) {
                stage = line.text().split(" ")[0];
            }
        }
        return stage;
    }

    private static String python(Path venv) {
        return venv.resolve("bin").resolve("python").toString();
    }

    private static ProcessResult run(String... command) {
        try {
            return ProcessRunner.system().run(ProcessSpec.builder(command).removeEnvironmentPrefix("PYTHON")
                    .removeEnvironmentPrefix("PIP_").timeout(Duration.ofMinutes(2)).build());
        } catch (ProcessException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** Whether {@code venv} is, completely, the environment of {@code target}: runs, imports, pip lists. */
    private static boolean isComplete(Path venv, Target target) {
        ProcessResult probe = run(python(venv), "-B", "-I", "-c", target.probe());
        if (probe.exitCode() != 0 || !probe.stdout().strip().equals(target.probed())) {
            return false;
        }
        ProcessResult freeze = run(python(venv), "-B", "-I", "-m", "pip", "freeze");
        return freeze.exitCode() == 0 && freeze.stdout().lines().map(String::strip).filter(l -> !l.isEmpty())
                .toList().equals(target.frozen());
    }

    private static List<String> siblings(Path venv, String infix) throws IOException {
        try (Stream<Path> list = Files.list(venv.getParent())) {
            return list.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(venv.getFileName() + infix)).sorted().toList();
        }
    }

    /**
     * The state of {@code venv}: {@code old} (byte for byte the environment before the run), {@code new}
     * (completely the target's), or {@code absent}; anything else fails, naming {@code when}.
     */
    private static String state(Path venv, String oldDigest, Target target, String when) throws IOException {
        if (!Files.exists(venv)) {
            return "absent";
        }
        if (TreeDigest.of(venv).equals(oldDigest)) {
            return "old";
        }
        if (isComplete(venv, target)) {
            return "new";
        }
        return fail(when + ": " + venv + " is neither the previous environment byte for byte nor a complete "
                + target.name() + " environment");
    }

    /** The checks that hold once recovery has run. */
    private static void checkRecovered(Path project, Path venv, String when) throws IOException {
        assertTrue(Files.isDirectory(venv), when + ": the environment is in place");
        assertEquals(List.of(), siblings(venv, ".smvm-new-"), when + ": build directories of killed runs");
        assertEquals(List.of(), siblings(venv, ".smvm-swap"), when + ": the swap journal and its temporary files");
        try (Stream<Path> files = Files.list(project.resolve("child-tmp"))) {
            assertEquals(List.of(), files.map(p -> p.getFileName().toString()).toList(),
                    when + ": files the runs left in their temporary directory");
        }
        List<String> backups = siblings(venv, ".backup.");
        assertTrue(backups.size() <= KEEP_BACKUPS, when + ": at most " + KEEP_BACKUPS + " backups: " + backups);
        checkRecords(project, when);
    }

    /** {@code .smvm_config} parses with exactly its keys; every line of the log is a JSON record. */
    private static void checkRecords(Path project, String when) throws IOException {
        Path config = project.resolve(".smvm_config");
        if (Files.exists(config)) {
            Properties properties = new Properties();
            try (InputStream in = Files.newInputStream(config)) {
                properties.load(in);
            }
            List<String> keys = Files.readAllLines(config).stream().filter(l -> !l.startsWith("#"))
                    .map(l -> l.substring(0, l.indexOf('='))).toList();
            assertEquals(FallbackRecords.CONFIG_KEYS, keys, when + ": keys of .smvm_config");
            assertTrue(Set.of(primaryVersion, fallbackVersion).contains(properties.getProperty("python_version")),
                    when + ": python_version in .smvm_config: " + properties);
        }
        Path log = project.resolve(".smvm").resolve("wheel-fallback.log");
        if (Files.exists(log)) {
            ObjectMapper json = new ObjectMapper();
            for (String line : Files.readAllLines(log)) {
                JsonNode entry = json.readTree(line);
                assertTrue(EVENTS.contains(entry.path("event").asText()), when + ": a log line: " + line);
            }
        }
    }

    private static List<String> logEvents(Path project) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> events = new ArrayList<>();
        for (String line : Files.readAllLines(project.resolve(".smvm").resolve("wheel-fallback.log"))) {
            events.add(json.readTree(line).path("event").asText());
        }
        return events;
    }

    /** Runs a child to its end; returns its output. */
    private List<Line> runToEnd(Path project, Path venv, Target target) throws Exception {
        long startNanos = System.nanoTime();
        Process child = start(project, venv, target);
        List<Line> lines = new CopyOnWriteArrayList<>();
        Thread reader = reader(child, startNanos, lines, line -> { });
        assertTrue(child.waitFor(10, TimeUnit.MINUTES), "the run ends");
        reader.join(10_000);
        assertEquals(0, child.exitValue(), lines.toString());
        return lines;
    }

    @Test
    void twentyKillsAtRandomMomentsNeverLeaveAHalfBuiltEnvironment() throws Exception {
        Path project = Files.createDirectories(temp.resolve("kill loop project"));
        Path venv = project.resolve(".venv");
        Target[] targets = targets(project);
        long started = System.nanoTime();

        // calibration: a whole run from nothing to the A environment, timing each stage
        List<Line> calibration = runToEnd(project, venv, targets[0]);
        long total = calibration.get(calibration.size() - 1).millis();
        java.util.Map<String, Long> stageMillis = new java.util.LinkedHashMap<>();
        for (int i = 0; i + 1 < calibration.size(); i++) {
            if (calibration.get(i).text().startsWith("STAGE ")) {
                stageMillis.put(calibration.get(i).text().split(" ")[1],
                        Math.max(1, calibration.get(i + 1).millis() - calibration.get(i).millis()));
            }
        }
        System.out.printf("kill loop: seed %d, a whole run takes %d ms, stages %s%n", SEED, total, stageMillis);
        assertTrue(isComplete(venv, targets[0]), "the calibration run built A");
        checkRecovered(project, venv, "after the calibration run");

        Random random = new Random(SEED);
        Target current = targets[0];
        String currentDigest = TreeDigest.of(venv);
        int kills = 0;
        int swaps = 0;
        java.util.Map<String, Integer> phases = new java.util.TreeMap<>();
        for (int iteration = 1; kills < KILLS; iteration++) {
            assertTrue(iteration <= 3 * KILLS, "too few runs were killed: " + kills);
            Target target = current == targets[0] ? targets[1] : targets[0];
            String plan;
            long delay;
            String anchor;
            long offsetNanos;
            if (random.nextBoolean()) {
                anchor = null;
                offsetNanos = 0;
                delay = (long) (random.nextDouble() * total);
                plan = "at " + delay + " ms";
            } else {
                anchor = ANCHORS.get(random.nextInt(ANCHORS.size()));
                offsetNanos = (long) (random.nextDouble() * stageMillis.getOrDefault(anchor, 1L) * 1_000_000);
                delay = -1;
                plan = String.format("%.1f ms into %s", offsetNanos / 1e6, anchor);
            }
            long startNanos = System.nanoTime();
            Process child = start(project, venv, target);
            List<Line> lines = new CopyOnWriteArrayList<>();
            AtomicLong killedAt = new AtomicLong(-1);
            Thread reader = reader(child, startNanos, lines, line -> {
                if (anchor != null && line.startsWith("STAGE " + anchor + " ")) {
                    LockSupport.parkNanos(offsetNanos);
                    killedAt.set((System.nanoTime() - startNanos) / 1_000_000);
                    killTree(child, project);
                }
            });
            if (delay >= 0) {
                child.waitFor(delay, TimeUnit.MILLISECONDS);
                killedAt.set((System.nanoTime() - startNanos) / 1_000_000);
                killTree(child, project);
            }
            assertTrue(child.waitFor(10, TimeUnit.MINUTES), "the child is gone");
            reader.join(10_000);
            boolean killed = child.exitValue() == 137;
            assertTrue(killed || child.exitValue() == 0, "the child ended by itself with exit code "
                    + child.exitValue() + ": " + lines);
            String phase = killed ? lastStage(lines) : "(finished)";
            String when = "run " + iteration + " (" + target.name() + ", killed " + plan + ", in " + phase + ")";

            String afterKill = state(venv, currentDigest, target, when);
            if (afterKill.equals("absent")) {
                assertTrue(Files.isRegularFile(RecoveryStep.journal(venv)), when
                        + ": the environment is missing and no journal records a swap in progress");
            }
            String recovered = RecoveryStep.run(venv, KEEP_BACKUPS);
            String afterRecovery = state(venv, currentDigest, target, when + ", after recovery");
            assertTrue(!afterRecovery.equals("absent"), when + ": recovery left no environment");
            if (afterKill.equals("new")) {
                assertEquals("new", afterRecovery, when + ": recovery undid a finished swap");
            }
            checkRecovered(project, venv, when);
            if (killed) {
                kills++;
                phases.merge(phase, 1, Integer::sum);
            }
            System.out.printf("  run %2d: %s, kill %-22s -> %s; venv after kill: %s, after recovery: %s%s%n",
                    iteration, target.name(), plan, killed ? "killed at " + killedAt.get() + " ms in " + phase
                            : "finished", afterKill, afterRecovery, recovered == null ? "" : " [" + recovered + "]");
            if (afterRecovery.equals("new")) {
                swaps++;
                current = target;
                currentDigest = TreeDigest.of(venv);
            }
        }

        // a run that is not killed repairs the records: they name the environment that is there
        Target last = current == targets[0] ? targets[1] : targets[0];
        runToEnd(project, venv, last);
        assertTrue(isComplete(venv, last), "the final run built " + last.name());
        checkRecovered(project, venv, "after the final run");
        Properties config = new Properties();
        try (InputStream in = Files.newInputStream(project.resolve(".smvm_config"))) {
            config.load(in);
        }
        assertEquals(last.version(), config.getProperty("python_version"));
        assertEquals(last.frozen(), Files.readAllLines(project.resolve("requirements.lock")));
        List<String> events = logEvents(project);
        assertEquals(last == targets[0] ? FallbackDecision.PRIMARY_RESTORED : FallbackDecision.FALLBACK_SUCCESSFUL,
                events.get(events.size() - 1));
        System.out.printf("kill loop: %d kills, phases hit %s, %d swaps, %d s in all%n", kills, phases, swaps,
                (System.nanoTime() - started) / 1_000_000_000);
        assertTrue(swaps >= 2, "runs got past the swap at least twice: " + swaps);
    }

    private static long micros(List<Line> lines, String stage) {
        return lines.stream().filter(l -> l.text().startsWith("STAGE " + stage + " ")).findFirst()
                .map(l -> Long.parseLong(l.text().split(" ")[2])).orElseThrow(() -> new AssertionError(
                        "no stage " + stage + " in " + lines));
    }

    @Test
    void twoRunsAtOnceOnOneEnvironmentTakeTurnsAndAgree() throws Exception {
        Path project = Files.createDirectories(temp.resolve("concurrent project"));
        Path venv = project.resolve(".venv");
        Target target = targets(project)[1];
        long startNanos = System.nanoTime();
        List<List<Line>> outputs = new ArrayList<>();
        List<Process> children = new ArrayList<>();
        List<Thread> readers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            List<Line> lines = new CopyOnWriteArrayList<>();
            Process child = start(project, venv, target);
            outputs.add(lines);
            children.add(child);
            readers.add(reader(child, startNanos, lines, line -> { }));
        }
        for (int i = 0; i < 2; i++) {
            assertTrue(children.get(i).waitFor(10, TimeUnit.MINUTES), "run " + i + " ends");
            readers.get(i).join(10_000);
            assertEquals(0, children.get(i).exitValue(), outputs.get(i).toString());
        }
        List<String> finished = new ArrayList<>();
        int waited = 0;
        for (List<Line> lines : outputs) {
            lines.stream().filter(l -> l.text().startsWith("FINISHED ")).forEach(l -> finished.add(l.text().substring(9)));
            if (lines.stream().anyMatch(l -> l.text().startsWith("WAITING another build holds the lock on " + venv))) {
                waited++;
                // the waiting run did nothing before the other had finished (the children's own clocks)
                long locked = micros(lines, "LOCKED");
                long otherDone = micros(outputs.get(1 - outputs.indexOf(lines)), "DONE");
                assertTrue(locked > otherDone, "the waiting run took the lock only after the other was done: "
                        + lines + " / " + outputs.get(1 - outputs.indexOf(lines)));
            }
        }
        assertEquals(1, waited, "exactly one run waited: " + outputs);
        assertEquals(List.of(FallbackDecision.UP_TO_DATE, FallbackDecision.FALLBACK_SUCCESSFUL),
                finished.stream().sorted().toList());
        assertEquals(List.of(FallbackDecision.FALLBACK_SUCCESSFUL, FallbackDecision.UP_TO_DATE), logEvents(project));
        assertTrue(isComplete(venv, target), "the environment is B");
        checkRecovered(project, venv, "after two concurrent runs");
        assertEquals(List.of(), siblings(venv, ".backup."));
        Properties config = new Properties();
        try (InputStream in = Files.newInputStream(project.resolve(".smvm_config"))) {
            config.load(in);
        }
        assertEquals(fallbackVersion, config.getProperty("python_version"));
        assertEquals(target.frozen(), Files.readAllLines(project.resolve("requirements.lock")));
    }
}
