package io.github.smvm.vendor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.smvm.process.ProcessResult;
import io.github.smvm.process.ProcessRunner;
import io.github.smvm.process.ProcessSpec;
import io.github.smvm.process.ProcessTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VendorHostFactsTest {

    @TempDir
    Path temp;

    @Test
    void osReleaseValuesAreUnquoted() {
        OsRelease release = OsRelease.parse("""
                # comment
                NAME="Ubuntu"
                VERSION_ID="22.04"
                ID=ubuntu
                PRETTY_NAME="Ubuntu 22.04.4 LTS \\"Jammy\\""
                BROKEN LINE
                """);
        assertEquals(new OsRelease("ubuntu", "22.04", "Ubuntu 22.04.4 LTS \"Jammy\""), release);
        assertEquals(new OsRelease("arch", null, "Arch Linux"), OsRelease.parse("NAME='Arch Linux'\nID=arch\nBUILD_ID=rolling\n"));
    }

    @Test
    void lddNamesGlibcOrMusl() {
        assertEquals(new HostFacts.Libc("glibc", "2.36", "ldd --version"),
                SystemHostFacts.parseLdd("ldd (Debian GLIBC 2.36-9+deb12u4) 2.36\nCopyright (C) 2022\n", ""));
        assertEquals(new HostFacts.Libc("glibc", "2.17", "ldd --version"),
                SystemHostFacts.parseLdd("ldd (GNU libc) 2.17\n", ""));
        assertEquals(new HostFacts.Libc("musl", "1.2.4", "ldd --version"),
                SystemHostFacts.parseLdd("", "musl libc (x86_64)\nVersion 1.2.4\nDynamic Program Loader\n"));
        assertNull(SystemHostFacts.parseLdd("something else 1.0\n", ""));
    }

    @Test
    void architectureIsNamedAsUnameAndPythonNameIt() {
        assertEquals("x86_64", SystemHostFacts.architecture("Linux", "amd64"));
        assertEquals("aarch64", SystemHostFacts.architecture("Linux", "aarch64"));
        assertEquals("i686", SystemHostFacts.architecture("Linux", "x86"));
        assertEquals("ppc64le", SystemHostFacts.architecture("Linux", "ppc64le"));
        assertEquals("arm64", SystemHostFacts.architecture("Mac OS X", "aarch64"));
        assertEquals("x86_64", SystemHostFacts.architecture("Mac OS X", "x86_64"));
        assertEquals("AMD64", SystemHostFacts.architecture("Windows 11", "amd64"));
        assertEquals("ARM64", SystemHostFacts.architecture("Windows 11", "aarch64"));
    }

    /** Answers each command from a table and records what was run. */
    private static final class FakeRunner implements ProcessRunner {
        final List<List<String>> ran = new ArrayList<>();
        final Map<String, Object> answers;

        FakeRunner(Map<String, Object> answers) {
            this.answers = answers;
        }

        @Override
        public ProcessResult run(ProcessSpec spec) throws ProcessTimeoutException {
            ran.add(spec.command());
            Object answer = answers.get(Path.of(spec.command().get(0)).getFileName().toString());
            if (answer instanceof Duration timeout) {
                throw new ProcessTimeoutException(spec.command(), timeout, "", "");
            }
            String[] streams = (String[]) answer;
            return new ProcessResult(spec.command(), 0, streams[0], streams[1], false, false, Duration.ofMillis(5));
        }
    }

    private Path executable(Path dir, String name) throws Exception {
        Files.createDirectories(dir);
        Path file = Files.writeString(dir.resolve(name), "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    @Test
    void gathersDistributionLibcAndTheCompilersOnPath() throws Exception {
        Path bin = temp.resolve("bin");
        Path gcc = executable(bin, "gcc");
        Path clang = executable(temp.resolve("other"), "clang");
        executable(bin, "ldd");
        Files.writeString(temp.resolve("os-release"), "ID=debian\nVERSION_ID=\"12\"\nPRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n");
        FakeRunner runner = new FakeRunner(Map.of(
                "gcc", new String[] {"\ngcc (Debian 12.2.0-14) 12.2.0\nCopyright\n", ""},
                "clang", Duration.ofSeconds(3),
                "ldd", new String[] {"ldd (Debian GLIBC 2.36-9) 2.36\n", ""}));
        HostFacts facts = new SystemHostFacts(runner,
                Map.of("PATH", bin + ":" + temp.resolve("missing") + "::" + temp.resolve("other")), "Linux", "6.1.0",
                "amd64", List.of(temp.resolve("absent"), temp.resolve("os-release")), Duration.ofSeconds(3)).gather();

        assertEquals(new HostFacts("Linux", "6.1.0", new OsRelease("debian", "12", "Debian GNU/Linux 12 (bookworm)"),
                "x86_64", "amd64", new HostFacts.Libc("glibc", "2.36", "ldd --version"), List.of(
                        new HostFacts.BuildTool("gcc", gcc.toString(), "gcc (Debian 12.2.0-14) 12.2.0", null),
                        new HostFacts.BuildTool("clang", clang.toString(), null, clang + " --version did not answer within 3 s"),
                        new HostFacts.BuildTool("cl.exe", null, null, null))), facts);
        assertEquals(List.of(List.of(gcc.toString(), "--version"), List.of(clang.toString(), "--version"),
                List.of(bin.resolve("ldd").toString(), "--version")), runner.ran);
    }

    @Test
    void withoutToolsNothingIsRunAndTheFactsSaySo() throws Exception {
        FakeRunner runner = new FakeRunner(Map.of());
        HostFacts facts = new SystemHostFacts(runner, Map.of("PATH", temp.toString()), "Linux", "6.1.0", "aarch64",
                List.of(temp.resolve("absent")), Duration.ofSeconds(3)).gather();
        assertNull(facts.distribution());
        assertEquals(new HostFacts.Libc(null, null, "ldd is not on PATH"), facts.libc());
        assertEquals(List.of(false, false, false), facts.buildTools().stream().map(HostFacts.BuildTool::found).toList());
        assertEquals(List.of(), runner.ran);
        HostFacts mac = new SystemHostFacts(runner, Map.of(), "Mac OS X", "14.4", "aarch64", List.of(),
                Duration.ofSeconds(3)).gather();
        assertEquals(new HostFacts.Libc(null, null, "not Linux: no glibc or musl"), mac.libc());
        assertEquals("arm64", mac.architecture());
    }
}
