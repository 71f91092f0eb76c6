package io.github.smvm.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.smvm.process.ProcessRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Discovery over a fake machine built from real files in a temporary directory, with a fake probe
 * that answers from a table keyed by real path (and fails like a pyenv shim otherwise).
 */
@DisabledOnOs(OS.WINDOWS)
class DiscoveryTest {

    @TempDir
    Path tmp;

    Path home;
    Path root;
    final Map<String, String> env = new HashMap<>();
    /** real path of executable -> version; anything else fails like a shim. */
    final Map<Path, PythonVersion> versions = new HashMap<>();
    final List<Path> probed = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void setUp() throws Exception {
        home = Files.createDirectories(tmp.resolve("home"));
        root = Files.createDirectories(tmp.resolve("root"));
    }

    Path exe(Path path) throws Exception {
        Files.createDirectories(path.getParent());
        Files.writeString(path, "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
        return path;
    }

    Path python(Path path, int major, int minor, int micro) throws Exception {
        exe(path);
        versions.put(path.toRealPath(), PythonVersion.of(major, minor, micro));
        return path;
    }

    InterpreterProbe fakeProbe() {
        return path -> {
            probed.add(path);
            PythonVersion v = versions.get(real(path));
            if (v == null) {
                throw new ProbeException.ExitedNonZero(path, 127,
                        "pyenv: " + path.getFileName() + ": command not found\n", null);
            }
            return FakeInfo.of(path, path, v);
        };
    }

    static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    Discovery discovery() {
        return discovery("Linux");
    }

    Discovery discovery(String os) {
        DiscoveryContext ctx = new DefaultDiscoveryContext(env, home, tmp, os, ProcessRunner.system(), root);
        return new Discovery(ctx, fakeProbe(), 2, m -> { });
    }

    @Test
    void sourcesAreWalkedInOrderAndRecorded() throws Exception {
        Path bin = python(tmp.resolve("bin/python3"), 3, 10, 1);
        Path pyenv = python(home.resolve(".pyenv/versions/3.12.1/bin/python"), 3, 12, 1);
        Path asdf = python(home.resolve(".asdf/installs/python/3.9.1/bin/python3"), 3, 9, 1);
        Path mise = python(home.resolve(".local/share/mise/installs/python/3.8.2/bin/python3"), 3, 8, 2);
        Path conda = python(home.resolve("miniconda3/bin/python"), 3, 7, 3);
        Path condaEnv = python(home.resolve("miniconda3/envs/ml/bin/python"), 3, 6, 4);
        Path uv = python(home.resolve(".local/share/uv/python/cpython-3.13.0-linux-x86_64-gnu/bin/python3"), 3, 13, 0);
        Files.createDirectories(home.resolve(".local/share/uv/python/.cache"));
        Path brew = python(root.resolve("opt/homebrew/bin/python3.11"), 3, 11, 1);
        Path local = python(root.resolve("usr/local/bin/python3.5"), 3, 5, 0);
        Path system = python(root.resolve("usr/bin/python2.7"), 2, 7, 18);
        exe(root.resolve("usr/bin/python3-config")); // not an interpreter name
        env.put("PATH", tmp.resolve("bin") + ":" + tmp.resolve("nowhere"));

        DiscoveryResult r = discovery().findAll();
        assertEquals(List.of(bin, pyenv, asdf, mise, conda, condaEnv, uv, brew, local, system),
                r.found().stream().map(f -> f.candidate().path()).collect(Collectors.toList()));
        assertEquals(List.of(InterpreterSource.PATH, InterpreterSource.PYENV, InterpreterSource.ASDF,
                InterpreterSource.MISE, InterpreterSource.CONDA, InterpreterSource.CONDA, InterpreterSource.UV,
                InterpreterSource.HOMEBREW, InterpreterSource.USR_LOCAL, InterpreterSource.SYSTEM),
                r.found().stream().map(f -> f.candidate().source()).collect(Collectors.toList()));
        String places = String.join("\n", r.placesLooked());
        assertTrue(places.contains("PATH entry " + tmp.resolve("nowhere") + " (missing)"), places);
        assertTrue(places.contains("conda: $CONDA_PREFIX (not set)"), places);
        assertTrue(places.contains("anaconda3 (missing)"), places);
        assertTrue(r.misses().isEmpty(), r.misses().toString());
    }

    @Test
    void environmentOverridesTheDefaultLocations() throws Exception {
        Path pyenv = python(tmp.resolve("pyenvroot/versions/3.12.0/bin/python"), 3, 12, 0);
        Path asdf = python(tmp.resolve("asdfdata/installs/python/3.11.0/bin/python"), 3, 11, 0);
        Path mise = python(tmp.resolve("misedata/installs/python/3.10.0/bin/python"), 3, 10, 0);
        Path conda = python(tmp.resolve("condaenv/bin/python"), 3, 9, 0);
        Path uv = python(tmp.resolve("uvdir/cpython-3.8.0/bin/python3"), 3, 8, 0);
        python(home.resolve(".pyenv/versions/3.7.0/bin/python"), 3, 7, 0); // not looked at
        env.put("PYENV_ROOT", tmp.resolve("pyenvroot").toString());
        env.put("ASDF_DATA_DIR", tmp.resolve("asdfdata").toString());
        env.put("MISE_DATA_DIR", tmp.resolve("misedata").toString());
        env.put("CONDA_PREFIX", tmp.resolve("condaenv").toString());
        env.put("UV_PYTHON_INSTALL_DIR", tmp.resolve("uvdir").toString());
        DiscoveryResult r = discovery().findAll();
        assertEquals(List.of(pyenv, asdf, mise, conda, uv),
                r.found().stream().map(f -> f.candidate().path()).collect(Collectors.toList()));
    }

    @Test
    void duplicatesByRealPathKeepTheFirstSource() throws Exception {
        Path real = python(home.resolve(".pyenv/versions/3.11.7/bin/python3.11"), 3, 11, 7);
        Path link = home.resolve(".pyenv/versions/3.11.7/bin/python");
        Files.createSymbolicLink(link, real);
        Path binDir = Files.createDirectories(tmp.resolve("bin"));
        Files.createSymbolicLink(binDir.resolve("python3"), real);
        env.put("PATH", binDir.toString());
        DiscoveryResult r = discovery().findAll();
        assertEquals(1, r.found().size(), r.found().toString());
        assertEquals(InterpreterSource.PATH, r.found().get(0).candidate().source());
        assertEquals(binDir.resolve("python3"), r.found().get(0).candidate().path());
        assertEquals(1, probed.size(), "a duplicate is not probed twice: " + probed);
        assertTrue(String.join("\n", r.placesLooked()).contains("already seen"), r.placesLooked().toString());
    }

    @Test
    void venvSymlinkToTheBaseInterpreterIsNotADuplicate() throws Exception {
        Path base = python(root.resolve("usr/bin/python3.12"), 3, 12, 3);
        Path venv = Files.createDirectories(tmp.resolve("venv/bin"));
        Files.writeString(tmp.resolve("venv/pyvenv.cfg"), "home = " + base.getParent() + "\n");
        Files.createSymbolicLink(venv.resolve("python"), base);
        env.put("PATH", venv.toString());
        DiscoveryResult r = discovery().findAll();
        assertEquals(List.of(venv.resolve("python"), base),
                r.found().stream().map(f -> f.candidate().path()).collect(Collectors.toList()));
    }

    @Test
    void pyenvShimIsAMissAndDiscoveryGoesOn() throws Exception {
        Path shims = Files.createDirectories(tmp.resolve("other-pyenv/shims"));
        exe(shims.resolve("python3.12")); // not in the table: answers like an unselected shim
        Path good = python(home.resolve(".pyenv/versions/3.12.1/bin/python"), 3, 12, 1);
        env.put("PATH", shims.toString());
        Match m = discovery().find(InterpreterRequest.parse("3.12"));
        assertEquals(good, m.interpreter().candidate().path());
        assertEquals(1, m.considered().misses().size());
        Miss miss = m.considered().misses().get(0);
        assertEquals(shims.resolve("python3.12"), miss.candidate().path());
        assertTrue(miss.describe().contains("pyenv shim"), miss.describe());
        assertEquals("newest 3.12.x found: 3.12.1 from pyenv at " + good, m.explanation());
    }

    @Test
    void shimsOfTheScannedPyenvRootAreNotProbedForAVersionButAreForAnyOrACommand() throws Exception {
        Path shims = Files.createDirectories(home.resolve(".pyenv/shims"));
        Path shim = python(shims.resolve("python3"), 3, 12, 9); // would answer, if run
        Path pyenv312 = python(home.resolve(".pyenv/versions/3.12.1/bin/python"), 3, 12, 1);
        env.put("PATH", shims.toString());

        Match m = discovery().find(InterpreterRequest.parse("3.12"));
        assertEquals(pyenv312, m.interpreter().candidate().path());
        assertEquals(List.of(), m.considered().misses());
        assertTrue(m.considered().placesLooked().stream().anyMatch(line -> line.startsWith(shim
                + " (PATH): not probed, a pyenv shim: it runs a version in " + home.resolve(".pyenv/versions"))),
                m.considered().placesLooked().toString());

        assertEquals(shim, discovery().find(InterpreterRequest.parse("python3")).interpreter().candidate().path());
        assertEquals(shim, discovery().find(InterpreterRequest.any()).interpreter().candidate().path());
        // nothing matches 3.13: every candidate is probed then, the shim too, so that the message says what it is
        ProbeException.NotFound e = assertThrows(ProbeException.NotFound.class,
                () -> discovery().find(InterpreterRequest.parse("3.13")));
        assertTrue(e.getMessage().contains("does not match 3.13.x: 3.12.9 from PATH at " + shim), e.getMessage());

        env.put("PYENV_ROOT", tmp.resolve("elsewhere").toString()); // these shims are not that root's
        assertEquals(shim, discovery().find(InterpreterRequest.parse("3.12")).interpreter().candidate().path());
    }

    @Test
    void versionRequestTakesTheNewestMatchTieGoesToTheEarlierSource() throws Exception {
        Path pathPy = python(tmp.resolve("bin/python3.12"), 3, 12, 1);
        python(home.resolve(".pyenv/versions/3.12.1/bin/python"), 3, 12, 1);
        python(home.resolve(".pyenv/versions/3.11.9/bin/python"), 3, 11, 9);
        Path newest = python(home.resolve(".local/share/uv/python/cpython-3.12.4/bin/python3"), 3, 12, 4);
        python(home.resolve(".pyenv/versions/3.13.0/bin/python"), 3, 13, 0);
        env.put("PATH", tmp.resolve("bin").toString());
        Discovery d = discovery();

        Match m = d.find(InterpreterRequest.parse("3.12"));
        assertEquals(newest, m.interpreter().candidate().path());
        assertTrue(m.explanation().startsWith("newest 3.12.x found: 3.12.4 from uv at "), m.explanation());
        assertTrue(m.explanation().contains("also matching"), m.explanation());

        m = d.find(InterpreterRequest.parse("3.12.1"));
        assertEquals(pathPy, m.interpreter().candidate().path(), m.explanation());

        m = d.find(InterpreterRequest.parse(">=3.11.4,<3.12"));
        assertEquals(PythonVersion.of(3, 11, 9), m.info().version());

        m = d.find(InterpreterRequest.any());
        assertEquals(pathPy, m.interpreter().candidate().path());
        assertTrue(m.explanation().startsWith("first working interpreter in search order"), m.explanation());
    }

    @Test
    void versionRequestProbesOnlyCandidatesThatCanBeTheNewestMatch() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path unnamed = python(bin.resolve("python3"), 3, 11, 2);
        Path named = python(bin.resolve("python3.12"), 3, 12, 1);
        python(bin.resolve("python3.9"), 3, 9, 7);
        Path pyenv = home.resolve(".pyenv/versions");
        python(pyenv.resolve("3.13.0/bin/python3"), 3, 13, 0);
        Path newest = python(pyenv.resolve("3.12.4/bin/python3"), 3, 12, 4);
        python(pyenv.resolve("3.12.1/bin/python3"), 3, 12, 1);
        python(pyenv.resolve("3.11.9/bin/python3"), 3, 11, 9);
        Path dev = python(pyenv.resolve("3.12-dev/bin/python3"), 3, 12, 0);
        env.put("PATH", bin.toString());

        Match m = discovery().find(InterpreterRequest.parse("3.12"));
        assertEquals(newest, m.interpreter().candidate().path());
        assertEquals(List.of(unnamed, named, newest, dev).stream().sorted().toList(), probed.stream().sorted().toList());
        assertEquals("newest 3.12.x found: 3.12.4 from pyenv at " + newest + " (also matching: 3.12.1 from PATH at "
                + named + ", 3.12.0 from pyenv at " + dev + ")", m.explanation());
        List<String> places = m.considered().placesLooked();
        assertTrue(places.contains(pyenv.resolve("3.13.0/bin/python3") + " (pyenv): not probed, its name says 3.13.0, "
                + "which does not match 3.12.x"), places.toString());
        assertTrue(places.contains(pyenv.resolve("3.12.1/bin/python3") + " (pyenv): not probed, its name says 3.12.1, "
                + "not newer than 3.12.4 from pyenv at " + newest), places.toString());
        assertTrue(places.contains(bin.resolve("python3.9") + " (PATH): not probed, its name says 3.9.x, "
                + "which does not match 3.12.x"), places.toString());
    }

