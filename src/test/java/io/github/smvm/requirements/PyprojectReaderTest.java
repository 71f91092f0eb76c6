package io.github.smvm.requirements;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PyprojectReaderTest {

    @TempDir
    Path dir;

    private final PyprojectReader reader = new PyprojectReader();

    private Path write(String content) throws IOException {
        return Files.writeString(dir.resolve("pyproject.toml"), content);
    }

    private static List<String> texts(List<RequirementEntry> entries) {
        return entries.stream().map(RequirementEntry::text).toList();
    }

    private static List<String> descriptions(List<RequirementEntry> entries) {
        return entries.stream().map(e -> e.origin().description()).toList();
    }

    private static Set<String> ordered(String... names) {
        return new LinkedHashSet<>(List.of(names));
    }

    private static final String PROJECT = """
            [project]
            name = "demo"
            version = "1.0"
            dependencies = [
              "tinyjson>=1.0",
              "  fastcalc~=2.0 ; python_version >= '3.11'  ",
            ]

            [project.optional-dependencies]
            Fast_Math = ["report-kit==0.3.*"]
            cli = ["click>=8", "rich"]
            """;

    @Test
    void readsProjectDependenciesWithOrigins() throws IOException {
        Path file = write(PROJECT);
        List<RequirementEntry> entries = reader.read(file, Set.of(), Set.of());
        assertEquals(List.of("tinyjson>=1.0", "fastcalc~=2.0 ; python_version >= '3.11'"), texts(entries));
        assertEquals(new RequirementSource(file, 0, file + " [project] dependencies[1]"), entries.get(1).origin());
        assertEquals(RequirementKind.NAMED, entries.get(0).kind());
    }

    @Test
    void addsSelectedExtrasMatchedAfterNormalisation() throws IOException {
        Path file = write(PROJECT);
        List<RequirementEntry> entries = reader.read(file, ordered("fast-math", "CLI", "fast.math"), Set.of());
        assertEquals(List.of("tinyjson>=1.0", "fastcalc~=2.0 ; python_version >= '3.11'", "report-kit==0.3.*",
                "click>=8", "rich"), texts(entries));
        assertEquals(file + " [project.optional-dependencies] Fast_Math[0]", entries.get(2).origin().description());
    }

    @Test
    void unknownExtraListsTheAvailableOnes() throws IOException {
        Path file = write(PROJECT);
        RequirementsFileException e = assertThrows(RequirementsFileException.class,
                () -> reader.read(file, Set.of("gui"), Set.of()));
        assertEquals(file + ": unknown extra 'gui'; available extras: Fast_Math, cli", e.getMessage());
    }

    @Test
    void unknownExtraWithoutAnyExtrasSaysSo() throws IOException {
        Path file = write("[project]\nname = \"demo\"\ndependencies = []\n");
        RequirementsFileException e = assertThrows(RequirementsFileException.class,
                () -> reader.read(file, Set.of("gui"), Set.of()));
        assertEquals(file + ": unknown extra 'gui'; the project declares no extras", e.getMessage());
    }

    @Test
    void projectWithoutDependenciesKeyHasNone() throws IOException {
        Path file = write("[project]\nname = \"demo\"\n");
        assertEquals(List.of(), reader.read(file, Set.of(), Set.of()));
    }

    @Test
    void dynamicDependenciesCannotBeRead() throws IOException {
        Path file = write("[project]\nname = \"demo\"\ndynamic = [\"version\", \"dependencies\"]\n");
        RequirementsFileException e = assertThrows(RequirementsFileException.class,
                () -> reader.read(file, Set.of(), Set.of()));
        assertEquals(file + ": [project] dependencies is dynamic (listed in [project] dynamic): the build backend"
                + " computes it, so it cannot be read statically; list the requirements in [project] dependencies"
                + " or use a requirements file", e.getMessage());
    }

    @Test
    void dynamicOptionalDependenciesCannotBeReadWhenExtrasAreSelected() throws IOException {
        Path file = write("[project]\nname = \"demo\"\ndynamic = [\"optional-dependencies\"]\n");
        assertEquals(List.of(), reader.read(file, Set.of(), Set.of()));
        RequirementsFileException e = assertThrows(RequirementsFileException.class,
                () -> reader.read(file, Set.of("cli"), Set.of()));
        assertEquals(file + ": [project] optional-dependencies is dynamic (listed in [project] dynamic): the build"
                + " backend computes it, so it cannot be read statically; list the requirements in [project]"
                + " optional-dependencies or use a requirements file", e.getMessage());
    }

    @Test
    void missingProjectTableIsAnErrorUnlessOnlyGroupsAreRead() throws IOException {
        Path file = write("[tool.poetry]\nname = \"demo\"\n\n[dependency-groups]\ntest = [\"pytest\"]\n");
        RequirementsFileException e = assertThrows(RequirementsFileException.class,
                () -> reader.read(file, Set.of(), Set.of()));
        assertEquals(file + ": has no [project] table, so its dependencies cannot be read statically (PEP 621);"
                + " declare them in [project] dependencies or use a requirements file", e.getMessage());
        assertEquals(List.of("pytest"), texts(reader.read(file, false, Set.of(), Set.of("test"))));
    }

    @Test
    void nonStringDependencyIsAnErrorNamingItsIndex() throws IOException {
        Path file = write("[project]\nname = \"demo\"\ndependencies = [\"a\", 3]\n");
        RequirementsFileException e = assertThrows(RequirementsFileException.class,
                () -> reader.read(file, Set.of(), Set.of()));
        assertEquals(file + " [project] dependencies[1]: must be a PEP 508 string, not a number", e.getMessage());
    }

    @Test
    void emptyDependencyStringIsAnError() throws IOException {
        Path file = write("[project]\nname = \"demo\"\ndependencies = [\"  \"]\n");
        RequirementsFileException e = assertThrows(RequirementsFileException.class,
                () -> reader.read(file, Set.of(), Set.of()));
        assertEquals(file + " [project] dependencies[0]: is an empty string; write a PEP 508 requirement",
                e.getMessage());
    }

    private static final String GROUPS = """
            [project]
            name = "demo"
            dependencies = ["tinyjson"]

            [dependency-groups]
            Test_Tools = ["pytest>=8", {include-group = "lint"}, "coverage"]
            lint = ["ruff", {include-group = "typing"}]
            typing = ["mypy"]
            docs = ["sphinx", {include-group = "TYPING"}]
            """;

    @Test
    void expandsSelectedGroupsWithIncludes() throws IOException {
        Path file = write(GROUPS);
        List<RequirementEntry> entries = reader.read(file, Set.of(), ordered("test-tools"));
        assertEquals(List.of("tinyjson", "pytest>=8", "ruff", "mypy", "coverage"), texts(entries));
        assertEquals(List.of(file + " [project] dependencies[0]", file + " [dependency-groups] Test_Tools[0]",
                file + " [dependency-groups] lint[0]", file + " [dependency-groups] typing[0]",
                file + " [dependency-groups] Test_Tools[2]"), descriptions(entries));
    }

    @Test
    void aGroupReachedTwiceIsExpandedOnce() throws IOException {
        Path file = write(GROUPS);
        List<RequirementEntry> entries = reader.read(file, false, Set.of(), ordered("docs", "lint"));
        assertEquals(List.of("sphinx", "mypy", "ruff"), texts(entries));
    }

    @Test
    void unknownGroupListsTheAvailableOnes() throws IOException {
        Path file = write(GROUPS);
        RequirementsFileException e = assertThrows(RequirementsFileException.class,
                () -> reader.read(file, Set.of(), Set.of("dev")));
        assertEquals(file + ": unknown dependency group 'dev'; available groups: Test_Tools, lint, typing, docs",
                e.getMessage());
    }

    @Test
    void unknownIncludedGroupNamesTheIncludingGroup() throws IOException {
        Path file = write("[dependency-groups]\ntest = [{include-group = \"nope\"}]\n");
        RequirementsFileException e = assertThrows(RequirementsFileException.class,
                () -> reader.read(file, false, Set.of(), Set.of("test")));
        assertEquals(file + ": [dependency-groups] test includes unknown dependency group 'nope'; available groups:"
                + " test", e.getMessage());
    }

    @Test
    void includeCycleIsAnErrorShowingTheCycle() throws IOException {
        Path file = write("""
                [dependency-groups]
                all = [{include-group = "test"}]
                test = ["pytest", {include-group = "lint"}]
                lint = ["ruff", {include-group = "Test"}]
                """);
        RequirementsFileException e = assertThrows(RequirementsFileException.class,
                () -> reader.read(file, false, Set.of(), Set.of("all")));
        assertEquals(file + ": [dependency-groups] contain an include cycle: test -> lint -> test; a group must not"
                + " include itself", e.getMessage());
    }

    @Test
    void selfIncludeIsACycle() throws IOException {
        Path file = write("[dependency-groups]\na = [{include-group = \"a\"}]\n");
        RequirementsFileException e = assertThrows(RequirementsFileException.class,
                () -> reader.read(file, false, Set.of(), Set.of("a")));
        assertEquals(file + ": [dependency-groups] contain an include cycle: a -> a; a group must not include"
                + " itself", e.getMessage());
    }

    @Test
    void badIncludeTableIsAnError() throws IOException {
        Path file = write("[dependency-groups]\na = [{include = \"b\"}]\nb = []\n");
        RequirementsFileException e = assertThrows(RequirementsFileException.class,
                () -> reader.read(file, false, Set.of(), Set.of("a")));
        assertEquals(file + " [dependency-groups] a[0]: a table in a dependency group must be {include-group ="
                + " \"name\"}, not {\"include\":\"b\"}", e.getMessage());
    }

    @Test
    void groupNamesEqualAfterNormalisationAreAnError() throws IOException {
        Path file = write("[dependency-groups]\nTest = []\n\"test\" = []\n");
        RequirementsFileException e = assertThrows(RequirementsFileException.class,
                () -> reader.read(file, false, Set.of(), Set.of("test")));
        assertEquals(file + ": [dependency-groups] has groups 'Test' and 'test', which are the same name after"
                + " normalisation; keep one", e.getMessage());
    }

    @Test
    void nonTomlFileIsAnErrorWithLineAndColumn() throws IOException {
        Path file = write("[project]\nname = \"demo\"\ndependencies = [\"a\",\n  oops\n");
        RequirementsFileException e = assertThrows(RequirementsFileException.class,
                () -> reader.read(file, Set.of(), Set.of()));
        assertEquals(4, e.line());
        assertEquals(file, e.file());
        assertEquals(file + ":4:" + e.column() + ": not valid TOML: ", e.getMessage().substring(0,
                e.getMessage().indexOf("TOML: ") + 6));
    }

    @Test
    void missingFileIsAnError() {
        Path file = dir.resolve("pyproject.toml");
        RequirementsFileException e = assertThrows(RequirementsFileException.class,
                () -> reader.read(file, Set.of(), Set.of()));
        assertEquals(file + ": pyproject.toml does not exist", e.getMessage());
    }
}
