package io.github.smvm.venv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.smvm.process.ProcessResult;
import io.github.smvm.process.ProcessRunner;
import io.github.smvm.process.ProcessSpec;
import io.github.smvm.testing.PyenvInterpreters;
import io.github.smvm.testing.TestIndex;
import io.github.smvm.testing.TestWheels;
import io.github.smvm.testing.TreeDigest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build-verify-swap sequence with a real interpreter, real {@code venv} and real {@code pip}
 * installing real wheels from a {@code file://} index the test writes. Paths contain spaces and quotes.
 */
class VenvSyncRealTest {

    private static Path python;
    private static String version;
    private static URI index;

    @TempDir
    static Path shared;

    @TempDir
    Path temp;

    @BeforeAll
    static void setUp() throws Exception {
        python = PyenvInterpreters.version("3.11.").orElse(null);
        assumeTrue(python != null, "needs CPython 3.11 under " + PyenvInterpreters.root() + "/versions");
        version = python.getParent().getParent().getFileName().toString();
        TestIndex packages = new TestIndex();
        packages.wheel("demo", "1.0", "demo-1.0-py3-none-any.whl");
        packages.wheel("demo", "2.0", "demo-2.0-py3-none-any.whl");
        packages.file("scikit-thing", "scikit_thing-1.0-py3-none-any.whl", TestWheels.wheel(
                "scikit_thing-1.0-py3-none-any.whl", "scikit-thing", "1.0", null, List.of(), "skthing",
                "import json\nVALUE = 42\n"));
        packages.file("explodes", "explodes-1.0-py3-none-any.whl", TestWheels.wheel("explodes-1.0-py3-none-any.whl",
                "explodes", "1.0", null, List.of(), "explodes", "raise RuntimeError('boom on import')\n"));
        packages.file("broken", "broken-1.0-py3-none-any.whl", "this is not a zip file".getBytes(StandardCharsets.UTF_8));
        index = packages.writeTo(shared.resolve("index"));
    }

    private Path requirements(String name, String... lines) throws IOException {
        return Files.writeString(temp.resolve(name), String.join("\n", lines) + "\n");
    }

    private VenvSync.Request request(Path venv, Path requirements, String digest, int keepBackups) {
        PipSettings pip = new PipSettings(List.of(requirements), List.of(), List.of(), index.toString(), List.of(),
                List.of(), false, true, false, false);
        return new VenvSync.Request(venv, python, version, digest, pip, List.of(), keepBackups,
                venv.resolveSibling("requirements.lock"), VenvSync.Timeouts.defaults());
    }

    private static VenvSync sync(List<String> stages) {
        return new VenvSync(ProcessRunner.system(), VenvLayout.POSIX, Clock.systemUTC(),
                (stage, detail) -> stages.add(stage.name()));
    }

    private static String run(Path venvPython, String code) throws Exception {
        ProcessResult result = ProcessRunner.system().run(ProcessSpec.builder(venvPython.toString(), "-I", "-c", code)
                .removeEnvironmentPrefix("PYTHON").timeout(Duration.ofSeconds(60)).build());
        assertEquals(0, result.exitCode(), result.describe());
        return result.stdout().strip();
    }

    static String snapshot(Path root) throws IOException {
        return TreeDigest.of(root);
    }

    /** "locked" when another thread cannot take the environment's lock within 200 ms, else "free". */
    private static String lockedElsewhere(Path venv) {
        return java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try (VenvLock lock = VenvLock.acquire(venv, java.time.Duration.ofMillis(200), message -> { })) {
                return "free";
            } catch (VenvException e) {
                return e.step() == VenvException.Step.LOCK ? "locked" : e.toString();
            }
        }).join();
    }

    @Test
    void buildsVerifiesAndSwapsThenKnowsItIsUpToDateThenRebuildsOnChange() throws Exception {
        Path venv = temp.resolve("my 'project' dir").resolve(".venv");
        Files.createDirectories(venv.getParent());
        Path reqs = requirements("requirements.txt", "demo==1.0", "scikit-thing");
        List<String> stages = new CopyOnWriteArrayList<>();

        List<String> whileLocked = new CopyOnWriteArrayList<>();
        VenvSync.Result built = sync(stages).sync(request(venv, reqs, "inputs-1", 3), message -> { },
                result -> whileLocked.add(lockedElsewhere(venv) + " " + result.upToDate()));
        assertEquals(List.of("locked false"), whileLocked);
        assertFalse(built.upToDate());
        assertNull(built.backup());
        assertEquals(List.of("demo==1.0", "scikit-thing==1.0"), built.packages());
        assertEquals(List.of("LOCKED", "RECOVERED", "CREATING", "INSTALLING", "VERIFYING", "FREEZING", "SWAPPING",
                "SWAPPED", "DONE"), stages);
        assertEquals(version + " 1.0 42", run(built.python(), "import sys, demo, skthing; "
                + "print('.'.join(map(str, sys.version_info[:3])), demo.__version__, skthing.VALUE)"));
        assertEquals("demo==1.0\nscikit-thing==1.0\n", Files.readString(venv.resolveSibling("requirements.lock")));
        assertTrue(Files.readString(venv.resolve("pyvenv.cfg")).contains(venv.toString()),
                "pyvenv.cfg names the final path");
        assertEquals(List.of(), VenvSync.siblings(venv, ".smvm-new-"));

        String before = snapshot(venv);
        stages.clear();
        VenvSync.Result again = sync(stages).sync(request(venv, reqs, "inputs-1", 3), message -> { },
                result -> whileLocked.add(lockedElsewhere(venv) + " " + result.upToDate()));
        assertEquals(List.of("locked false", "locked true"), whileLocked);
        assertEquals("free", lockedElsewhere(venv), "the lock is released after the caller's work");
        assertTrue(again.upToDate());
        assertEquals(List.of("LOCKED", "RECOVERED", "UP_TO_DATE"), stages);
        assertEquals(before, snapshot(venv));

        Path changed = requirements("requirements.txt", "demo==2.0");
        VenvSync.Result rebuilt = sync(stages).sync(request(venv, changed, "inputs-2", 3), message -> { });
        assertFalse(rebuilt.upToDate());
        assertNotNull(rebuilt.backup());
        assertEquals(before, snapshot(rebuilt.backup()), "the old environment is kept as it was");
        assertEquals("2.0", run(rebuilt.python(), "import demo; print(demo.__version__)"));
    }

    @Test
    void aPipFailureLeavesTheOldEnvironmentByteForByteAndNoHalfBuiltDirectory() throws Exception {
        Path venv = temp.resolve(".venv");
        sync(new ArrayList<>()).sync(request(venv, requirements("ok.txt", "demo==1.0"), "ok", 3), m -> { });
        String before = snapshot(venv);

        VenvException e = assertThrows(VenvException.class, () -> sync(new ArrayList<>())
                .sync(request(venv, requirements("bad.txt", "demo==2.0", "broken"), "bad", 3), m -> { }));

        assertEquals(VenvException.Step.INSTALL, e.step());
        assertTrue(e.getMessage().startsWith("pip install failed with exit code 1: "), e.getMessage());
        assertTrue(e.detail().contains("broken"), e.detail());
        assertEquals(before, snapshot(venv));
        assertEquals(List.of(), VenvSync.siblings(venv, ".smvm-new-"));
        assertEquals(List.of(), VenvSync.siblings(venv, ".backup."));
        assertFalse(Files.exists(VenvSync.journal(venv)));
    }

    @Test
    void aModuleThatFailsOnImportStopsTheSwapAndNamesTheError() throws Exception {
        Path venv = temp.resolve(".venv");
        sync(new ArrayList<>()).sync(request(venv, requirements("ok.txt", "demo==1.0"), "ok", 3), m -> { });
        String before = snapshot(venv);

        VenvException e = assertThrows(VenvException.class, () -> sync(new ArrayList<>())
                .sync(request(venv, requirements("bad.txt", "demo==2.0", "explodes"), "bad", 3), m -> { }));

        assertEquals(VenvException.Step.VERIFY, e.step());
        assertEquals("1 import failed in the new environment: import explodes (explodes): "
                + "RuntimeError: boom on import", e.getMessage());
        assertEquals(before, snapshot(venv));
        assertEquals(List.of(), VenvSync.siblings(venv, ".smvm-new-"));
    }

    @Test
    void keepsOnlyTheNewestBackups() throws Exception {
        Path venv = temp.resolve(".venv");
        Path reqs = requirements("r.txt", "demo==1.0");
        for (int i = 0; i < 3; i++) {
            sync(new ArrayList<>()).sync(request(venv, reqs, "inputs-" + i, 1), m -> { });
        }
        assertEquals(1, VenvSync.siblings(venv, ".backup.").size());
        assertEquals("1.0", run(VenvLayout.POSIX.python(venv), "import demo; print(demo.__version__)"));
    }

    @Test
    void twoConcurrentRunsOnOneEnvironmentTakeTurnsAndTheSecondFindsItUpToDate() throws Exception {
        Path venv = temp.resolve(".venv");
        Path reqs = requirements("r.txt", "demo==2.0");
        List<String> waits = new CopyOnWriteArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<VenvSync.Result>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return sync(new ArrayList<>()).sync(request(venv, reqs, "same", 3), waits::add);
                }));
            }
            start.countDown();
            VenvSync.Result first = runs.get(0).get(5, TimeUnit.MINUTES);
            VenvSync.Result second = runs.get(1).get(5, TimeUnit.MINUTES);
            assertEquals(1, (first.upToDate() ? 0 : 1) + (second.upToDate() ? 0 : 1), "exactly one run builds");
            assertEquals(1, waits.size(), waits.toString());
            assertTrue(waits.get(0).startsWith("another build in this JVM is working on " + venv), waits.get(0));
        } finally {
            pool.shutdownNow();
        }
        assertEquals("2.0", run(VenvLayout.POSIX.python(venv), "import demo; print(demo.__version__)"));
        assertEquals(List.of(), VenvSync.siblings(venv, ".backup."));
    }

    /** Another process holds the lock: the run says it waits, and goes on once that process is gone. */
    @Test
    void aRunWaitsForTheLockOfAnotherProcessAndGoesOnWhenItDies() throws Exception {
        Path venv = temp.resolve(".venv");
        Path reqs = requirements("r.txt", "demo==1.0");
        Process child = child(venv, reqs, "1.0", "LOCKED");
        List<String> waits = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<VenvSync.Result> run = pool.submit(() -> sync(new ArrayList<>())
                    .sync(request(venv, reqs, "1.0", 3), waits::add));
            for (int i = 0; i < 600 && waits.isEmpty(); i++) {
                Thread.sleep(50);
            }
            assertEquals(List.of("another build holds the lock on " + venv + "; waiting for "
                    + VenvLock.lockFile(venv)), waits);
            assertFalse(run.isDone());
            child.destroyForcibly().waitFor(60, TimeUnit.SECONDS);
            VenvSync.Result result = run.get(5, TimeUnit.MINUTES);
            assertFalse(result.upToDate());
            assertEquals("1.0", run(result.python(), "import demo; print(demo.__version__)"));
        } finally {
            child.destroyForcibly();
            pool.shutdownNow();
        }
    }

    /** Starts {@link SyncChild} and returns once it has reached {@code stage}, where it waits to be killed. */
    private Process child(Path venv, Path reqs, String digest, String stage) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                SyncChild.class.getName(), venv.toString(), python.toString(), version, index.toString(),
                reqs.toString(), digest, stage).redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            output.add(line);
            if (line.equals("PAUSED " + stage)) {
                return child;
            }
        }
        child.destroyForcibly();
        throw new AssertionError("the child did not reach " + stage + ": " + output);
    }

    /**
     * A child JVM runs the sequence and is killed (SIGKILL) when it reaches each stage in turn: a usable
     * environment, old or new, is at the venv path after every kill, and the next run recovers.
     */
    @Test
    void aRunKilledAtAnyStageLeavesAUsableEnvironmentAndTheNextRunRecovers() throws Exception {
        Path venv = temp.resolve("killed env").resolve(".venv");
        Files.createDirectories(venv.getParent());
        Path oldReqs = requirements("old.txt", "demo==1.0");
        Path newReqs = requirements("new.txt", "demo==2.0");
        sync(new ArrayList<>()).sync(request(venv, oldReqs, "1.0", 5), m -> { });
        String current = "1.0";
        // each killed run replaces the environment the previous iteration left: 1.0 by 2.0, then back
        for (String stage : List.of("CREATING", "INSTALLING", "VERIFYING", "SWAPPING", "SWAPPED")) {
            String target = current.equals("1.0") ? "2.0" : "1.0";
            Path reqs = target.equals("2.0") ? newReqs : oldReqs;
            Process child = child(venv, reqs, target, stage);
            child.destroyForcibly();
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child is gone");

            String demo = run(VenvLayout.POSIX.python(venv), "import demo; print(demo.__version__)");
            assertEquals(stage.equals("SWAPPED") ? target : current, demo, "usable environment after a kill at "
                    + stage);

            VenvSync.Result next = sync(new ArrayList<>()).sync(request(venv, reqs, target, 5), m -> { });
            assertEquals(target, run(next.python(), "import demo; print(demo.__version__)"), "after " + stage);
            assertEquals(List.of(), VenvSync.siblings(venv, ".smvm-new-"), "after " + stage);
            assertFalse(Files.exists(VenvSync.journal(venv)), "after " + stage);
            current = target;
        }
    }
}
