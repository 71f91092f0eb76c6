package io.github.smvm.requirements;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PylockReaderTest {

    @TempDir
    Path dir;

    private final PylockReader reader = new PylockReader();

    private Path write(String content) throws IOException {
        return Files.writeString(dir.resolve("pylock.toml"), content);
    }

    @Test
    void readsPackagesWheelsAndSdists() throws IOException {
        Path file = write("""
                lock-version = "1.0"
                environments = ["sys_platform == 'linux'"]
                requires-python = ">=3.11"
                created-by = "uv"

                [[packages]]
                name = "fastcalc"
                version = "2.1.0"
                marker = "python_version >= '3.11'"
                requires-python = ">=3.11"
                index = "https://pypi.org/simple"
                sdist = { url = "https://files.example/fastcalc-2.1.0.tar.gz", hashes = { sha256 = "00" } }

                [[packages.wheels]]
                name = "fastcalc-2.1.0-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl"
                upload-time = 2025-01-02T03:04:05Z
                url = "https://files.example/fastcalc-2.1.0-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl"
                size = 12345
                hashes = { sha256 = "abcd", sha512 = "ef01" }

                [[packages.wheels]]
                path = "wheels/fastcalc-2.1.0-cp311-cp311-win_amd64.whl?x=1"
                hashes = { sha256 = "1234" }

                [[packages]]
                name = "local-lib"
                directory = { path = "./lib" }
                """);
        PylockFile lock = reader.read(file);
        assertEquals("1.0", lock.lockVersion());
        assertEquals(">=3.11", lock.requiresPython());
        assertEquals(List.of("sys_platform == 'linux'"), lock.environments());
        assertEquals(List.of(), lock.warnings());
        assertEquals(2, lock.packages().size());

        LockedPackage fastcalc = lock.packages().get(0);
        assertEquals("fastcalc", fastcalc.name());
        assertEquals("2.1.0", fastcalc.version());
        assertEquals("python_version >= '3.11'", fastcalc.marker());
        assertEquals(">=3.11", fastcalc.requiresPython());
        assertEquals("https://pypi.org/simple", fastcalc.index());
        assertTrue(fastcalc.hasSdist());
        assertNull(fastcalc.otherSource());
        assertEquals(new RequirementSource(file, 0, file + " packages[0] (fastcalc)"), fastcalc.origin());
        assertEquals(new LockedWheel("fastcalc-2.1.0-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
                "https://files.example/fastcalc-2.1.0-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
                null, List.of("sha256:abcd", "sha512:ef01"), "2025-01-02T03:04:05Z", 12345L), fastcalc.wheels().get(0));
        assertEquals(new LockedWheel("fastcalc-2.1.0-cp311-cp311-win_amd64.whl", null,
                "wheels/fastcalc-2.1.0-cp311-cp311-win_amd64.whl?x=1", List.of("sha256:1234"), null, null),
                fastcalc.wheels().get(1));

        LockedPackage local = lock.packages().get(1);
        assertEquals("local-lib", local.name());
        assertNull(local.version());
        assertEquals(List.of(), local.wheels());
        assertFalse(local.hasSdist());
        assertEquals("directory", local.otherSource());
    }

    @Test
    void unknownMajorVersionIsAnError() throws IOException {
        Path file = write("lock-version = \"2.0\"\ncreated-by = \"x\"\n");
        RequirementsFileException e = assertThrows(RequirementsFileException.class, () -> reader.read(file));
        assertEquals(file + ": lock-version '2.0' is not supported; supported: 1.0 (major version 1)", e.getMessage());
    }

    @Test
    void newerMinorVersionIsReadWithAWarning() throws IOException {
        Path file = write("lock-version = \"1.3\"\ncreated-by = \"x\"\n[[packages]]\nname = \"a\"\nversion = \"1\"\n");
        PylockFile lock = reader.read(file);
        assertEquals(1, lock.packages().size());
        assertEquals(List.of(file + ": lock-version '1.3' is newer than 1.0; reading it as 1.0, fields added since are"
                + " ignored"), lock.warnings());
    }

    @Test
    void malformedVersionIsAnError() throws IOException {
        Path file = write("lock-version = \"one\"\n");
        RequirementsFileException e = assertThrows(RequirementsFileException.class, () -> reader.read(file));
        assertEquals(file + ": lock-version 'one' is not of the form MAJOR.MINOR; supported: 1.0", e.getMessage());
    }

    @Test
    void missingVersionIsAnError() throws IOException {
        Path file = write("created-by = \"x\"\n");
        RequirementsFileException e = assertThrows(RequirementsFileException.class, () -> reader.read(file));
        assertEquals(file + ": has no lock-version; a PEP 751 lock file starts with lock-version = \"1.0\"",
                e.getMessage());
    }

    @Test
    void packageWithoutNameIsAnError() throws IOException {
        Path file = write("lock-version = \"1.0\"\n[[packages]]\nversion = \"1\"\n");
        RequirementsFileException e = assertThrows(RequirementsFileException.class, () -> reader.read(file));
        assertEquals(file + " packages[0]: has no name; every [[packages]] entry needs name = \"...\"",
                e.getMessage());
    }

    @Test
    void wheelWithoutLocationIsAnError() throws IOException {
        Path file = write("lock-version = \"1.0\"\n[[packages]]\nname = \"a\"\n[[packages.wheels]]\nname = \"a.whl\"\n"
                + "hashes = {sha256 = \"00\"}\n");
        RequirementsFileException e = assertThrows(RequirementsFileException.class, () -> reader.read(file));
        assertEquals(file + " packages[0] (a): wheels[0] has neither url nor path; PEP 751 requires one",
                e.getMessage());
    }

    @Test
    void wheelWithoutHashesIsAWarning() throws IOException {
        Path file = write("lock-version = \"1.0\"\n[[packages]]\nname = \"a\"\n"
                + "wheels = [{url = \"https://h/a-1-py3-none-any.whl#frag\"}]\n");
        PylockFile lock = reader.read(file);
        assertEquals("a-1-py3-none-any.whl", lock.packages().get(0).wheels().get(0).name());
        assertEquals(List.of(file + " packages[0] (a): wheels[0] (a-1-py3-none-any.whl) has no hashes; PEP 751"
                + " requires them"), lock.warnings());
    }

    @Test
    void nonStringFieldIsAnError() throws IOException {
        Path file = write("lock-version = \"1.0\"\n[[packages]]\nname = \"a\"\nversion = 1\n");
        RequirementsFileException e = assertThrows(RequirementsFileException.class, () -> reader.read(file));
        assertEquals(file + ": packages[0] (a) version must be a string, not a number", e.getMessage());
    }

    @Test
    void nonTomlLockIsAnError() throws IOException {
        Path file = write("lock-version = \n");
        RequirementsFileException e = assertThrows(RequirementsFileException.class, () -> reader.read(file));
        assertEquals(1, e.line());
        assertTrue(e.getMessage().startsWith(file + ":1:"), e.getMessage());
        assertTrue(e.getMessage().contains(": not valid TOML: "), e.getMessage());
    }
}
