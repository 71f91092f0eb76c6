package io.github.smvm.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InterpreterRequestTest {

    @ParameterizedTest
    @CsvSource({
        "3.12, VERSION",
        "3.11.13, VERSION",
        "3, VERSION",
        "'>=3.11.4,<3.12', RANGE",
        "'==3.12.*', RANGE",
        "~=3.11, RANGE",
        "python3.12, COMMAND",
        "python, COMMAND",
        "pypy3, COMMAND",
        "/usr/bin/python3, PATH",
        "./venv/bin/python, PATH",
        ".venv, PATH",
        "~/py/bin/python3, PATH",
        "'C:\\Python312\\python.exe', PATH",
        "C:python.exe, PATH",
        "'', ANY",
        "any, ANY",
        "*, ANY",
    })
    void kinds(String text, InterpreterRequest.Kind kind) {
        assertEquals(kind, InterpreterRequest.parse(text).kind());
    }

    @Test
    void nullIsAny() {
        assertEquals(InterpreterRequest.Kind.ANY, InterpreterRequest.parse(null).kind());
    }

    @Test
    void garbageIsRejectedWithTheAcceptedForms() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InterpreterRequest.parse("python 3.12"));
        assertTrue(e.getMessage().contains("a version (3.12"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> InterpreterRequest.parse(">=3.x"));
        assertThrows(IllegalArgumentException.class, () -> InterpreterRequest.parse(">=3.12.*"));
        assertThrows(IllegalArgumentException.class, () -> InterpreterRequest.parse("~=3"));
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> InterpreterRequest.parse(">=3.x"));
        assertTrue(range.getMessage().startsWith("cannot read the Python version range '>=3.x': "), range.getMessage());
        assertTrue(range.getMessage().endsWith("write PEP 440 specifiers such as >=3.11.4,<3.12 or ~=3.11"),
                range.getMessage());
    }

    @Test
    void rangesFollowPep440IncludingPreReleases() {
        assertTrue(m(">=3.12rc1", 3, 12, 0));
        assertFalse(m(">=3.12rc1", 3, 11, 9));
        assertTrue(InterpreterRequest.parse(">=3.13").matches(new PythonVersion(3, 14, 0, "candidate", 1)));
        assertTrue(InterpreterRequest.parse("3.14").matches(new PythonVersion(3, 14, 0, "candidate", 1)));
        assertFalse(InterpreterRequest.parse(">=3.14").matches(new PythonVersion(3, 13, 9, "final", 0)));
    }

    private static boolean m(String request, int major, int minor, int micro) {
        return InterpreterRequest.parse(request).matches(PythonVersion.of(major, minor, micro));
    }

    @Test
    void versionPrefixes() {
        assertTrue(m("3.12", 3, 12, 0));
        assertTrue(m("3.12", 3, 12, 7));
        assertFalse(m("3.12", 3, 13, 0));
        assertFalse(m("3.12", 3, 1, 2));
        assertTrue(m("3.11.13", 3, 11, 13));
        assertFalse(m("3.11.13", 3, 11, 1));
        assertTrue(m("3", 3, 6, 15));
        assertFalse(m("3", 2, 7, 18));
    }

    @Test
    void ranges() {
        assertTrue(m(">=3.11.4,<3.12", 3, 11, 4));
        assertTrue(m(">=3.11.4,<3.12", 3, 11, 9));
        assertFalse(m(">=3.11.4,<3.12", 3, 11, 3));
        assertFalse(m(">=3.11.4,<3.12", 3, 12, 0));
        assertTrue(m(" >= 3.8 , != 3.9.* ", 3, 10, 0));
        assertFalse(m(">=3.8,!=3.9.*", 3, 9, 18));
        assertTrue(m("==3.11", 3, 11, 0));
        assertFalse(m("==3.11", 3, 11, 1));
        assertTrue(m("~=3.11", 3, 13, 0));
        assertFalse(m("~=3.11", 4, 0, 0));
        assertTrue(m("~=3.11.2", 3, 11, 9));
        assertFalse(m("~=3.11.2", 3, 12, 0));
        assertFalse(m("~=3.11.2", 3, 11, 1));
        assertTrue(m(">3.6", 3, 6, 1));
        assertFalse(m(">3.6", 3, 6, 0));
        assertTrue(m("<=3.7", 3, 7, 0));
        assertFalse(m("<=3.7", 3, 7, 1));
        assertTrue(m("===3.12.1", 3, 12, 1));
        assertFalse(m("===3.12", 3, 12, 0));
        assertTrue(m("!=3.12.1", 3, 12, 2));
    }

    @Test
    void pathAndCommandAcceptEveryVersion() {
        assertTrue(m("python3.12", 2, 7, 18));
        assertTrue(m("/x/python", 3, 1, 0));
        assertTrue(m("any", 3, 14, 0));
    }

    @Test
    void describe() {
        assertEquals("3.12.x", InterpreterRequest.parse("3.12").describe());
        assertEquals("3.12.1", InterpreterRequest.parse("3.12.1").describe());
        assertEquals("Python >=3.11", InterpreterRequest.parse(">=3.11").describe());
    }

    @Test
    void versionOrdering() {
        assertTrue(PythonVersion.of(3, 10, 0).compareTo(PythonVersion.of(3, 9, 18)) > 0);
        assertTrue(new PythonVersion(3, 14, 0, "candidate", 1).compareTo(PythonVersion.of(3, 14, 0)) < 0);
        assertEquals("3.14.0b2", new PythonVersion(3, 14, 0, "beta", 2).toString());
    }
}
