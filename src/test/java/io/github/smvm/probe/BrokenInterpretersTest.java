package io.github.smvm.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.smvm.process.ProcessRunner;
import io.github.smvm.testing.PyenvInterpreters;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Discovery with the real {@link Prober} over a {@code PATH} of broken {@code python3.12}s written by the test
 * (one that hangs and has started a child of its own, one that prints garbage, one that exits 3, a pyenv shim
 * for an unselected version) and a real pyenv interpreter reached through a directory with spaces: each broken
 * one is a {@link Miss} naming why, the real one is found, and the hang leaves no process behind.
 */
@DisabledOnOs(OS.WINDOWS)
class BrokenInterpretersTest {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    @TempDir
    Path tmp;

    private Prober prober;
    private Path hang;
    private Path garbage;
    private Path exit3;
    private Path shim;
    private Path spaced;
    private Path real;

    @BeforeEach
    void machine() throws Exception {
        real = PyenvInterpreters.any();
        Path pids = tmp.resolve("pids");
        // the hanging interpreter records its PID and that of a background child, then waits for that child
        hang = ProberTest.script(Files.createDirectories(tmp.resolve("hang")), "python3.12",
                "echo $$ > '" + pids + "'; sleep 60 & echo $! >> '" + pids + "'; echo 'hanging' >&2; wait");
        garbage = ProberTest.script(Files.createDirectories(tmp.resolve("garbage")), "python3.12",
                "echo 'Segmentation fault? no: just garbage'; printf '\\001\\002\\377'");
        exit3 = ProberTest.script(Files.createDirectories(tmp.resolve("exit3")), "python3.12",
                "echo 'Fatal Python error: failed to get random numbers' >&2; exit 3");
        shim = ProberTest.script(Files.createDirectories(tmp.resolve("pyenv/shims")), "python3.12",
                "echo 'pyenv: python3.12: command not found' >&2; echo >&2; "
                        + "echo 'The `python3.12'\"'\"' command exists in these Python versions:' >&2; exit 127");
        spaced = Files.createDirectories(tmp.resolve("my python dir")).resolve("python3");
        Files.createSymbolicLink(spaced, real);
        prober = new Prober(PROBE_TIMEOUT);
    }

    @AfterEach
    void close() {
        prober.close();
    }