    @Test
    void rangeRequestSkipsNamesOutsideTheRangeAndTiesGoToTheEarlierSource() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path onPath = python(bin.resolve("python3.11"), 3, 11, 9);
        Path pyenv = home.resolve(".pyenv/versions");
        python(pyenv.resolve("3.12.4/bin/python3"), 3, 12, 4);
        python(pyenv.resolve("3.11.9/bin/python3"), 3, 11, 9);
        python(pyenv.resolve("3.11.2/bin/python3"), 3, 11, 2);
        python(home.resolve(".local/share/uv/python/cpython-3.10.14-linux-x86_64-gnu/bin/python3"), 3, 10, 14);
        env.put("PATH", bin.toString());

        Match m = discovery().find(InterpreterRequest.parse(">=3.11.4,<3.12"));
        assertEquals(onPath, m.interpreter().candidate().path(), m.explanation());
        assertEquals(List.of(pyenv.resolve("3.11.9/bin/python3"), onPath).stream().sorted().toList(),
                probed.stream().sorted().toList());
    }

    @Test
    void anyRequestStopsProbingAtTheFirstWorkingInterpreter() throws Exception {
        Path shims = Files.createDirectories(tmp.resolve("shims"));
        exe(shims.resolve("python3")); // a miss
        Path first = python(tmp.resolve("bin/python3"), 3, 10, 1);
        python(tmp.resolve("bin2/python3"), 3, 9, 1);
        python(home.resolve(".pyenv/versions/3.12.1/bin/python3"), 3, 12, 1);
        python(home.resolve(".pyenv/versions/3.11.1/bin/python3"), 3, 11, 1);
        env.put("PATH", shims + ":" + tmp.resolve("bin") + ":" + tmp.resolve("bin2"));

        Match m = new Discovery(new DefaultDiscoveryContext(env, home, tmp, "Linux", ProcessRunner.system(), root),
                fakeProbe(), 1, message -> { }).find(InterpreterRequest.any());
        assertEquals(first, m.interpreter().candidate().path());
        assertEquals(List.of(shims.resolve("python3"), first), List.copyOf(probed));
    }

    @Test
    void notFoundListsEveryPlaceAndWhatWasThere() throws Exception {
        Path shims = Files.createDirectories(home.resolve(".pyenv/shims"));
        exe(shims.resolve("python3"));
        python(home.resolve(".pyenv/versions/3.11.7/bin/python"), 3, 11, 7);
        env.put("PATH", shims + ":" + tmp.resolve("missing"));
        ProbeException.NotFound e = assertThrows(ProbeException.NotFound.class,
                () -> discovery().find(InterpreterRequest.parse("3.14")));
        String msg = e.getMessage();
        assertTrue(msg.contains("No Python interpreter found for '3.14'"), msg);
        assertTrue(msg.contains("PATH entry " + shims + ": python3"), msg);
        assertTrue(msg.contains("PATH entry " + tmp.resolve("missing") + " (missing)"), msg);
        assertTrue(msg.contains("not usable: " + shims.resolve("python3")), msg);
        assertTrue(msg.contains("does not match 3.14.x: 3.11.7 from pyenv"), msg);
        assertTrue(msg.contains("asdf: "), msg);
        assertTrue(msg.contains("uv: "), msg);
        assertTrue(msg.contains("pyenv install 3.14"), msg);
        assertFalse(e.placesLooked().isEmpty());
    }

    @Test
    void commandRequestLooksOnlyOnPath() throws Exception {
        Path a = Files.createDirectories(tmp.resolve("a"));
        Path b = Files.createDirectories(tmp.resolve("b"));
        exe(a.resolve("python3.12")); // shim: a miss
        Path good = python(b.resolve("python3.12"), 3, 12, 2);
        python(home.resolve(".pyenv/versions/3.12.9/bin/python"), 3, 12, 9);
        env.put("PATH", a + ":" + b);
        Match m = discovery().find(InterpreterRequest.parse("python3.12"));
        assertEquals(good, m.interpreter().candidate().path());
        assertTrue(m.explanation().startsWith("first working 'python3.12' on PATH"), m.explanation());

        ProbeException.NotFound e = assertThrows(ProbeException.NotFound.class,
                () -> discovery().find(InterpreterRequest.parse("python3.99")));
        assertTrue(e.getMessage().contains("(no python3.99)"), e.getMessage());
        assertTrue(e.getMessage().contains("request a version (e.g. 3.99)"), e.getMessage());
    }

    @Test
    void explicitPathsFilesDirectoriesTildeAndRelative() throws Exception {
        Path venvPy = python(tmp.resolve("proj/.venv/bin/python3"), 3, 12, 0);
        Path homePy = python(home.resolve("py/bin/python3"), 3, 11, 0);
        Discovery d = discovery();
        assertEquals(venvPy, d.find(InterpreterRequest.parse(venvPy.toString())).interpreter().candidate().path());
        assertEquals(venvPy, d.find(InterpreterRequest.parse("./proj/.venv")).interpreter().candidate().path());
        Match m = d.find(InterpreterRequest.parse("~/py/bin/python3"));
        assertEquals(homePy, m.interpreter().candidate().path());
        assertEquals(InterpreterSource.EXPLICIT_PATH, m.interpreter().candidate().source());
        assertTrue(m.explanation().startsWith("explicit path: 3.11.0"), m.explanation());

        ProbeException.NotFound e = assertThrows(ProbeException.NotFound.class,
                () -> d.find(InterpreterRequest.parse("./nope/python")));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        Files.createDirectories(tmp.resolve("emptydir"));
        e = assertThrows(ProbeException.NotFound.class, () -> d.find(InterpreterRequest.parse("./emptydir")));
        assertTrue(e.getMessage().contains("a directory without bin/python3"), e.getMessage());
        // a path that exists but is not a Python: the probe's own failure comes through
        Path shim = exe(tmp.resolve("shim/python"));
        assertThrows(ProbeException.ExitedNonZero.class, () -> d.find(InterpreterRequest.parse(shim.toString())));
    }

    @Test
    void windowsLayoutUsesExeNamesAndTheLauncher() throws Exception {
        Path bin = tmp.resolve("winbin");
        Path exe = python(bin.resolve("python.exe"), 3, 12, 0);
        exe(bin.resolve("pythonw.exe")); // not an interpreter name we run
        Path pyenvWin = python(home.resolve(".pyenv/pyenv-win/versions/3.11.5/python.exe"), 3, 11, 5);
        env.put("PATH", bin.toString());
        DiscoveryResult r = discovery("Windows 11").findAll();
        assertEquals(List.of(exe, pyenvWin),
                r.found().stream().map(f -> f.candidate().path()).collect(Collectors.toList()));
        String places = String.join("\n", r.placesLooked());
        assertFalse(places.contains("usr/bin"), places);
        assertTrue(places.contains("py launcher"), places);
    }

    @Test
    void registryOutputIsParsed() {
        String out = String.join("\r\n",
                "HKEY_CURRENT_USER\\Software\\Python\\PythonCore\\3.12\\InstallPath",
                "    (Default)    REG_SZ    C:\\Users\\me\\AppData\\Local\\Programs\\Python\\Python312\\",
                "    ExecutablePath    REG_SZ    C:\\Users\\me\\AppData\\Local\\Programs\\Python\\Python312\\python.exe",
                "",
                "HKEY_CURRENT_USER\\Software\\Python\\PythonCore\\3.9\\InstallPath",
                "    (Default)    REG_SZ    C:\\Python39");
        List<Path> paths = Discovery.parseRegistry(out);
        assertEquals(3, paths.size(), paths.toString());
        assertTrue(paths.get(1).toString().endsWith("python.exe"));
    }
}
