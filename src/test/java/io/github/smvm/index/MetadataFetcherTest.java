package io.github.smvm.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetadataFetcherTest {

    private static final String WHEEL = "foo-1.0-py3-none-any.whl";
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    @TempDir
    Path tmp;

    private TestServer server;
    private final AtomicLong bytesSent = new AtomicLong();

    @BeforeEach
    void start() throws IOException {
        server = new TestServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Serves {@code body}, honouring single byte ranges ({@code a-b}, {@code a-}, {@code -n}). */
    private TestServer.Handler ranged(byte[] body) {
        return ex -> {
            String range = ex.getRequestHeaders().getFirst("Range");
            if (range == null) {
                bytesSent.addAndGet(body.length);
                TestServer.send(ex, 200, "application/octet-stream", body);
                return;
            }
            Matcher m = RANGE.matcher(range);
            if (!m.matches()) {
                TestServer.send(ex, 416, null, new byte[0]);
                return;
            }
            long start;
            long end;
            if (m.group(1).isEmpty()) {
                long n = Long.parseLong(m.group(2));
                start = Math.max(0, body.length - n);
                end = body.length - 1;
            } else {
                start = Long.parseLong(m.group(1));
                end = m.group(2).isEmpty() ? body.length - 1 : Math.min(Long.parseLong(m.group(2)), body.length - 1);
            }
            if (start >= body.length || start > end) {
                ex.getResponseHeaders().set("Content-Range", "bytes */" + body.length);
                TestServer.send(ex, 416, null, new byte[0]);
                return;
            }
            int len = (int) (end - start + 1);
            ex.getResponseHeaders().set("Content-Range", "bytes " + start + "-" + end + "/" + body.length);
            ex.getResponseHeaders().set("Content-Type", "application/octet-stream");
            ex.sendResponseHeaders(206, len);
            bytesSent.addAndGet(len);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body, (int) start, len);
            }
        };
    }

    private static TestServer.Handler ignoringRange(byte[] body) {
        return ex -> TestServer.send(ex, 200, "application/octet-stream", body);
    }

    private MetadataFetcher fetcher(IndexOptions o) {
        return new MetadataFetcher(new JdkHttpTransport(o), o);
    }

    private MetadataFetcher fetcher() {
        return fetcher(IndexOptions.defaults());
    }

    private IndexFile httpWheel(String name) {
        return IndexFile.plain(name, server.url("/files/" + name));
    }

    private List<String> ranges() {
        return server.requests.stream().map(r -> r.path() + " " + r.headers().getFirst("Range")).toList();
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    @Test
    void rangeRequestsReadTheTailThenOnlyTheMetadataEntry() throws Exception {
        byte[] wheel = Wheels.build(new Wheels.Spec("foo-1.0.dist-info", false, 200_000, 0, true));
        server.on("/files/" + WHEEL, ranged(wheel));
        assertEquals(Wheels.METADATA, fetcher().fetchMetadata(httpWheel(WHEEL)));
        assertEquals(2, server.requests.size());
        assertEquals("/files/" + WHEEL + " bytes=-65536", ranges().get(0));
        assertTrue(ranges().get(1).startsWith("/files/" + WHEEL + " bytes=0-"), ranges().get(1));
        assertTrue(bytesSent.get() < 70_000, "sent " + bytesSent.get() + " of " + wheel.length);
        assertEquals(null, server.requests.get(0).headers().getFirst("Accept-Encoding"));
    }

    @Test
    void centralDirectoryBeyondTheTailIsFetchedWithASecondRange() throws Exception {
        byte[] wheel = Wheels.build(new Wheels.Spec("foo-1.0.dist-info", false, 0, 1500, false));
        server.on("/files/" + WHEEL, ranged(wheel));
        assertEquals(Wheels.METADATA, fetcher().fetchMetadata(httpWheel(WHEEL)));
        assertEquals(3, server.requests.size(), ranges().toString());
        assertTrue(bytesSent.get() < wheel.length, "sent " + bytesSent.get() + " of " + wheel.length);
    }

    @Test
    void storedMetadataEntryIsRead() throws Exception {
        byte[] wheel = Wheels.build(new Wheels.Spec("foo-1.0.dist-info", true, 100_000, 0, true));
        server.on("/files/" + WHEEL, ranged(wheel));
        assertEquals(Wheels.METADATA, fetcher().fetchMetadata(httpWheel(WHEEL)));
    }

    @Test
    void serverIgnoringRangeSendsTheWholeFileWhichIsUsed() throws Exception {
        byte[] wheel = Wheels.build(new Wheels.Spec("foo-1.0.dist-info", false, 100_000, 0, true));
        server.on("/files/" + WHEEL, ignoringRange(wheel));
        IndexFile f = new IndexFile(WHEEL, server.url("/files/" + WHEEL), Map.of("sha256", sha256(wheel)), null,
                false, null, false, Map.of());
        assertEquals(Wheels.METADATA, fetcher().fetchMetadata(f));
        assertEquals(1, server.requests.size());
    }

    @Test
    void wholeFileWithWrongHashIsAHashMismatch() throws Exception {
        byte[] wheel = Wheels.build(Wheels.spec());
        server.on("/files/" + WHEEL, ignoringRange(wheel));
        IndexFile f = new IndexFile(WHEEL, server.url("/files/" + WHEEL), Map.of("sha256", "00"), null,
                false, null, false, Map.of());
        MetadataException e = assertThrows(MetadataException.class, () -> fetcher().fetchMetadata(f));
        assertEquals(MetadataException.Kind.HASH_MISMATCH, e.kind());
        assertEquals(WHEEL + ": sha256 is " + sha256(wheel) + ", the index says 00", e.getMessage());
    }

    @Test
    void serverIgnoringRangeWithFileOverTheCapIsTooLarge() throws Exception {
        byte[] wheel = Wheels.build(new Wheels.Spec("foo-1.0.dist-info", false, 100_000, 0, true));
        server.on("/files/" + WHEEL, ignoringRange(wheel));
        MetadataException e = assertThrows(MetadataException.class,
                () -> fetcher(IndexOptions.defaults().withMaxBytes(50_000)).fetchMetadata(httpWheel(WHEEL)));
        assertEquals(MetadataException.Kind.TOO_LARGE, e.kind());
    }

    @Test
    void pep658MetadataFileIsUsedAndVerified() throws Exception {
        byte[] meta = Wheels.METADATA.getBytes(StandardCharsets.UTF_8);
        server.on("/files/" + WHEEL + ".metadata", TestServer.respond(200, "application/octet-stream", Wheels.METADATA));
        IndexFile f = new IndexFile(WHEEL, server.url("/files/" + WHEEL), Map.of(), null, false, null, true,
                Map.of("sha256", sha256(meta)));
        assertEquals(Wheels.METADATA, fetcher().fetchMetadata(f));
        assertEquals(List.of("/files/" + WHEEL + ".metadata null"), ranges());
    }

    @Test
    void pep658MetadataWithWrongHashIsAHashMismatch() throws Exception {
        server.on("/files/" + WHEEL + ".metadata", TestServer.respond(200, "application/octet-stream", "tampered"));
        IndexFile f = new IndexFile(WHEEL, server.url("/files/" + WHEEL), Map.of(), null, false, null, true,
                Map.of("sha256", sha256(Wheels.METADATA.getBytes(StandardCharsets.UTF_8))));
        MetadataException e = assertThrows(MetadataException.class, () -> fetcher().fetchMetadata(f));
        assertEquals(MetadataException.Kind.HASH_MISMATCH, e.kind());
        assertTrue(e.getMessage().startsWith("metadata of " + WHEEL + ": sha256 is " + sha256("tampered".getBytes(
                StandardCharsets.UTF_8))), e.getMessage());
    }

    @Test
    void missingPep658MetadataFallsBackToTheWheel() throws Exception {
        byte[] wheel = Wheels.build(Wheels.spec());
        server.on("/files/" + WHEEL, ranged(wheel));
        IndexFile f = new IndexFile(WHEEL, server.url("/files/" + WHEEL), Map.of(), null, false, null, true, Map.of());
        assertEquals(Wheels.METADATA, fetcher().fetchMetadata(f));
        assertEquals("/files/" + WHEEL + ".metadata null", ranges().get(0));
    }

    @Test
    void corruptedMetadataEntryFailsTheCrcCheck() throws Exception {
        byte[] wheel = Wheels.build(new Wheels.Spec("foo-1.0.dist-info", true, 0, 0, true));
        int at = new String(wheel, StandardCharsets.ISO_8859_1).indexOf("Name: foo");
        wheel[at] = 'X';
        server.on("/files/" + WHEEL, ranged(wheel));
        MetadataException e = assertThrows(MetadataException.class, () -> fetcher().fetchMetadata(httpWheel(WHEEL)));
        assertEquals(MetadataException.Kind.MALFORMED_ZIP, e.kind());
        assertEquals("foo-1.0.dist-info/METADATA: CRC mismatch", e.getMessage());
    }

    @Test
    void rangeNotSatisfiableFallsBackToTheWholeFile() throws Exception {
        byte[] wheel = Wheels.build(Wheels.spec());
        server.on("/files/" + WHEEL, ex -> {
            if (ex.getRequestHeaders().getFirst("Range") != null) {
                TestServer.send(ex, 416, null, new byte[0]);
            } else {
                TestServer.send(ex, 200, "application/octet-stream", wheel);
            }
        });
        assertEquals(Wheels.METADATA, fetcher().fetchMetadata(httpWheel(WHEEL)));
        assertEquals(List.of("/files/" + WHEEL + " bytes=-65536", "/files/" + WHEEL + " null"), ranges());
    }

    @Test
    void missingWheelIsNotFound() {
        MetadataException e = assertThrows(MetadataException.class, () -> fetcher().fetchMetadata(httpWheel(WHEEL)));
        assertEquals(MetadataException.Kind.NOT_FOUND, e.kind());
        assertEquals(WHEEL + " not found: HTTP status 404 from " + server.url("/files/" + WHEEL), e.getMessage());
    }

    @Test
    void notAZipIsMalformed() throws Exception {
        server.on("/files/" + WHEEL, ranged("this is not a zip file at all, just text".repeat(10)
                .getBytes(StandardCharsets.UTF_8)));
        MetadataException e = assertThrows(MetadataException.class, () -> fetcher().fetchMetadata(httpWheel(WHEEL)));
        assertEquals(MetadataException.Kind.MALFORMED_ZIP, e.kind());
        assertEquals("no end-of-central-directory record in the last 400 bytes: not a zip file", e.getMessage());
    }

    @Test
    void twoDistInfoDirectoriesAreMalformedAsInPip() throws Exception {
        Path p = tmp.resolve(WHEEL);
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(p))) {
            Wheels.stored(zip, "foo-1.0.dist-info/METADATA", new byte[] {'a'});
            Wheels.stored(zip, "bar-1.0.dist-info/METADATA", new byte[] {'b'});
        }
        MetadataException e = assertThrows(MetadataException.class,
                () -> fetcher().fetchMetadata(IndexFile.plain(WHEEL, p.toUri())));
        assertEquals(MetadataException.Kind.MALFORMED_ZIP, e.kind());
        assertEquals(WHEEL + ": multiple .dist-info directories found: foo-1.0.dist-info, bar-1.0.dist-info",
                e.getMessage());
    }

    @Test
    void distInfoOfAnotherProjectIsMalformed() throws Exception {
        byte[] wheel = Wheels.build(new Wheels.Spec("other-1.0.dist-info", false, 0, 0, true));
        server.on("/files/" + WHEEL, ranged(wheel));
        MetadataException e = assertThrows(MetadataException.class, () -> fetcher().fetchMetadata(httpWheel(WHEEL)));
        assertEquals(WHEEL + ": .dist-info directory 'other-1.0.dist-info' does not start with 'foo'", e.getMessage());
    }

    @Test
    void localWheelIsReadWithZipFile() throws Exception {
        Path p = Files.write(tmp.resolve(WHEEL), Wheels.build(new Wheels.Spec("Foo-1.0.dist-info", false, 1000, 5, false)));
        assertEquals(Wheels.METADATA, fetcher().fetchMetadata(IndexFile.plain(WHEEL, p.toUri())));
    }

    @Test
    void localMetadataSiblingIsUsedWhenAdvertised() throws Exception {
        Path p = Files.write(tmp.resolve(WHEEL), new byte[] {1, 2, 3}); // not even a zip: must not be read
        Files.writeString(tmp.resolve(WHEEL + ".metadata"), Wheels.METADATA);
        IndexFile f = new IndexFile(WHEEL, p.toUri(), Map.of(), null, false, null, true, Map.of());
        assertEquals(Wheels.METADATA, fetcher().fetchMetadata(f));
    }

    @Test
    void missingLocalWheelIsNotFound() {
        Path p = tmp.resolve(WHEEL);
        MetadataException e = assertThrows(MetadataException.class,
                () -> fetcher().fetchMetadata(IndexFile.plain(WHEEL, p.toUri())));
        assertEquals(MetadataException.Kind.NOT_FOUND, e.kind());
        assertEquals(p + " does not exist", e.getMessage());
    }

    @Test
    void sdistWithoutIndexMetadataIsUnsupported() {
        MetadataException e = assertThrows(MetadataException.class,
                () -> fetcher().fetchMetadata(IndexFile.plain("foo-1.0.tar.gz", URI.create("https://x.example/foo-1.0.tar.gz"))));
        assertEquals(MetadataException.Kind.UNSUPPORTED, e.kind());
        assertEquals("foo-1.0.tar.gz is not a wheel and the index serves no separate metadata for it", e.getMessage());
        assertEquals(0, server.requests.size());
    }

    @Test
    void zip64ArchiveIsRead() throws Exception {
        // more than 65535 entries makes ZipOutputStream write zip64 end records
        byte[] wheel;
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(bytes)) {
            zip.setLevel(0);
            for (int i = 0; i < 65_600; i++) {
                zip.putNextEntry(new java.util.zip.ZipEntry("d/" + i));
                zip.closeEntry();
            }
            zip.putNextEntry(new java.util.zip.ZipEntry("foo-1.0.dist-info/METADATA"));
            zip.write(Wheels.METADATA.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        wheel = bytes.toByteArray();
        int[] reads = {0};
        WheelZip.ByteSource raw = WheelZip.of(wheel);
        WheelZip.ByteSource counting = new WheelZip.ByteSource() {
            @Override
            public long size() {
                return raw.size();
            }

            @Override
            public byte[] read(long offset, int length) throws MetadataException {
                reads[0]++;
                return raw.read(offset, length);
            }
        };
        WheelZip.Directory dir = WheelZip.directory(counting, Long.MAX_VALUE);
        assertEquals(65_601, dir.entries().size());
        WheelZip.Entry meta = dir.entries().get(65_600);
        assertEquals("foo-1.0.dist-info/METADATA", meta.name());
        assertEquals(Wheels.METADATA, new String(WheelZip.readEntry(counting, dir, meta, 1_000_000), StandardCharsets.UTF_8));
        assertTrue(wheel[wheel.length - 22] == 0x50, "plain EOCD present");
        // tail, zip64 record is in the tail, central directory, entry
        assertEquals(3, reads[0]);
    }
}
