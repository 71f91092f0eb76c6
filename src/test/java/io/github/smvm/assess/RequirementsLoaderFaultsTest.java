package io.github.smvm.assess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.smvm.requirements.RequirementsFileException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input files as the assessment reads them ({@link RequirementsLoader}, after the file parsers): each fails
 * with file, line and reason, or is read as pip reads it.
 */
class RequirementsLoaderFaultsTest {

    @TempDir
    Path dir;

    private final RequirementsLoader loader = new RequirementsLoader(Map.of());

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static RequirementsLoader.Sources requirements(Path file) {
        return new RequirementsLoader.Sources(List.of(file), List.of(), null, Set.of(), Set.of(), null, List.of());
    }

    private String fails(RequirementsLoader.Sources sources) {
        return assertThrows(RequirementsFileException.class, () -> loader.load(sources)).getMessage();
    }

    /** packaging's display under its message: the text, and a caret under the column. */
    private static String pointing(String text, int column) {
        return "\n    " + text + "\n    " + " ".repeat(column - 1) + "^";
    }

    @Test
    void markerWithAnUnknownOperatorNamesFileLineAndTheOperator() throws IOException {
        Path file = write("requirements.txt", "ok==1\nfoo ; python_version >> \"3.8\"\n");
        // the messages are those of packaging 24 (pip 24.2 on Python 3.13), columns 1-based
        assertEquals(file + ":2: invalid requirement: Invalid requirement 'foo ; python_version >> \"3.8\"': "
                + "Expected a marker variable or quoted string at column 23" + pointing("foo ; python_version >> \"3.8\"", 23), fails(requirements(file)));
    }

    @Test
    void markerWithAnUnknownVariableNamesFileLineAndTheVariable() throws IOException {
        Path file = write("requirements.txt", "# comment\n\nbar ; platform_machin == \"x86_64\"\n");
        assertEquals(file + ":3: invalid requirement: Invalid requirement 'bar ; platform_machin == \"x86_64\"': "
                + "Expected a marker variable or quoted string at column 7" + pointing("bar ; platform_machin == \"x86_64\"", 7), fails(requirements(file)));
    }

    @Test
    void markerCutShortNamesFileAndLine() throws IOException {
        Path file = write("requirements.txt", "baz ; os_name ==\n");
        assertEquals(file + ":1: invalid requirement: Invalid requirement 'baz ; os_name ==': Expected a marker "
                + "variable or quoted string at column 17" + pointing("baz ; os_name ==", 17), fails(requirements(file)));
    }

    @Test
    void markerWithAnUnclosedParenthesisAfterAContinuationNamesTheFirstLine() throws IOException {
        Path file = write("requirements.txt", "ok==1\nqux ; (python_version < \"3.8\" \\\n  and os_name == \"nt\"\n");
        String text = "qux ; (python_version < \"3.8\"   and os_name == \"nt\"";
        assertEquals(file + ":2: invalid requirement: Invalid requirement 'qux ; (python_version < \"3.8\"   and "
                + "os_name == \"nt\"': Expected matching RIGHT_PARENTHESIS for LEFT_PARENTHESIS, after marker "
                + "expression at column 7\n    " + text + "\n          " + "~".repeat(text.length() - 6) + "^", fails(requirements(file)));
    }

    @Test
    void brokenMarkerInPyprojectNamesTheFileAndTheEntry() throws IOException {
        Path file = write("pyproject.toml", "[project]\nname = \"demo\"\nversion = \"1\"\n"
                + "dependencies = [\n  \"ok\",\n  \"foo ; python_version ~ '3'\",\n]\n");
        assertEquals(file + " [project] dependencies[1]: invalid requirement: Invalid requirement "
                + "'foo ; python_version ~ '3'': Expected marker operator, one of <=, <, !=, ==, >=, >, ~=, ===, in, "
                + "not in at column 22" + pointing("foo ; python_version ~ '3'", 22), fails(new RequirementsLoader.Sources(List.of(), List.of(), file,
                Set.of(), Set.of(), null, List.of())));
    }

    @Test
    void pylockOfAnUnknownVersionNamesTheFileAndTheSupportedVersion() throws IOException {
        Path file = write("pylock.toml", "lock-version = \"2.0\"\ncreated-by = \"x\"\n");
        assertEquals(file + ": lock-version '2.0' is not supported; supported: 1.0 (major version 1)",
                fails(new RequirementsLoader.Sources(List.of(), List.of(), null, Set.of(), Set.of(), file, List.of())));
    }

    @Test
    void nonUtf8BytesNameFileLineAndColumnAsPipUnderAUtf8LocaleFails() throws IOException {
        // pip's auto_decode: a BOM, else a PEP 263 coding line, else the locale's encoding; under a UTF-8 locale a
        // Latin-1 byte is a UnicodeDecodeError, which we report with its place and the fix
        Path file = dir.resolve("requirements.txt");
        Files.write(file, "ok==1\ncaf\u00e9-lib==1.0\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(file + ":2:4: bytes 0xE9 are not valid UTF-8; save the file as UTF-8 (a byte-order mark is "
                + "allowed)", fails(requirements(file)));
    }

    @Test
    void tenThousandLinesAreAllRead() throws IOException {
        StringBuilder text = new StringBuilder("# generated\n");
        for (int i = 0; i < 10_000; i++) {
            text.append("package-").append(i).append(">=1.").append(i % 50)
                    .append(i % 3 == 0 ? " ; python_version >= \"3.8\"" : "").append('\n');
        }
        Path file = write("requirements.txt", text.toString());
        long start = System.nanoTime();
        RequirementsLoader.Loaded loaded = loader.load(requirements(file));
        System.out.printf("RequirementsLoaderFaultsTest: 10,000 requirements loaded in %d ms%n",
                (System.nanoTime() - start) / 1_000_000);
        assertEquals(10_000, loaded.requirements().size());
        TopLevelRequirement last = loaded.requirements().get(9_999);
        assertEquals("package-9999>=1.49 ; python_version >= \"3.8\"", last.written());
        assertEquals(file + ":10001", last.origin());
    }
}
