package io.github.smvm.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@DisabledOnOs(OS.WINDOWS)
class DefaultProcessRunnerTest {

    private final ProcessRunner runner = ProcessRunner.system();

    private static ProcessSpec.Builder spec(String... cmd) {
        return ProcessSpec.builder(cmd).timeout(Duration.ofSeconds(20));
    }

    @Test
    void echoCapturesStdoutAndExitCode() throws Exception {
        ProcessResult r = runner.run(spec("/bin/echo", "hello", "two words").build());
        assertEquals(0, r.exitCode());
        assertEquals("hello two words\n", r.stdout());
        assertEquals("", r.stderr());
        assertEquals(List.of("/bin/echo", "hello", "two words"), r.command());
        assertTrue(r.describe().contains("'two words'"), r.describe());
        assertTrue(r.describe().contains("exit code: 0"), r.describe());
    }

    @Test
    void argumentsAreNotInterpretedByAShell() throws Exception {
        ProcessResult r = runner.run(spec("/bin/echo", "$HOME", "a;b", "`x`", "*").build());
        assertEquals("$HOME a;b `x` *\n", r.stdout());
    }

    @Test
    void nonZeroExitKeepsStderr() throws Exception {
        ProcessResult r = runner.run(spec("/bin/sh", "-c", "echo out; echo oops >&2; exit 3").build());
        assertEquals(3, r.exitCode());
        assertFalse(r.succeeded());
        assertEquals("out\n", r.stdout());
        assertEquals("oops\n", r.stderr());
        String d = r.describe();
        assertTrue(d.contains("exit code: 3") && d.contains("oops") && d.contains("out"), d);
    }

    @Test
    void bigOutputOnBothStreamsDoesNotDeadlock() throws Exception {
        // ~6 MB on stdout and ~6 MB on stderr, interleaved: a runner that reads one stream after
        // the other would block on the full pipe of the other.
        String script = "i=0; while [ $i -lt 100 ]; do head -c 60000 /dev/zero | tr '\\0' a; "
                + "head -c 60000 /dev/zero | tr '\\0' b >&2; i=$((i+1)); done";
        ProcessResult r = runner.run(spec("/bin/sh", "-c", script).build());
        assertEquals(0, r.exitCode(), r.stderr().length() + "");
        assertEquals(6_000_000, r.stdout().length());
        assertEquals(6_000_000, r.stderr().length());
        assertFalse(r.stdoutTruncated());
    }

    @Test
    void outputIsCappedButFullyDrained() throws Exception {
        ProcessResult r = runner.run(spec("/bin/sh", "-c", "head -c 5000000 /dev/zero | tr '\\0' x")
                .maxOutputBytes(1024 * 1024).build());
        assertEquals(0, r.exitCode());
        assertEquals(1024 * 1024, r.stdout().length());
        assertTrue(r.stdoutTruncated());
        assertTrue(r.describe().contains("stdout (truncated)"));
    }

    @Test
    void missingProgramIsAStartException() {
        ProcessStartException e = assertThrows(ProcessStartException.class,
                () -> runner.run(spec("/nonexistent/dir/prog", "x").build()));
        assertEquals(List.of("/nonexistent/dir/prog", "x"), e.command());
        assertTrue(e.getMessage().contains("/nonexistent/dir/prog"), e.getMessage());
    }