    private Discovery discovery() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        String path = List.of(hang, garbage, exit3, shim, spaced).stream().map(p -> p.getParent().toString())
                .collect(Collectors.joining(File.pathSeparator));
        DiscoveryContext ctx = new DefaultDiscoveryContext(Map.of("PATH", path, "HOME", home.toString()), home, tmp,
                "Linux", ProcessRunner.system(), Files.createDirectories(tmp.resolve("root")));
        return new Discovery(ctx, new CachingProbe(prober), 2, message -> { });
    }

    private List<Long> hangPids() throws Exception {
        return Files.readAllLines(tmp.resolve("pids")).stream().map(String::strip).map(Long::parseLong).toList();
    }

    private static void assertGone(long pid) {
        Optional<ProcessHandle> h = ProcessHandle.of(pid);
        // a zombie still has a /proc entry and counts as alive here, so this also checks it was reaped
        assertFalse(h.isPresent() && h.get().isAlive(), "process " + pid + " is still there");
    }

    @Test
    void eachBrokenInterpreterIsAMissWithItsReasonAndTheRealOneBehindSpacesIsFound() throws Exception {
        long t0 = System.nanoTime();
        DiscoveryResult result = discovery().findAll();
        System.out.printf("BrokenInterpretersTest: discovery over 5 candidates in %d ms%n",
                (System.nanoTime() - t0) / 1_000_000);

        assertEquals(List.of(spaced), result.found().stream().map(f -> f.candidate().path()).toList());
        // the symlink is what runs (sys.executable keeps it), and it is the pyenv version behind it
        assertEquals(spaced, result.found().get(0).info().executable());
        assertEquals(real.getParent().getParent().getFileName().toString(),
                result.found().get(0).info().version().toString());
        Map<Path, ProbeException> misses = result.misses().stream()
                .collect(Collectors.toMap(m -> m.candidate().path(), Miss::reason));
        assertEquals(4, misses.size(), result.misses()::toString);

        ProbeException.TimedOut timedOut = (ProbeException.TimedOut) misses.get(hang);
        assertEquals(PROBE_TIMEOUT, timedOut.timeout());
        assertTrue(timedOut.partialStderr().startsWith("hanging\n"), timedOut.partialStderr());
        List<Long> pids = hangPids();
        assertEquals(2, pids.size(), pids::toString);
        pids.forEach(BrokenInterpretersTest::assertGone);

        ProbeException.UnexpectedOutput unexpected = (ProbeException.UnexpectedOutput) misses.get(garbage);
        assertTrue(unexpected.outputStart().startsWith("Segmentation fault? no: just garbage"),
                unexpected.outputStart());

        ProbeException.ExitedNonZero exited = (ProbeException.ExitedNonZero) misses.get(exit3);
        assertEquals(3, exited.exitCode());
        assertEquals("Fatal Python error: failed to get random numbers\n", exited.stderr());
        assertFalse(exited.isPyenvShimMiss());

        ProbeException.ExitedNonZero shimMiss = (ProbeException.ExitedNonZero) misses.get(shim);
        assertEquals(127, shimMiss.exitCode());
        assertTrue(shimMiss.isPyenvShimMiss());

        for (Miss miss : result.misses()) {
            System.out.println("  miss: " + miss.describe());
        }
    }

    @Test
    void aVersionRequestSkipsTheBrokenOnesAndExplainsThem() throws Exception {
        ProbeException.NotFound notFound = assertThrows(ProbeException.NotFound.class, () -> {
            Match m = discovery().find(InterpreterRequest.parse("3.99"));
            throw new AssertionError("found " + m.explanation());
        });
        String message = notFound.getMessage();
        System.out.println(message);
        for (Path broken : List.of(hang, garbage, exit3, shim)) {
            assertTrue(message.contains(broken.toString()), message);
        }
        hangPids().forEach(BrokenInterpretersTest::assertGone);
    }

    @Test
    void aPathRequestForABrokenInterpreterThrowsItsReason() throws Exception {
        Discovery discovery = discovery();
        ProbeException.TimedOut e = assertThrows(ProbeException.TimedOut.class,
                () -> discovery.find(InterpreterRequest.parse(hang.toString())));
        assertEquals(PROBE_TIMEOUT, e.timeout());
        hangPids().forEach(BrokenInterpretersTest::assertGone);
        assertThrows(ProbeException.UnexpectedOutput.class,
                () -> discovery.find(InterpreterRequest.parse(garbage.toString())));
        assertEquals(3, assertThrows(ProbeException.ExitedNonZero.class,
                () -> discovery.find(InterpreterRequest.parse(exit3.toString()))).exitCode());
        assertEquals(spaced, discovery.find(InterpreterRequest.parse(spaced.toString())).interpreter().candidate()
                .path());
    }

    @Test
    void anInterpreterThatExitsLeavingAChildOnItsOutputLeavesNoProcessEither() throws Exception {
        Path pid = tmp.resolve("orphan");
        // exits at once, but its background child keeps stdout open: the probe ends at its timeout, and the
        // child, by then re-parented away from the interpreter, must be killed too
        Path leaver = ProberTest.script(Files.createDirectories(tmp.resolve("leaver")), "python3.12",
                "sleep 60 & echo $! > '" + pid + "'; echo 'not a probe result'");
        ProbeException e = assertThrows(ProbeException.class, () -> prober.probe(leaver));
        System.out.println("BrokenInterpretersTest: " + e.shortReason());
        assertGone(Long.parseLong(Files.readString(pid).strip()));
    }
}
