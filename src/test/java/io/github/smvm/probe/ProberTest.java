package io.github.smvm.probe;

import io.github.smvm.testing.PyenvInterpreters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@DisabledOnOs(OS.WINDOWS)
class ProberTest {

    private static final Prober PROBER = new Prober(Duration.ofSeconds(30));

    @AfterAll
    static void close() {
        PROBER.close();
    }

    static Path script(Path dir, String name, String body) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
        return f;
    }

    @Test
    void scriptResourceIsShipped() {
        String text = Prober.scriptText();
        assertTrue(text.contains("smvm_probe"));
        assertFalse(text.contains("f\""), "no f-strings: must stay valid on Python 2.7");
    }

    @Test
    void commandAvoidsDashIBecausePython27RejectsIt() {
        List<String> cmd = Prober.command(Path.of("/x/python"), Path.of("/tmp/p.py"));
        assertEquals(List.of("/x/python", "-E", "-s", "-B", "/tmp/p.py"), cmd);
    }

    @Test
    void missingPathIsNotFound() {
        ProbeException.NotFound e = assertThrows(ProbeException.NotFound.class,
                () -> PROBER.probe(Path.of("/nonexistent/bin/python3")));
        assertTrue(e.getMessage().contains("/nonexistent/bin/python3"), e.getMessage());
        assertEquals(1, e.placesLooked().size());
    }

    @Test
    void nonExecutableFileIsNotExecutable(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("python");
        Files.writeString(f, "not a program");
        ProbeException.NotExecutable e = assertThrows(ProbeException.NotExecutable.class,
                () -> PROBER.probe(f));
        assertTrue(e.getMessage().contains("chmod +x"), e.getMessage());
    }

    @Test
    void directoryIsNotExecutable(@TempDir Path dir) {
        assertThrows(ProbeException.NotExecutable.class, () -> PROBER.probe(dir));
    }

    @Test
    void hangingInterpreterTimesOutAndLeavesNoProcess(@TempDir Path dir) throws Exception {
        Path pidFile = dir.resolve("pid");
        Path fake = script(dir, "python", "echo $$ > '" + pidFile + "'; echo hanging >&2; sleep 30");
        Prober quick = new Prober(Duration.ofSeconds(1));
        try {
            ProbeException.TimedOut e = assertThrows(ProbeException.TimedOut.class, () -> quick.probe(fake));
            assertTrue(e.getMessage().contains("timeout") || e.getMessage().contains("did not answer"));
            assertEquals(Duration.ofSeconds(1), e.timeout());
            assertTrue(e.partialStderr().contains("hanging"), e.partialStderr());
        } finally {
            quick.close();
        }
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        Optional<ProcessHandle> h = ProcessHandle.of(pid);
        assertFalse(h.isPresent() && h.get().isAlive(), "fake interpreter " + pid + " still alive");
    }

    @Test
    void garbageIsUnexpectedOutput(@TempDir Path dir) throws Exception {
        Path fake = script(dir, "python", "echo 'Hello, I am not Python'; echo '{\"json\": true}'");
        ProbeException.UnexpectedOutput e = assertThrows(ProbeException.UnexpectedOutput.class,
                () -> PROBER.probe(fake));
        assertTrue(e.outputStart().startsWith("Hello, I am not Python"), e.outputStart());
        assertTrue(e.getMessage().contains("Hello, I am not Python"), e.getMessage());
    }

    @Test
    void unexpectedOutputIsCutAt500Characters(@TempDir Path dir) throws Exception {
        Path fake = script(dir, "python", "head -c 5000 /dev/zero | tr '\\0' z");
        ProbeException.UnexpectedOutput e = assertThrows(ProbeException.UnexpectedOutput.class,
                () -> PROBER.probe(fake));
        assertTrue(e.outputStart().startsWith("z".repeat(500)));
        assertTrue(e.outputStart().length() < 600, e.outputStart());
    }

    @Test
    void nonZeroExitIncludesStderr(@TempDir Path dir) throws Exception {
        Path fake = script(dir, "python", "echo 'Fatal Python error: init_fs_encoding' >&2; exit 3");
        ProbeException.ExitedNonZero e = assertThrows(ProbeException.ExitedNonZero.class,
                () -> PROBER.probe(fake));
        assertEquals(3, e.exitCode());
        assertTrue(e.stderr().contains("init_fs_encoding"));
        assertTrue(e.getMessage().contains("init_fs_encoding") && e.getMessage().contains("code 3"),
                e.getMessage());
        assertFalse(e.isPyenvShimMiss());
    }

    @Test
    void pyenvShimIsRecognised(@TempDir Path dir) throws Exception {
        Path fake = script(dir, "python3.12",
                "echo 'pyenv: python3.12: command not found' >&2; exit 127");
        ProbeException.ExitedNonZero e = assertThrows(ProbeException.ExitedNonZero.class,
                () -> PROBER.probe(fake));
        assertTrue(e.isPyenvShimMiss());
        assertTrue(e.getMessage().contains("pyenv global"), e.getMessage());
        assertTrue(e.shortReason().contains("pyenv shim"), e.shortReason());
    }

    @Test
    void probeErrorResultIsReportedError(@TempDir Path dir) throws Exception {
        Path fake = script(dir, "python", "echo '{\"smvm_probe\": 1, \"result\": \"error\", "
                + "\"kind\": \"unsupported_python\", \"message\": \"Python 2.6 is too old\"}'");
        ProbeException.ReportedError e = assertThrows(ProbeException.ReportedError.class,
                () -> PROBER.probe(fake));
        assertEquals("unsupported_python", e.kind());
        assertTrue(e.getMessage().contains("Python 2.6 is too old"));
        assertTrue(e.getMessage().contains("Use Python 2.7"), e.getMessage());
    }

    @Test
    void pathWithSpacesWorks(@TempDir Path dir) throws Exception {
        Path real = PyenvInterpreters.any();
        Path spaced = Files.createDirectories(dir.resolve("my python dir"));
        Path fake = script(spaced, "python launcher",
                "exec '" + real + "' \"$@\"");
        InterpreterInfo info = PROBER.probe(fake);
        assertEquals(fake, info.probedPath());
        assertEquals(real, info.executable());
    }

    @Test
    void environmentDoesNotLeakIntoTheProbe(@TempDir Path dir) throws Exception {
        // A wrapper that records the environment the interpreter receives.
        Path real = PyenvInterpreters.any();
        Path envFile = dir.resolve("env.txt");
        Path fake = script(dir, "python", "env > '" + envFile + "'; exec '" + real + "' \"$@\"");
        PROBER.probe(fake);
        for (String line : Files.readAllLines(envFile)) {
            String name = line.split("=", 2)[0];
            assertFalse(name.startsWith("PIP_") || name.startsWith("PYTHON"), "leaked " + line);
        }
    }

    @Test
    void sitePrintingNoiseBeforeTheResultIsTolerated() throws Exception {
        String out = "some banner\n{\"not\": \"ours\"}\n" + "{\"smvm_probe\": 1, \"result\": \"ok\", "
                + "\"version_info\": [3, 14, 0, \"candidate\", 1], \"implementation_name\": \"cpython\", "
                + "\"markers\": {\"os_name\": \"posix\"}, \"libc\": {\"family\": null, \"version\": null, "
                + "\"loader\": null}, \"pointer_bits\": 64, \"free_threaded\": true}\n";
        InterpreterInfo info = Prober.parse(Path.of("/x/python"), out);
        assertEquals("3.14.0rc1", info.version().toString());
        assertTrue(info.freeThreaded());
        assertNull(info.libc().family());
        assertNull(info.pipVersion());
        assertEquals(Optional.of("posix"), info.markers().get("os_name"));
    }

    @Test
    void wrongFormatIsUnexpectedOutput() {
        assertThrows(ProbeException.UnexpectedOutput.class,
                () -> Prober.parse(Path.of("/x"), "{\"smvm_probe\": 99, \"result\": \"ok\"}"));
        assertThrows(ProbeException.UnexpectedOutput.class,
                () -> Prober.parse(Path.of("/x"), "{\"smvm_probe\": 1, \"result\": \"ok\"}"));
        assertThrows(ProbeException.UnexpectedOutput.class, () -> Prober.parse(Path.of("/x"), ""));
    }

    @Test
    void closeDeletesTheTemporaryScriptAndProbingStillWorksAfterwards() throws Exception {
        Prober p = new Prober();
        try {
            p.probe(PyenvInterpreters.any());
        } finally {
            p.close();
        }
        // a closed prober writes a fresh copy when used again
        assertNotNull(p.probe(PyenvInterpreters.any()));
        p.close();
    }
}
