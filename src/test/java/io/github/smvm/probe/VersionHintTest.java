package io.github.smvm.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class VersionHintTest {

    @Test
    void executableNamesGiveMajorAndMinor() {
        assertEquals(new VersionHint(3, 12, -1), VersionHint.ofExecutableName("python3.12"));
        assertEquals(new VersionHint(3, -1, -1), VersionHint.ofExecutableName("python3"));
        assertEquals(new VersionHint(2, 7, -1), VersionHint.ofExecutableName("python2.7"));
        assertEquals(new VersionHint(3, 11, -1), VersionHint.ofExecutableName("python3.11.exe"));
        assertNull(VersionHint.ofExecutableName("python"));
        assertNull(VersionHint.ofExecutableName("python.exe"));
    }

    @Test
    void installDirectoriesGiveTheFullVersionOnlyWhenNothingFollowsIt() {
        assertEquals(new VersionHint(3, 12, 1), VersionHint.ofInstallDirectory("3.12.1"));
        assertEquals(new VersionHint(3, 13, -1), VersionHint.ofInstallDirectory("3.13.0t"));
        assertEquals(new VersionHint(3, 14, -1), VersionHint.ofInstallDirectory("3.14.0a1"));
        assertEquals(new VersionHint(3, 12, -1), VersionHint.ofInstallDirectory("3.12-dev"));
        assertEquals(new VersionHint(3, 12, 4), VersionHint.ofInstallDirectory("cpython-3.12.4-linux-x86_64-gnu"));
        assertEquals(new VersionHint(3, 13, -1),
                VersionHint.ofInstallDirectory("cpython-3.13.0+freethreaded-linux-x86_64-gnu"));
        assertEquals(new VersionHint(3, 10, 14), VersionHint.ofInstallDirectory("pypy-3.10.14-linux-x86_64-gnu"));
        assertNull(VersionHint.ofInstallDirectory("pypy3.10-7.3.12"));
        assertNull(VersionHint.ofInstallDirectory("miniconda3-4.7.12"));
        assertNull(VersionHint.ofInstallDirectory("myenv"));
    }

    @Test
    void canMatchComparesTheKnownPartsWithAVersionRequest() {
        InterpreterRequest v312 = InterpreterRequest.parse("3.12");
        assertTrue(new VersionHint(3, 12, 1).canMatch(v312));
        assertTrue(new VersionHint(3, 12, -1).canMatch(v312));
        assertTrue(new VersionHint(3, -1, -1).canMatch(v312));
        assertFalse(new VersionHint(3, 13, 0).canMatch(v312));
        assertFalse(new VersionHint(2, -1, -1).canMatch(v312));
        assertFalse(new VersionHint(3, 12, 1).canMatch(InterpreterRequest.parse("3.12.4")));
        assertTrue(new VersionHint(3, 12, -1).canMatch(InterpreterRequest.parse("3.12.4")));
        assertTrue(new VersionHint(3, 12, 0).canMatch(InterpreterRequest.any()));
    }

    @Test
    void canMatchTriesEveryVersionANameCanStandForAgainstARange() {
        InterpreterRequest range = InterpreterRequest.parse(">=3.11.4,<3.12");
        assertTrue(new VersionHint(3, 11, -1).canMatch(range));
        assertTrue(new VersionHint(3, -1, -1).canMatch(range));
        assertTrue(new VersionHint(3, 11, 4).canMatch(range));
        assertFalse(new VersionHint(3, 11, 3).canMatch(range));
        assertFalse(new VersionHint(3, 12, -1).canMatch(range));
        assertFalse(new VersionHint(2, -1, -1).canMatch(range));
    }

    @Test
    void canBeatOnlyWhenSomeVersionOfTheNameIsNewerOrAsNewAndSearchedEarlier() {
        PythonVersion best = PythonVersion.of(3, 12, 4);
        assertTrue(new VersionHint(3, 12, 5).canBeat(best, false));
        assertFalse(new VersionHint(3, 12, 4).canBeat(best, false));
        assertTrue(new VersionHint(3, 12, 4).canBeat(best, true));
        assertFalse(new VersionHint(3, 12, 1).canBeat(best, true));
        assertTrue(new VersionHint(3, 12, -1).canBeat(best, false));
        assertFalse(new VersionHint(3, 11, -1).canBeat(best, true));
        assertTrue(new VersionHint(3, -1, -1).canBeat(best, false));
        assertFalse(new VersionHint(2, -1, -1).canBeat(best, true));
    }

    @Test
    void newestFirstPutsUnknownVersionsFirstThenTheHighestKnownParts() {
        List<VersionHint> hints = new ArrayList<>(Arrays.asList(new VersionHint(3, 11, 9), null,
                new VersionHint(3, 12, -1), new VersionHint(3, 12, 4), new VersionHint(3, -1, -1),
                new VersionHint(3, 13, 0)));
        hints.sort(VersionHint.NEWEST_FIRST);
        assertEquals(Arrays.asList(null, new VersionHint(3, -1, -1), new VersionHint(3, 13, 0),
                new VersionHint(3, 12, -1), new VersionHint(3, 12, 4), new VersionHint(3, 11, 9)), hints);
    }

    @Test
    void describesTheKnownParts() {
        assertEquals("3.12.1", new VersionHint(3, 12, 1).toString());
        assertEquals("3.12.x", new VersionHint(3, 12, -1).toString());
        assertEquals("3.x", new VersionHint(3, -1, -1).toString());
    }
}
