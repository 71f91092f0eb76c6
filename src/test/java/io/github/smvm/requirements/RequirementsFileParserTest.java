package io.github.smvm.requirements;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequirementsFileParserTest {

    @TempDir
    Path dir;

    private final RequirementsFileParser parser = new RequirementsFileParser(Map.of());

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static List<String> texts(List<RequirementEntry> entries) {
        return entries.stream().map(RequirementEntry::text).toList();
    }

    private RequirementsFileException parseFails(Path file) {
        return assertThrows(RequirementsFileException.class, () -> parser.parse(file));
    }

    @Test
    void readsPlainRequirementsWithLineNumbersAndDescriptions() throws IOException {
        Path file = write("requirements.txt", "tinyjson>=1.0\n\nfastcalc~=2.0\n");
        RequirementInputs inputs = parser.parse(file);
        assertEquals(List.of("tinyjson>=1.0", "fastcalc~=2.0"), texts(inputs.requirements()));
        RequirementEntry second = inputs.requirements().get(1);
        assertEquals(new RequirementSource(file, 3, file + ":3"), second.origin());
        assertEquals(RequirementKind.NAMED, second.kind());
        assertFalse(second.constraint());
        assertFalse(second.editable());
        assertEquals(List.of(), second.hashes());
        assertEquals(List.of(), inputs.constraints());
        assertEquals(PipOptions.NONE, inputs.options());
        assertEquals(List.of(), inputs.warnings());
    }

    @Test
    void stripsCommentsButKeepsHashSignsInsideUrls() throws IOException {
        Path file = write("requirements.txt", """
                # a full-line comment
                   # an indented comment
                tinyjson==1.0 # trailing comment
                pkg @ https://host/pkg-1.0.tar.gz#sha256=abc
                https://host/other-2.0-py3-none-any.whl#egg=other
                fastcalc==2.0\t# tab before the comment
                """);
        RequirementInputs inputs = parser.parse(file);
        assertEquals(List.of("tinyjson==1.0", "pkg @ https://host/pkg-1.0.tar.gz#sha256=abc",
                "https://host/other-2.0-py3-none-any.whl#egg=other", "fastcalc==2.0"), texts(inputs.requirements()));
        assertEquals(List.of(3, 4, 5, 6), inputs.requirements().stream().map(e -> e.origin().line()).toList());
        assertEquals(RequirementKind.URL, inputs.requirements().get(2).kind());
    }

    @Test
    void joinsContinuationLinesAndKeepsTheFirstLineNumber() throws IOException {
        Path file = write("requirements.txt", "first==1\n"
                + "fast\\\ncalc==2.0 \\\n   ; python_version >= \"3.8\"\n"
                + "last==3\n");
        RequirementInputs inputs = parser.parse(file);
        assertEquals(List.of("first==1", "fastcalc==2.0    ; python_version >= \"3.8\"", "last==3"),
                texts(inputs.requirements()));
        assertEquals(List.of(1, 2, 5), inputs.requirements().stream().map(e -> e.origin().line()).toList());
    }

    @Test
    void continuationEndsAtACommentLineAsInPip() throws IOException {
        // pip: a comment line is never continued and it ends a continued line (the comment is dropped)
        Path file = write("requirements.txt", "alpha==1 \\\n# comment \\\nbeta==2\n");
        RequirementInputs inputs = parser.parse(file);
        assertEquals(List.of("alpha==1", "beta==2"), texts(inputs.requirements()));
        assertEquals(List.of(1, 3), inputs.requirements().stream().map(e -> e.origin().line()).toList());
    }

    @Test
    void continuationOnTheLastLineIsKept() throws IOException {
        Path file = write("requirements.txt", "alpha==1 \\");
        assertEquals(List.of("alpha==1"), texts(parser.parse(file).requirements()));
    }

    @Test
    void handlesWindowsLineEndings() throws IOException {
        Path file = write("requirements.txt", "alpha==1\r\nbeta==2 \\\r\n --hash=sha256:ab\r\n");
        RequirementInputs inputs = parser.parse(file);
        assertEquals(List.of("alpha==1", "beta==2"), texts(inputs.requirements()));
        assertEquals(List.of("sha256:ab"), inputs.requirements().get(1).hashes());
    }

    @Test
    void expandsBracedUpperCaseEnvironmentVariablesOnly() throws IOException {
        RequirementsFileParser withEnv = new RequirementsFileParser(
                Map.of("INDEX_HOST", "pypi.example.org", "VERSION_1", "1.2", "lower", "x", "EMPTY", ""));
        Path file = write("requirements.txt", """
                --index-url https://${INDEX_HOST}/simple
                tinyjson==${VERSION_1}
                a==${lower}
                b==$VERSION_1
                c==${UNSET}
                d==${EMPTY}
                """);
        RequirementInputs inputs = withEnv.parse(file);
        assertEquals("https://pypi.example.org/simple", inputs.options().indexUrl());
        assertEquals(List.of("tinyjson==1.2", "a==${lower}", "b==$VERSION_1", "c==${UNSET}", "d==${EMPTY}"),
                texts(inputs.requirements()));
    }

    @Test
    void environmentValuesAreNotTreatedAsComments() throws IOException {
        RequirementsFileParser withEnv = new RequirementsFileParser(Map.of("FRAG", "x #y"));
        Path file = write("requirements.txt", "pkg @ https://host/p.whl${FRAG}\n");
        assertEquals(List.of("pkg @ https://host/p.whlx #y"), texts(withEnv.parse(file).requirements()));
    }

    @Test
    void nestedIncludesAreRelativeToTheIncludingFile() throws IOException {
        Path root = write("requirements.txt", "top==1\n-r sub/dev.txt\nafter==1\n");
        write("sub/dev.txt", "dev==1\n--requirement=more/extra.txt\n");
        Path extra = write("sub/more/extra.txt", "extra==1\n");
        RequirementInputs inputs = parser.parse(root);
        assertEquals(List.of("top==1", "dev==1", "extra==1", "after==1"), texts(inputs.requirements()));
        assertEquals(dir.resolve("sub/more/extra.txt"), inputs.requirements().get(2).origin().file());
        assertEquals(extra + ":1", inputs.requirements().get(2).origin().description());
    }

    @Test
    void includeOptionSpellingsAreAllAccepted() throws IOException {
        Path root = write("requirements.txt", "-ra.txt\n--requirement b.txt\n--requirement=c.txt\n-r d.txt\n");
        write("a.txt", "a==1\n");
        write("b.txt", "b==1\n");
        write("c.txt", "c==1\n");
        write("d.txt", "d==1\n");
        assertEquals(List.of("a==1", "b==1", "c==1", "d==1"), texts(parser.parse(root).requirements()));
    }

    @Test
    void constraintsFilesGiveConstraintEntries() throws IOException {
        Path root = write("requirements.txt", "tinyjson\n-c constraints.txt\n");
        write("constraints.txt", "tinyjson==1.0\n--constraint more.txt\n");
        write("more.txt", "fastcalc<3\n");
        RequirementInputs inputs = parser.parse(root);
        assertEquals(List.of("tinyjson"), texts(inputs.requirements()));
        assertEquals(List.of("tinyjson==1.0", "fastcalc<3"), texts(inputs.constraints()));
        assertTrue(inputs.constraints().stream().allMatch(RequirementEntry::constraint));
    }

    @Test
    void requirementsIncludedFromAConstraintsFileAreRequirementsAsInPip() throws IOException {
        Path root = write("requirements.txt", "-c constraints.txt\n");
        write("constraints.txt", "-r reqs.txt\n");
        write("reqs.txt", "tinyjson\n");
        RequirementInputs inputs = parser.parse(root);
        assertEquals(List.of("tinyjson"), texts(inputs.requirements()));
        assertEquals(List.of(), inputs.constraints());
    }

    @Test
    void rootConstraintFilesAreReadAfterRequirementFiles() throws IOException {
        Path reqs = write("requirements.txt", "tinyjson\n");
        Path cons = write("constraints.txt", "tinyjson==1.0\n");
        RequirementInputs inputs = parser.parse(List.of(reqs), List.of(cons));
        assertEquals(List.of("tinyjson"), texts(inputs.requirements()));
        assertEquals(List.of("tinyjson==1.0"), texts(inputs.constraints()));
    }

    @Test
    void editableConstraintIsAnError() throws IOException {
        Path root = write("requirements.txt", "-c constraints.txt\n");
        Path cons = write("constraints.txt", "-e ./lib\n");
        RequirementsFileException e = parseFails(root);
        assertEquals(cons + ":1: editable requirement './lib' in a constraints file: pip does not allow editable"
                + " requirements as constraints", e.getMessage());
    }

    @Test
    void unnamedConstraintIsAnError() throws IOException {
        Path cons = write("constraints.txt", "./dist/pkg-1.0.tar.gz\n");
        RequirementsFileException e = assertThrows(RequirementsFileException.class,
                () -> parser.parse(List.of(), List.of(cons)));
        assertEquals(cons + ":1: constraint './dist/pkg-1.0.tar.gz' has no project name: pip does not allow unnamed"
                + " requirements as constraints; write it as 'name @ ./dist/pkg-1.0.tar.gz'", e.getMessage());
    }

    @Test
    void constraintWithExtrasIsAnError() throws IOException {
        Path cons = write("constraints.txt", "pkg[fast]==1.0\n");
        RequirementsFileException e = assertThrows(RequirementsFileException.class,
                () -> parser.parse(List.of(), List.of(cons)));
        assertEquals(cons + ":1: constraint 'pkg[fast]==1.0' has extras: pip does not allow extras in constraints;"
                + " constrain the project without extras", e.getMessage());
    }

    @Test
    void circularIncludeNamesTheChain() throws IOException {
        Path root = write("root.txt", "a==1\n-r nest/level_1.txt\n");
        Path level1 = write("nest/level_1.txt", "-r nest/level_2.txt\n");
        Path level2 = write("nest/nest/level_2.txt", "b==1\n\n-r ../../root.txt\n");
        RequirementsFileException e = parseFails(root);
        assertEquals(level2 + ":3: circular include: " + root + ":2 -r nest/level_1.txt -> " + level1
                + ":1 -r nest/level_2.txt -> " + level2 + ":3 -r ../../root.txt -> " + root
                + "; a requirements file must not include itself, directly or through other files", e.getMessage());
        assertEquals(level2, e.file());
        assertEquals(3, e.line());
    }

    @Test
    void fileIncludingItselfIsCircular() throws IOException {
        Path root = write("requirements.txt", "-r ./requirements.txt\n");
        RequirementsFileException e = parseFails(root);
        assertEquals(root + ":1: circular include: " + root + ":1 -r ./requirements.txt -> " + root
                + "; a requirements file must not include itself, directly or through other files", e.getMessage());
    }

    @Test
    void sameFileIncludedTwiceWithoutACycleIsRead() throws IOException {
        Path root = write("requirements.txt", "-r a.txt\n-r b.txt\n");
        write("a.txt", "-r common.txt\n");
        write("b.txt", "-r common.txt\n");
        write("common.txt", "tinyjson\n");
        assertEquals(List.of("tinyjson", "tinyjson"), texts(parser.parse(root).requirements()));
    }

    @Test
    void missingIncludeNamesTheIncludingFileAndLine() throws IOException {
        Path root = write("requirements.txt", "tinyjson\n\n-r missing/dev.txt\n");
        RequirementsFileException e = parseFails(root);
        assertEquals(root + ":3: cannot include " + dir.resolve("missing/dev.txt") + ": it does not exist",
                e.getMessage());
        assertEquals(root, e.file());
        assertEquals(3, e.line());
    }

    @Test
    void missingRootFileIsAnError() {
        Path root = dir.resolve("nope.txt");
        assertEquals(root + ": requirements file does not exist", parseFails(root).getMessage());
    }

    @Test
    void httpIncludeIsReportedAsUnsupported() throws IOException {
        Path root = write("requirements.txt", "-r https://example.org/reqs.txt\n");
        assertEquals(root + ":1: including a file over HTTP(S) is not supported: '-r https://example.org/reqs.txt';"
                + " download it into the project and include it by path", parseFails(root).getMessage());
    }

    @Test
    void fileUrlIncludeIsRead() throws IOException {
        Path other = write("other.txt", "other==1\n");
        Path root = write("requirements.txt", "-r " + other.toUri() + "\n");
        assertEquals(List.of("other==1"), texts(parser.parse(root).requirements()));
    }

    @Test
    void includeWithOtherOptionsOnTheLineIsAnError() throws IOException {
        write("a.txt", "a==1\n");
        Path root = write("requirements.txt", "-r a.txt --pre\n");
        assertEquals(root + ":1: -r/--requirement or -c/--constraint must be alone on its line (pip reads only the"
                + " first include of a line and ignores the other options on it): --requirement --pre",
                parseFails(root).getMessage());
    }

    @Test
    void unknownOptionIsAnErrorListingTheSupportedOnes() throws IOException {
        Path root = write("requirements.txt", "tinyjson\n--frobnicate\n");
        assertEquals(root + ":2: unknown option '--frobnicate'; options allowed in requirements files:"
                + " -i/--index-url, --extra-index-url, --no-index, -c/--constraint, -r/--requirement, -e/--editable,"
                + " -f/--find-links, --no-binary, --only-binary, --prefer-binary, --require-hashes, --pre,"
                + " --trusted-host, --use-feature, --global-option, --hash, -C/--config-settings",
                parseFails(root).getMessage());
    }

    @Test
    void unknownShortOptionIsAnError() throws IOException {
        Path root = write("requirements.txt", "-U tinyjson\n");
        assertTrue(parseFails(root).getMessage().startsWith(root + ":1: unknown option '-U'; options allowed"));
    }

    @Test
    void unambiguousAbbreviationsOfLongOptionsWorkAsInOptparse() throws IOException {
        Path root = write("requirements.txt", "--extra-index https://x/simple\n--pre\n");
        PipOptions options = parser.parse(root).options();
        assertEquals(List.of("https://x/simple"), options.extraIndexUrls());
        assertTrue(options.pre());
        assertFalse(options.preferBinary());
    }

    @Test
    void ambiguousAbbreviationIsAnError() throws IOException {
        Path root = write("requirements.txt", "--no\n");
        assertEquals(root + ":1: ambiguous option '--no' could be --no-index, --no-binary; write it in full",
                parseFails(root).getMessage());
    }

    @Test
    void optionMissingItsValueIsAnError() throws IOException {
        Path root = write("requirements.txt", "--index-url\n");
        assertEquals(root + ":1: -i/--index-url requires a value", parseFails(root).getMessage());
    }

    @Test
    void optionWithAnEmptyValueIsAnError() throws IOException {
        Path root = write("requirements.txt", "--index-url=\n");
        assertEquals(root + ":1: -i/--index-url requires a non-empty value", parseFails(root).getMessage());
    }

    @Test
    void flagWithAValueIsAnError() throws IOException {
        Path root = write("requirements.txt", "--pre=yes\n");
        assertEquals(root + ":1: --pre takes no value (got '--pre=yes')", parseFails(root).getMessage());
    }

    @Test
    void collectsSeveralHashesInOrder() throws IOException {
        Path root = write("requirements.txt", """
                tinyjson==1.0 \\
                    --hash=sha256:aaaa \\
                    --hash sha256:bbbb \\
                    --hash=sha512:cccc
                """);
        RequirementEntry entry = parser.parse(root).requirements().get(0);
        assertEquals("tinyjson==1.0", entry.text());
        assertEquals(List.of("sha256:aaaa", "sha256:bbbb", "sha512:cccc"), entry.hashes());
        assertEquals(1, entry.origin().line());
    }

    @Test
    void weakHashAlgorithmIsAnError() throws IOException {
        Path root = write("requirements.txt", "tinyjson==1.0 --hash=md5:abcd\n");
        assertEquals(root + ":1: --hash algorithm 'md5' is not allowed; allowed: sha256, sha384, sha512",
                parseFails(root).getMessage());
    }

    @Test
    void hashWithoutAlgorithmIsAnError() throws IOException {
        Path root = write("requirements.txt", "tinyjson==1.0 --hash=abcd\n");
        assertEquals(root + ":1: --hash value 'abcd' must be a hash name followed by a value, like"
                + " --hash=sha256:abcde...", parseFails(root).getMessage());
    }

    @Test
    void hashOnALineWithoutRequirementIsIgnoredWithAWarning() throws IOException {
        Path root = write("requirements.txt", "--hash=sha256:abcd\n");
        RequirementInputs inputs = parser.parse(root);
        assertEquals(List.of(), inputs.requirements());
        assertEquals(List.of(root + ":1: --hash without a requirement on the line is ignored (as pip does)"),
                inputs.warnings());
    }

    @Test
    void keepsPerRequirementOptionsAndWarnsAboutGlobalOnesOnARequirementLine() throws IOException {
        Path root = write("requirements.txt", "pkg>=1 ; python_version < \"3.8\" --config-settings=\"a=b c\""
                + " -C k=v --global-option=--quiet --pre --hash=sha256:ff\n");
        RequirementInputs inputs = parser.parse(root);
        RequirementEntry entry = inputs.requirements().get(0);
        assertEquals("pkg>=1 ; python_version < \"3.8\"", entry.text());
        assertEquals(List.of("a=b c", "k=v"), entry.configSettings());
        assertEquals(List.of("--quiet"), entry.globalOptions());
        assertEquals(List.of("sha256:ff"), entry.hashes());
        assertFalse(inputs.options().pre());
        assertEquals(List.of(root + ":1: pip ignores --pre on a requirement line; put it on its own line"),
                inputs.warnings());
    }

    @Test
    void configSettingsWithoutEqualsIsAnError() throws IOException {
        Path root = write("requirements.txt", "pkg --config-settings=novalue\n");
        assertEquals(root + ":1: --config-settings value 'novalue' must have the form KEY=VALUE",
                parseFails(root).getMessage());
    }

    @Test
    void strayArgumentAfterOptionsIsAnError() throws IOException {
        Path root = write("requirements.txt", "pkg --hash=sha256:ff other\n");
        assertEquals(root + ":1: unexpected argument 'other' after the options (pip would ignore it); a requirement"
                + " must come before its options, one requirement per line", parseFails(root).getMessage());
    }

    @Test
    void unclosedQuoteInOptionsIsAnError() throws IOException {
        Path root = write("requirements.txt", "pkg --global-option=\"oops\n");
        assertEquals(root + ":1: cannot split the options: no closing quotation (\"): --global-option=\"oops",
                parseFails(root).getMessage());
    }

    @Test
    void readsGlobalOptionsWithTheirOrigins() throws IOException {
        Path links = Files.createDirectories(dir.resolve("wheels"));
        Path root = write("requirements.txt", """
                -i https://index.example/simple
                --extra-index-url https://extra.example/simple
                --extra-index-url=https://extra2.example/simple
                -f wheels
                --find-links https://links.example/
                -f not-here
                --pre
                --prefer-binary
                --require-hashes
                --trusted-host index.example
                tinyjson
                """);
        PipOptions options = parser.parse(root).options();
        assertEquals("https://index.example/simple", options.indexUrl());
        assertFalse(options.noIndex());
        assertEquals(List.of("https://extra.example/simple", "https://extra2.example/simple"), options.extraIndexUrls());
        assertEquals(List.of(links.toString(), "https://links.example/", "not-here"), options.findLinks());
        assertTrue(options.pre());
        assertTrue(options.preferBinary());
        assertTrue(options.requireHashes());
        assertEquals(List.of("index.example"), options.trustedHosts());
        assertEquals(Optional.of(RequirementSource.ofLine(root, 3)), options.originOf("--extra-index-url"));
        assertEquals(Optional.of(RequirementSource.ofLine(root, 1)), options.originOf("--index-url"));
        assertEquals(Optional.empty(), options.originOf("--no-index"));
        assertEquals(new OptionSetting("--find-links", "wheels", RequirementSource.ofLine(root, 4)),
                options.settings().get(3));
        assertEquals(10, options.settings().size());
    }

    @Test
    void lastIndexUrlWinsAndNoIndexIsKept() throws IOException {
        Path root = write("requirements.txt", "-i https://a/simple\n--index-url=https://b/simple\n--no-index\n");
        PipOptions options = parser.parse(root).options();
        assertEquals("https://b/simple", options.indexUrl());
        assertTrue(options.noIndex());
    }

    @Test
    void optionsFromIncludedFilesAreGlobal() throws IOException {
        Path root = write("requirements.txt", "-r sub/more.txt\n");
        write("sub/more.txt", "--find-links wheels\n");
        Path wheels = Files.createDirectories(dir.resolve("sub/wheels"));
        assertEquals(List.of(wheels.toString()), parser.parse(root).options().findLinks());
    }

    @Test
    void binaryOptionsFollowPipsAllAndNoneRules() throws IOException {
        Path root = write("requirements.txt", """
                --only-binary :all:
                --no-binary Fast_Calc,report.kit
                --only-binary fast-calc
                --no-binary :none:,tiny_json
                """);
        PipOptions options = parser.parse(root).options();
        assertEquals(Set.of(":all:", "fast-calc"), options.onlyBinary());
        assertEquals(Set.of("tiny-json"), options.noBinary());
    }

    @Test
    void noBinaryAllClearsOnlyBinary() throws IOException {
        Path root = write("requirements.txt", "--only-binary=a,b\n--no-binary=:all:\n");
        PipOptions options = parser.parse(root).options();
        assertEquals(Set.of(), options.onlyBinary());
        assertEquals(Set.of(":all:"), options.noBinary());
    }

    @Test
    void binaryOptionWithoutValueIsAnError() throws IOException {
        Path root = write("requirements.txt", "--only-binary --pre\n");
        assertEquals(root + ":1: --only-binary requires a value: project names separated by commas, :all: or :none:"
                + " (got '--pre')", parseFails(root).getMessage());
    }

    @Test
    void useFeatureIsIgnoredWithANote() throws IOException {
        Path root = write("requirements.txt", "--use-feature=truststore\n");
        RequirementInputs inputs = parser.parse(root);
        assertEquals(List.of(root + ":1: --use-feature=truststore is ignored: it changes how pip works, not which"
                + " files it may choose"), inputs.warnings());
        assertEquals("--use-feature", inputs.options().settings().get(0).option());
    }

    @Test
    void editableRequirementsAreRecorded() throws IOException {
        Path root = write("requirements.txt", "-e ./lib\n--editable=git+https://host/repo.git#egg=repo\n");
        RequirementInputs inputs = parser.parse(root);
        assertEquals(List.of("./lib", "git+https://host/repo.git#egg=repo"), texts(inputs.requirements()));
        assertTrue(inputs.requirements().stream().allMatch(RequirementEntry::editable));
        assertEquals(RequirementKind.PATH, inputs.requirements().get(0).kind());
        assertEquals(RequirementKind.URL, inputs.requirements().get(1).kind());
    }

    @Test
    void twoEditablesOnALineAreAnError() throws IOException {
        Path root = write("requirements.txt", "-e ./a -e ./b\n");
        assertEquals(root + ":1: more than one -e/--editable on a line (pip would use only the first); put each on"
                + " its own line", parseFails(root).getMessage());
    }

    @Test
    void classifiesLegacyRequirementForms() throws IOException {
        Path root = write("requirements.txt", """
                ./dist/pkg-1.0-py3-none-any.whl
                pkg-2.0.tar.gz
                https://host/x-1.0.tar.gz
                name @ https://host/name-1.0.tar.gz
                name[extra]==1.0 ; python_version < "3.8"
                .
                """);
        RequirementInputs inputs = parser.parse(root);
        assertEquals(List.of(RequirementKind.PATH, RequirementKind.PATH, RequirementKind.URL, RequirementKind.NAMED,
                RequirementKind.NAMED, RequirementKind.PATH),
                inputs.requirements().stream().map(RequirementEntry::kind).toList());
        assertEquals("name[extra]==1.0 ; python_version < \"3.8\"", inputs.requirements().get(4).text());
    }

    @Test
    void readsUtf8WithByteOrderMark() throws IOException {
        Path root = dir.resolve("requirements.txt");
        byte[] body = "tinyjson==1.0\n# caf\u00e9\n".getBytes(StandardCharsets.UTF_8);
        byte[] data = new byte[body.length + 3];
        data[0] = (byte) 0xEF;
        data[1] = (byte) 0xBB;
        data[2] = (byte) 0xBF;
        System.arraycopy(body, 0, data, 3, body.length);
        Files.write(root, data);
        assertEquals(List.of("tinyjson==1.0"), texts(parser.parse(root).requirements()));
    }

    @Test
    void readsUtf16WithByteOrderMark() throws IOException {
        Path root = dir.resolve("requirements.txt");
        byte[] body = "tinyjson==1.0\r\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] data = new byte[body.length + 2];
        data[0] = (byte) 0xFF;
        data[1] = (byte) 0xFE;
        System.arraycopy(body, 0, data, 2, body.length);
        Files.write(root, data);
        assertEquals(List.of("tinyjson==1.0"), texts(parser.parse(root).requirements()));
    }

    @Test
    void honoursACodingDeclaration() throws IOException {
        Path root = dir.resolve("requirements.txt");
        Files.write(root, "# -*- coding: latin-1 -*-\npkg @ file:///caf\u00e9/pkg-1.0.tar.gz\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(List.of("pkg @ file:///caf\u00e9/pkg-1.0.tar.gz"), texts(parser.parse(root).requirements()));
    }

    @Test
    void invalidUtf8IsReportedWithLineAndColumn() throws IOException {
        Path root = dir.resolve("requirements.txt");
        Files.write(root, "tinyjson\n# caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        RequirementsFileException e = parseFails(root);
        assertEquals(root + ":2:6: bytes 0xE9 are not valid UTF-8; save the file as UTF-8 (a byte-order mark is"
                + " allowed)", e.getMessage());
        assertEquals(2, e.line());
        assertEquals(6, e.column());
    }

    @Test
    void parsesTenThousandLines() throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            if (i % 10 == 0) {
                b.append("# group ").append(i).append('\n');
            }
            b.append("package-").append(i).append("==1.").append(i)
                    .append(" \\\n    --hash=sha256:").append(Integer.toHexString(i)).append('\n');
        }
        Path root = write("requirements.txt", b.toString());
        long start = System.nanoTime();
        RequirementInputs inputs = parser.parse(root);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(10_000, inputs.requirements().size());
        RequirementEntry last = inputs.requirements().get(9_999);
        assertEquals("package-9999==1.9999", last.text());
        assertEquals(List.of("sha256:270f"), last.hashes());
        assertEquals(20_999, last.origin().line());
        // timed for the test output only: a loaded CI machine must not fail it
        System.out.printf("RequirementsFileParserTest: 10,000 requirements parsed in %d ms%n", millis);
    }

    @Test
    void blankAndCommentOnlyFileGivesNothing() throws IOException {
        Path root = write("requirements.txt", "\n   \n# only comments\n");
        RequirementInputs inputs = parser.parse(root);
        assertEquals(List.of(), inputs.requirements());
        assertNull(inputs.options().indexUrl());
    }
}
