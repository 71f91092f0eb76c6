package io.github.smvm.probe;

import io.github.smvm.testing.PyenvInterpreters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.smvm.process.ProcessRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Discovery with the real prober against the interpreters installed on this machine. */
@EnabledOnOs(OS.LINUX)
class DiscoveryRealMachineTest {

    private static final Prober PROBER = new Prober(Duration.ofSeconds(60));

    @AfterAll
    static void close() {
        PROBER.close();
    }

    @Test
    void findAllSeesEveryPyenvVersion() {
        List<Path> pyenv = PyenvInterpreters.all();
        assumeTrue(!pyenv.isEmpty(), "needs interpreters under " + PyenvInterpreters.root() + "/versions");
        DiscoveryResult r = Discovery.system(PROBER).findAll();
        for (Path py : pyenv) {
            String version = py.getParent().getParent().getFileName().toString().replaceAll("t$", "");
            assertTrue(r.found().stream().anyMatch(f -> f.info().version().toString().equals(version)
                            && f.info().prefix().equals(py.getParent().getParent())),
                    "pyenv " + version + " not found: " + r.found());
        }
        // the same interpreter reached through several paths is listed once
        long distinct = r.found().stream().map(f -> f.info().executable() + "|" + f.info().prefix())
                .map(s -> s.replaceAll("python[0-9.]*\\|", "|")).distinct().count();
        assertEquals(distinct, r.found().size(), r.found().stream().map(FoundInterpreter::describe)
                .collect(Collectors.joining("\n")));
    }

    @Test
    void python312ComesFromPyenvEvenThoughItsShimFails() throws Exception {
        Optional<Path> py312 = PyenvInterpreters.version("3.12.");
        assumeTrue(py312.isPresent(), "needs CPython 3.12 under " + PyenvInterpreters.root() + "/versions");
        Match m = Discovery.system(PROBER).find(InterpreterRequest.parse("3.12"));
        assertEquals(12, m.info().version().minor());
        assertEquals(InterpreterSource.PYENV, m.interpreter().candidate().source());
        assertTrue(m.explanation().startsWith("newest 3.12.x found: " + m.info().version() + " from pyenv at "
                + py312.get().getParent()), m.explanation());
    }

    /**
     * Version requests do not run pyenv's shims, on the grounds that whatever a shim runs is a candidate
     * of its own (a version under pyenv's versions, or a system interpreter on PATH). Checked against
     * the real pyenv: every shim on PATH that works here runs an interpreter that the other candidates
     * reach, and a version request finds the same interpreter the shim runs.
     */
    @Test
    void everyWorkingPyenvShimRunsAnInterpreterThatIsACandidateOfItsOwn() throws Exception {
        Path shims = PyenvInterpreters.root().resolve("shims");
        String path = System.getenv("PATH");
        assumeTrue(Files.isDirectory(shims) && path != null && List.of(path.split(":")).contains(shims.toString()),
                "needs pyenv's shims directory " + shims + " on PATH");
        Discovery d = Discovery.system(PROBER);
        List<Candidate> candidates = d.candidates();
        List<Path> others = candidates.stream().filter(c -> !shims.equals(c.path().getParent()))
                .map(c -> real(c.path())).toList();
        int working = 0;
        for (Candidate c : candidates) {
            if (!shims.equals(c.path().getParent())) {
                continue;
            }
            InterpreterInfo viaShim;
            try {
                viaShim = PROBER.probe(c.path());
            } catch (ProbeException e) {
                continue; // a shim for a version pyenv has not selected
            }
            working++;
            Path target = real(viaShim.executable());
            assertTrue(others.contains(target), c + " runs " + target + ", which no other candidate reaches: " + others);
            String minor = viaShim.version().major() + "." + viaShim.version().minor();
            Match m = d.find(InterpreterRequest.parse(minor));
            assertEquals(viaShim.version(), m.info().version(), m.explanation());
            assertTrue(m.considered().placesLooked().stream().anyMatch(l -> l.startsWith(c + ": not probed, a pyenv shim")),
                    m.considered().placesLooked().toString());
        }
        assumeTrue(working > 0, "no pyenv shim on PATH answers here");
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (java.io.IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    @Test
    void unselectedPyenvShimIsReportedAsAMiss() throws Exception {
        Path shim = PyenvInterpreters.root().resolve("shims").resolve("python3.12");
        assumeTrue(Files.isExecutable(shim), "needs the pyenv shim " + shim);
        String path = System.getenv("PATH");
        assumeTrue(path != null && path.contains(shim.getParent().toString()), "needs pyenv shims on PATH");
        Discovery d = Discovery.system(PROBER);
        Match m;
        try {
            m = d.find(InterpreterRequest.parse("python3.12"));
        } catch (ProbeException.NotFound e) {
            assertTrue(e.getMessage().contains("pyenv shim"), e.getMessage());
            assertTrue(e.getMessage().contains(shim.toString()), e.getMessage());
            return;
        }
        // python3.12 is selected in pyenv on this machine after all
        assumeTrue(false, "python3.12 shim works here (" + m.explanation() + ")");
    }

    @Test
    void pathWithSpacesAndAShimInFrontOfIt(@TempDir Path tmp) throws Exception {
        Path real = PyenvInterpreters.any();
        Path shims = Files.createDirectories(tmp.resolve("fake shims"));
        Path spaced = Files.createDirectories(tmp.resolve("dir with spaces"));
        Path shim = shims.resolve("python3");
        Files.writeString(shim, "#!/bin/sh\necho 'pyenv: python3: command not found' >&2\nexit 127\n");
        Path wrapper = spaced.resolve("python3");
        Files.writeString(wrapper, "#!/bin/sh\nexec '" + real + "' \"$@\"\n");
        for (Path p : List.of(shim, wrapper)) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Map<String, String> env = new HashMap<>();
        env.put("PATH", shims + ":" + spaced);
        Path home = Files.createDirectories(tmp.resolve("home"));
        DiscoveryContext ctx = new DefaultDiscoveryContext(env, home, tmp, "Linux", ProcessRunner.system(),
                Files.createDirectories(tmp.resolve("root")));
        Match m = new Discovery(ctx, PROBER).find(InterpreterRequest.parse("python3"));
        assertEquals(wrapper, m.interpreter().candidate().path());
        assertEquals(real, m.info().executable());
        assertEquals(1, m.considered().misses().size());
        assertTrue(m.considered().misses().get(0).reason() instanceof ProbeException.ExitedNonZero);
    }

    @Test
    void interpreterTheMachineLacksIsSkipped() throws Exception {
        Optional<Path> py314 = PyenvInterpreters.version("3.14.");
        assumeTrue(py314.isPresent(), "needs CPython 3.14 under " + PyenvInterpreters.root() + "/versions");
        assertEquals(14, Discovery.system(PROBER).find(InterpreterRequest.parse("3.14")).info().version().minor());
    }

    @Test
    void missingVersionIsNotFoundWithPlaces() {
        ProbeException.NotFound e = assertThrows(ProbeException.NotFound.class,
                () -> Discovery.system(PROBER).find(InterpreterRequest.parse("2.5")));
        assertTrue(e.getMessage().contains("pyenv: "), e.getMessage());
        assertTrue(e.placesLooked().size() > 5, e.placesLooked().toString());
    }
}