    @Test
    void notExecutableIsAStartException(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("plain.txt");
        Files.writeString(f, "#!/bin/sh\necho hi\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        assertThrows(ProcessStartException.class, () -> runner.run(spec(f.toString()).build()));
    }

    @Test
    void timeoutKillsTheWholeTreeAndLeavesNoLiveChild(@TempDir Path dir) throws Exception {
        Path pids = dir.resolve("pids");
        // parent shell starts two background sleepers, records all PIDs, then waits
        String script = "sleep 30 & echo $! > '" + pids + "'; sleep 30 & echo $! >> '" + pids
                + "'; echo $$ >> '" + pids + "'; echo started >&2; wait";
        long t0 = System.nanoTime();
        ProcessTimeoutException e = assertThrows(ProcessTimeoutException.class,
                () -> runner.run(spec("/bin/sh", "-c", script).timeout(Duration.ofSeconds(1))
                        .killGracePeriod(Duration.ofMillis(500)).build()));
        long elapsedMs = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(elapsedMs < 15_000, "took " + elapsedMs + " ms");
        assertEquals(Duration.ofSeconds(1), e.timeout());
        assertTrue(e.partialStderr().contains("started"), e.partialStderr());
        assertTrue(e.getMessage().contains("did not finish within"), e.getMessage());
        List<String> lines = Files.readAllLines(pids);
        assertEquals(3, lines.size(), lines.toString());
        for (String line : lines) {
            long pid = Long.parseLong(line.trim());
            Optional<ProcessHandle> h = ProcessHandle.of(pid);
            assertFalse(h.isPresent() && h.get().isAlive(), "process " + pid + " is still alive");
        }
    }

    @Test
    void processIgnoringSigtermIsKilledForcibly(@TempDir Path dir) throws Exception {
        Path pidFile = dir.resolve("pid");
        String script = "trap '' TERM; echo $$ > '" + pidFile + "'; while :; do sleep 1; done";
        assertThrows(ProcessTimeoutException.class,
                () -> runner.run(spec("/bin/sh", "-c", script).timeout(Duration.ofMillis(700))
                        .killGracePeriod(Duration.ofMillis(300)).build()));
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        Optional<ProcessHandle> h = ProcessHandle.of(pid);
        assertFalse(h.isPresent() && h.get().isAlive(), "process " + pid + " is still alive");
    }

    @Test
    void environmentCanBeSetRemovedAndCleared() throws Exception {
        ProcessResult r = runner.run(spec("/usr/bin/env")
                .clearEnvironment(true).environment("ONLY_ME", "1").build());
        // besides the run's marker, which every child gets
        assertEquals(List.of("ONLY_ME=1"), Stream.of(r.stdout().split("\n"))
                .filter(line -> !line.startsWith(DefaultProcessRunner.TREE_VARIABLE + "=")).toList());

        ProcessSpec s = spec("/usr/bin/env").environment("PIP_FOO", "x").environment("KEEP", "y")
                .environment("PYTHONPATH", "/tmp").removeEnvironmentPrefix("PYTHON")
                .removeEnvironment("HOME").build();
        r = runner.run(s);
        // set variables are applied after the removals
        List<String> names = new ArrayList<>();
        for (String line : r.stdout().split("\n")) {
            names.add(line.split("=", 2)[0]);
        }
        assertTrue(names.contains("KEEP") && names.contains("PIP_FOO") && names.contains("PYTHONPATH"));
        assertFalse(names.contains("HOME"));
        assertFalse(names.contains("PYTHONUNBUFFERED") && System.getenv("PYTHONUNBUFFERED") != null);
        assertTrue(names.stream().noneMatch(n -> n.startsWith("PYTHON") && !n.equals("PYTHONPATH")),
                names.toString());
    }

    @Test
    void workingDirectoryIsUsed(@TempDir Path dir) throws Exception {
        ProcessResult r = runner.run(spec("/bin/pwd").workingDirectory(dir).build());
        assertEquals(dir.toRealPath().toString(), r.stdout().trim());
    }

    @Test
    void interruptKillsTheProcessAndKeepsTheFlag(@TempDir Path dir) throws Exception {
        Path pidFile = dir.resolve("pid");
        String script = "echo $$ > '" + pidFile + "'; sleep 30";
        java.util.concurrent.atomic.AtomicReference<Throwable> thrown = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicBoolean flag = new java.util.concurrent.atomic.AtomicBoolean();
        Thread t = new Thread(() -> {
            try {
                runner.run(spec("/bin/sh", "-c", script).killGracePeriod(Duration.ofMillis(300)).build());
            } catch (Throwable e) {
                thrown.set(e);
                flag.set(Thread.currentThread().isInterrupted());
            }
        });
        t.start();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!Files.exists(pidFile) || Files.readString(pidFile).isBlank()) {
            assertTrue(System.nanoTime() < deadline, "child did not start");
            Thread.sleep(20);
        }
        t.interrupt();
        t.join(15_000);
        assertTrue(thrown.get() instanceof ProcessInterruptedException, String.valueOf(thrown.get()));
        assertTrue(flag.get(), "interrupt flag restored");
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        Optional<ProcessHandle> h = ProcessHandle.of(pid);
        assertFalse(h.isPresent() && h.get().isAlive(), "process " + pid + " is still alive");
    }

