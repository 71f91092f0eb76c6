package io.github.smvm.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Pep691JsonParserTest {

    private static final URI PAGE = URI.create("https://example.org/simple/foo/");

    private static String page(String files) {
        return "{\"meta\":{\"api-version\":\"1.1\"},\"name\":\"Foo\",\"files\":[" + files + "]}";
    }

    @Test
    void readsAllFieldsOfAFile() throws Exception {
        ProjectPage p = Pep691JsonParser.parse(PAGE, page("{\"filename\":\"foo-1.0-py3-none-any.whl\","
                + "\"url\":\"https://files.example.org/ab/foo-1.0-py3-none-any.whl\","
                + "\"hashes\":{\"sha256\":\"AA11\",\"blake2b\":\"zz\"},"
                + "\"requires-python\":\">=3.8\",\"yanked\":false,"
                + "\"core-metadata\":{\"sha256\":\"bb22\"}}"));
        assertEquals("foo", p.project());
        assertEquals(List.of(), p.warnings());
        IndexFile f = p.files().get(0);
        assertEquals(new IndexFile("foo-1.0-py3-none-any.whl",
                URI.create("https://files.example.org/ab/foo-1.0-py3-none-any.whl"), Map.of("sha256", "aa11"),
                ">=3.8", false, null, true, Map.of("sha256", "bb22")), f);
    }

    @Test
    void relativeUrlsResolveAgainstThePageUrl() throws Exception {
        ProjectPage p = Pep691JsonParser.parse(PAGE, page("{\"filename\":\"foo-1.0.tar.gz\",\"url\":\"../../f/foo-1.0.tar.gz\",\"hashes\":{}}"));
        assertEquals(URI.create("https://example.org/f/foo-1.0.tar.gz"), p.files().get(0).url());
    }

    @Test
    void yankedAsBooleanAndAsReason() throws Exception {
        ProjectPage p = Pep691JsonParser.parse(PAGE, page(
                "{\"url\":\"foo-1.0.tar.gz\",\"hashes\":{},\"yanked\":true},"
                        + "{\"url\":\"foo-1.1.tar.gz\",\"hashes\":{},\"yanked\":\"security issue\"},"
                        + "{\"url\":\"foo-1.2.tar.gz\",\"hashes\":{},\"yanked\":\"\"}"));
        assertTrue(p.files().get(0).yanked());
        assertNull(p.files().get(0).yankedReason());
        assertTrue(p.files().get(1).yanked());
        assertEquals("security issue", p.files().get(1).yankedReason());
        assertFalse(p.files().get(2).yanked(), "pip treats an empty yanked string as not yanked");
    }

    @Test
    void distInfoMetadataIsTheFallbackForCoreMetadata() throws Exception {
        ProjectPage p = Pep691JsonParser.parse(PAGE, page(
                "{\"url\":\"a-1.0-py3-none-any.whl\",\"hashes\":{},\"dist-info-metadata\":true},"
                        + "{\"url\":\"b-1.0-py3-none-any.whl\",\"hashes\":{},\"dist-info-metadata\":{\"sha256\":\"cc\"}},"
                        + "{\"url\":\"c-1.0-py3-none-any.whl\",\"hashes\":{},\"core-metadata\":false}"));
        assertTrue(p.files().get(0).coreMetadata());
        assertEquals(Map.of(), p.files().get(0).coreMetadataHashes());
        assertEquals(Map.of("sha256", "cc"), p.files().get(1).coreMetadataHashes());
        assertFalse(p.files().get(2).coreMetadata());
    }

    @Test
    void hashFragmentIsMergedWithHashesDictionary() throws Exception {
        ProjectPage p = Pep691JsonParser.parse(PAGE, page(
                "{\"url\":\"foo-1.0.tar.gz#md5=0a\",\"hashes\":{\"sha256\":\"ff\"}}"));
        assertEquals(Map.of("md5", "0a", "sha256", "ff"), p.files().get(0).hashes());
        assertEquals(URI.create("https://example.org/simple/foo/foo-1.0.tar.gz"), p.files().get(0).url());
    }

    @Test
    void malformedJsonNamesTheProblemAndItsPosition() {
        IndexFormatException e = assertThrows(IndexFormatException.class,
                () -> Pep691JsonParser.parse(PAGE, "{\"meta\": {\"api-version\": \"1.0\"},\n \"files\": [ {\"url\": }"));
        assertTrue(e.getMessage().startsWith("malformed JSON page https://example.org/simple/foo/ at line 2, column "),
                e.getMessage());
        assertTrue(e.getMessage().contains("Unexpected character ('}'"), e.getMessage());
    }

    @Test
    void truncatedJsonIsReported() {
        IndexFormatException e = assertThrows(IndexFormatException.class,
                () -> Pep691JsonParser.parse(PAGE, "{\"meta\": {\"api-version\": \"1.0\"}, \"files\": ["));
        assertTrue(e.getMessage().startsWith("malformed JSON page https://example.org/simple/foo/ at line 1"),
                e.getMessage());
        assertTrue(e.getMessage().contains("end-of-input"), e.getMessage());
    }

    @Test
    void apiVersionTwoIsRejected() {
        IndexFormatException e = assertThrows(IndexFormatException.class,
                () -> Pep691JsonParser.parse(PAGE, "{\"meta\":{\"api-version\":\"2.0\"},\"files\":[]}"));
        assertEquals("JSON page https://example.org/simple/foo/ uses repository API version 2.0, "
                + "but only major version 1 is supported", e.getMessage());
    }

    @Test
    void unknownMinorVersionIsAWarning() throws Exception {
        ProjectPage p = Pep691JsonParser.parse(PAGE, "{\"meta\":{\"api-version\":\"1.7\"},\"files\":[]}");
        assertEquals(List.of("JSON page https://example.org/simple/foo/ uses repository API version 1.7, "
                + "newer than the supported 1.4; reading it as 1.4"), p.warnings());
    }

    @Test
    void missingApiVersionIsAWarning() throws Exception {
        ProjectPage p = Pep691JsonParser.parse(PAGE, "{\"files\":[]}");
        assertEquals(List.of("JSON page https://example.org/simple/foo/ has no meta.api-version; assuming 1.0"),
                p.warnings());
    }

    @Test
    void fileWithoutUrlIsAnErrorNamingTheEntry() {
        IndexFormatException e = assertThrows(IndexFormatException.class,
                () -> Pep691JsonParser.parse(PAGE, page("{\"url\":\"a-1.tar.gz\",\"hashes\":{}},{\"filename\":\"x\"}")));
        assertEquals("JSON page https://example.org/simple/foo/: files[1].url is missing or not a string", e.getMessage());
    }

    @Test
    void wrongTypeOfYankedIsAnError() {
        IndexFormatException e = assertThrows(IndexFormatException.class,
                () -> Pep691JsonParser.parse(PAGE, page("{\"url\":\"a-1.tar.gz\",\"yanked\":3}")));
        assertEquals("JSON page https://example.org/simple/foo/: files[0].yanked is neither a boolean nor a string",
                e.getMessage());
    }

    @Test
    void hostileFileNamesAreSkippedWithWarnings() throws Exception {
        ProjectPage p = Pep691JsonParser.parse(PAGE, page(
                "{\"filename\":\"../evil.whl\",\"url\":\"..%2Fevil.whl\",\"hashes\":{}},"
                        + "{\"filename\":\"a/b.whl\",\"url\":\"a%2Fb.whl\",\"hashes\":{}},"
                        + "{\"filename\":\"ok-1.0.tar.gz\",\"url\":\"ok-1.0.tar.gz\",\"hashes\":{}}"));
        assertEquals(List.of("ok-1.0.tar.gz"), p.files().stream().map(IndexFile::filename).toList());
        assertEquals(List.of(
                "skipped link https://example.org/simple/foo/..%2Fevil.whl: file name '../evil.whl' contains '..'",
                "skipped link https://example.org/simple/foo/a%2Fb.whl: file name 'a/b.whl' contains a path separator"),
                p.warnings());
    }

    @Test
    void filenameKeyDifferingFromUrlIsAWarningAndTheUrlNameWins() throws Exception {
        ProjectPage p = Pep691JsonParser.parse(PAGE, page("{\"filename\":\"other-1.0.tar.gz\",\"url\":\"foo-1.0.tar.gz\",\"hashes\":{}}"));
        assertEquals("foo-1.0.tar.gz", p.files().get(0).filename());
        assertEquals(List.of("files[0]: filename 'other-1.0.tar.gz' differs from the URL's file name "
                + "'foo-1.0.tar.gz'; using the URL's (as pip does)"), p.warnings());
    }
}