    @Test
    void backgroundChildHoldingTheOutputIsBoundedByTheTimeout() throws Exception {
        long t0 = System.nanoTime();
        // The shell exits at once, but its background child keeps stdout open for 4 s. Whether the
        // JDK hands the readers EOF when the shell exits (its reaper drains and closes the pipe) or the
        // readers wait for the grandchild is a race inside the JDK; either way the run must end within
        // the timeout, with the shell's output or as a timeout, never after the grandchild.
        try {
            ProcessResult result = runner.run(spec("/bin/sh", "-c", "sleep 4 & echo hi")
                    .timeout(Duration.ofSeconds(1)).build());
            assertEquals("hi\n", result.stdout());
        } catch (ProcessTimeoutException expected) {
            assertEquals(Duration.ofSeconds(1), expected.timeout());
        }
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 3_500, "waited for the background child");
    }

    @Test
    void processesLeftBehindByAChildThatExitedNormallyAreKilled(@TempDir Path dir) throws Exception {
        Path pids = dir.resolve("pids");
        // a detached background job, and a double fork whose middle process exits at once (a daemon's way)
        String script = "sleep 60 >/dev/null 2>&1 & echo $! > '" + pids + "'; "
                + "(sleep 61 >/dev/null 2>&1 & echo $! >> '" + pids + "'); echo done";
        ProcessResult r = runner.run(spec("/bin/sh", "-c", script).timeout(Duration.ofSeconds(10))
                .killGracePeriod(Duration.ofMillis(500)).build());
        assertEquals(0, r.exitCode());
        assertEquals("done\n", r.stdout());
        List<String> lines = Files.readAllLines(pids);
        assertEquals(2, lines.size(), lines.toString());
        for (String line : lines) {
            Optional<ProcessHandle> h = ProcessHandle.of(Long.parseLong(line.trim()));
            assertFalse(h.isPresent() && h.get().isAlive(), "process " + line + " is still alive");
        }
    }

    @Test
    void backgroundChildHoldingTheOutputIsKilledWhenTheRunEnds(@TempDir Path dir) throws Exception {
        Path pid = dir.resolve("pid");
        try {
            runner.run(spec("/bin/sh", "-c", "sleep 60 & echo $! > '" + pid + "'; echo hi")
                    .timeout(Duration.ofSeconds(1)).killGracePeriod(Duration.ofMillis(500)).build());
        } catch (ProcessTimeoutException expected) {
            // the JDK may or may not hand the readers EOF when the shell exits; either way the child goes
        }
        Optional<ProcessHandle> h = ProcessHandle.of(Long.parseLong(Files.readString(pid).trim()));
        assertFalse(h.isPresent() && h.get().isAlive(), "the background child is still alive");
    }

    @Test
    void theRunsMarkerMatchesWholeEnvironmentEntriesOnly() {
        byte[] environ = "A=1\0SMVM_PROCESS_TREE=abcd\0B=2".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(DefaultProcessRunner.hasEntry(environ, "SMVM_PROCESS_TREE=abcd".getBytes()));
        assertFalse(DefaultProcessRunner.hasEntry(environ, "SMVM_PROCESS_TREE=abc".getBytes()));
        assertFalse(DefaultProcessRunner.hasEntry(environ, "TREE=abcd".getBytes()));
        assertTrue(DefaultProcessRunner.hasEntry(environ, "B=2".getBytes()));
        assertFalse(DefaultProcessRunner.hasEntry(new byte[0], "B=2".getBytes()));
    }

    @Test
    void describeShowsEmptyStreams() throws Exception {
        ProcessResult r = runner.run(spec("/bin/sh", "-c", "exit 0").build());
        assertTrue(r.describe().contains("stdout: (empty)"), r.describe());
        assertTrue(r.describe().contains("command: /bin/sh -c 'exit 0'"), r.describe());
    }

    @Test
    void specValidation() {
        assertThrows(NullPointerException.class, () -> ProcessSpec.builder("x").build());
        assertThrows(IllegalArgumentException.class, () -> ProcessSpec.builder(List.of())
                .timeout(Duration.ofSeconds(1)).build());
        assertThrows(IllegalArgumentException.class, () -> ProcessSpec.builder("x")
                .timeout(Duration.ZERO).build());
    }
}
