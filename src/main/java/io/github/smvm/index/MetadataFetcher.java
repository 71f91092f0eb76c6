package io.github.smvm.index;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Gets the core metadata ({@code METADATA}) of a distribution file without installing it.
 *
 * <ol>
 *   <li>If the index says the metadata is served separately ({@link IndexFile#coreMetadata()}),
 *       GET {@code <file url>.metadata} (PEP 658) and check it against
 *       {@link IndexFile#coreMetadataHashes()}. A mismatch is an error; a 404 falls back to the
 *       wheel (as the file is still there).
 *   <li>Otherwise, for a wheel over http(s): a suffix range request ({@code Range: bytes=-65536})
 *       for the end-of-central-directory record and (usually) the central directory, then a range
 *       request for the METADATA entry's local header and data, which is inflated. A server that
 *       ignores {@code Range} (status 200) sends the whole file, which is used within the size cap
 *       (and checked against the file's hashes).
 *   <li>For a {@code file:} wheel: {@link ZipFile} (checked against the file's hashes if any).
 * </ol>
 *
 * The METADATA entry is chosen as pip does: the single top-level {@code *.dist-info} directory,
 * whose normalised name must start with the project's. Errors are {@link MetadataException}s with a
 * {@link MetadataException.Kind}.
 *
 * <p>With a {@link DiskCache}, the metadata of http(s) files is kept there: keyed by the wheel's
 * SHA-256 when the index lists one (else by the metadata file's SHA-256), such entries never expire,
 * since the file they describe cannot change; without a hash the entry is keyed by the URL (without
 * user-info) and used for {@code ttl}.
 */
public final class MetadataFetcher {

    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes\\s+(\\d+)-(\\d+)/(\\d+|\\*)");

    static final String NAMESPACE = "metadata";

    private final HttpTransport transport;
    private final long maxBytes;
    private final DiskCache cache;
    private final Duration ttl;

    public MetadataFetcher(HttpTransport transport, IndexOptions options) {
        this(transport, options, null, Duration.ZERO);
    }

    /**
     * @param cache where metadata of http(s) files is kept, or {@code null} for none
     * @param ttl how long an entry keyed by URL (no hash known) is used
     */
    public MetadataFetcher(HttpTransport transport, IndexOptions options, DiskCache cache, Duration ttl) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.maxBytes = options.maxBytes();
        this.cache = cache;
        this.ttl = Objects.requireNonNull(ttl, "ttl");
    }

    /** The METADATA text (UTF-8) of {@code file}. */
    public String fetchMetadata(IndexFile file) throws MetadataException {
        byte[] bytes = cache != null && isHttp(file) ? cached(file) : fetchMetadataBytes(file);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static boolean isHttp(IndexFile file) {
        String scheme = file.url().getScheme() == null ? "" : file.url().getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("http") || scheme.equals("https");
    }

    private byte[] cached(IndexFile file) throws MetadataException {
        String wheelHash = file.hashes().get("sha256");
        String metadataHash = file.coreMetadata() ? file.coreMetadataHashes().get("sha256") : null;
        String key;
        boolean immutable = true;
        if (wheelHash != null) {
            key = "wheel-sha256:" + wheelHash.toLowerCase(Locale.ROOT);
        } else if (metadataHash != null) {
            key = "metadata-sha256:" + metadataHash.toLowerCase(Locale.ROOT);
        } else {
            key = "url:" + Urls.withoutUserInfo(file.url());
            immutable = false;
        }
        Optional<DiskCache.Entry> entry = cache.read(NAMESPACE, key);
        if (entry.isPresent() && (immutable || entry.get().freshAt(cache.clock().instant(), ttl))) {
            if (metadataHash == null || wheelHash != null
                    || HexFormat.of().formatHex(DiskCache.sha256(entry.get().body())).equalsIgnoreCase(metadataHash)) {
                cache.count(DiskCache.Event.METADATA_HIT);
                return entry.get().body();
            }
        }
        byte[] bytes = fetchMetadataBytes(file);
        cache.write(NAMESPACE, key, file.url(), Map.of("filename", file.filename()), bytes);
        cache.count(DiskCache.Event.METADATA_DOWNLOADED);
        return bytes;
    }

    private byte[] fetchMetadataBytes(IndexFile file) throws MetadataException {
        String scheme = file.url().getScheme() == null ? "" : file.url().getScheme().toLowerCase(Locale.ROOT);
        boolean http = scheme.equals("http") || scheme.equals("https");
        if (!http && !scheme.equals("file")) {
            throw new MetadataException(MetadataException.Kind.UNSUPPORTED,
                    "unsupported URL scheme '" + scheme + "' for " + file.filename());
        }
        if (file.coreMetadata()) {
            byte[] sidecar = http ? sidecarHttp(file) : sidecarFile(file);
            if (sidecar != null) {
                return sidecar;
            }
        }
        if (!file.filename().toLowerCase(Locale.ROOT).endsWith(".whl")) {
            throw new MetadataException(MetadataException.Kind.UNSUPPORTED, file.filename()
                    + " is not a wheel and the index serves no separate metadata for it");
        }
        return http ? fromHttpWheel(file) : fromLocalWheel(file);
    }

    // ---- PEP 658 ----

    private byte[] sidecarHttp(IndexFile file) throws MetadataException {
        URI url = URI.create(file.url().toString() + ".metadata");
        HttpTransport.Response r = get(url, Map.of());
        if (r.status() == 404) {
            return null;
        }
        if (!r.isSuccess()) {
            throw new MetadataException(MetadataException.Kind.IO,
                    "HTTP status " + r.status() + " from " + Urls.redactSecrets(r.finalUrl()));
        }
        verify(r.body(), file.coreMetadataHashes(), "metadata of " + file.filename());
        return r.body();
    }

    private byte[] sidecarFile(IndexFile file) throws MetadataException {
        Path p = Path.of(URI.create(file.url().toString() + ".metadata"));
        if (!Files.isRegularFile(p)) {
            return null;
        }
        byte[] body = readLocal(p);
        verify(body, file.coreMetadataHashes(), "metadata of " + file.filename());
        return body;
    }

    // ---- http(s) wheels ----

    private byte[] fromHttpWheel(IndexFile file) throws MetadataException {
        HttpTransport.Response r = get(file.url(), Map.of("Range", "bytes=-" + WheelZip.TAIL));
        WheelZip.ByteSource src;
        if (r.status() == 206) {
            src = rangeSource(file, r);
        } else if (r.isSuccess()) {
            verify(r.body(), file.hashes(), file.filename());
            src = WheelZip.of(r.body());
        } else if (r.status() == 416) {
            HttpTransport.Response whole = get(file.url(), Map.of());
            if (!whole.isSuccess()) {
                throw status(whole, file);
            }
            verify(whole.body(), file.hashes(), file.filename());
            src = WheelZip.of(whole.body());
        } else {
            throw status(r, file);
        }
        return fromZip(src, file.filename());
    }

    private WheelZip.ByteSource rangeSource(IndexFile file, HttpTransport.Response first) throws MetadataException {
        long[] range = contentRange(first, file);
        long tailStart = range[0];
        long size = range[2];
        byte[] tail = first.body();
        if (tailStart + tail.length != size) {
            throw new MetadataException(MetadataException.Kind.IO, "suffix range response for " + file.filename()
                    + " does not end at the end of the file");
        }
        URI url = file.url();
        return new WheelZip.ByteSource() {
            @Override
            public long size() {
                return size;
            }

            @Override
            public byte[] read(long offset, int length) throws MetadataException {
                if (offset < 0 || length < 0 || offset + length > size) {
                    throw WheelZip.malformed("read past the end of the file (offset " + offset + ", length "
                            + length + ")");
                }
                if (offset >= tailStart) {
                    byte[] out = new byte[length];
                    System.arraycopy(tail, (int) (offset - tailStart), out, 0, length);
                    return out;
                }
                if (length == 0) {
                    return new byte[0];
                }
                HttpTransport.Response r = get(url, Map.of("Range", "bytes=" + offset + "-" + (offset + length - 1)));
                if (r.status() == 206) {
                    long[] got = contentRange(r, file);
                    if (got[0] != offset || r.body().length < length) {
                        throw new MetadataException(MetadataException.Kind.IO, "range response for "
                                + file.filename() + " starts at " + got[0] + ", asked for " + offset);
                    }
                    byte[] out = new byte[length];
                    System.arraycopy(r.body(), 0, out, 0, length);
                    return out;
                }
                if (r.status() == 200 && r.body().length == size) {
                    byte[] out = new byte[length];
                    System.arraycopy(r.body(), (int) offset, out, 0, length);
                    return out;
                }
                throw status(r, file);
            }
        };
    }

    private static long[] contentRange(HttpTransport.Response r, IndexFile file) throws MetadataException {
        String cr = r.header("Content-Range").orElse("");
        Matcher m = CONTENT_RANGE.matcher(cr.strip());
        if (!m.matches() || m.group(3).equals("*")) {
            throw new MetadataException(MetadataException.Kind.IO, "unusable Content-Range '" + cr + "' for "
                    + file.filename());
        }
        long start = Long.parseLong(m.group(1));
        long end = Long.parseLong(m.group(2));
        long total = Long.parseLong(m.group(3));
        if (end < start || end >= total || r.body().length != end - start + 1) {
            throw new MetadataException(MetadataException.Kind.IO, "inconsistent Content-Range '" + cr + "' for "
                    + file.filename() + " (body of " + r.body().length + " bytes)");
        }
        return new long[] {start, end, total};
    }

    private byte[] fromZip(WheelZip.ByteSource src, String filename) throws MetadataException {
        WheelZip.Directory dir = WheelZip.directory(src, maxBytes);
        List<String> names = new ArrayList<>();
        for (WheelZip.Entry e : dir.entries()) {
            names.add(e.name());
        }
        String path = WheelZip.metadataPath(names, filename);
        for (WheelZip.Entry e : dir.entries()) {
            if (e.name().equals(path)) {
                return WheelZip.readEntry(src, dir, e, maxBytes);
            }
        }
        throw new IllegalStateException("unreachable");
    }

    // ---- local wheels ----

    private byte[] fromLocalWheel(IndexFile file) throws MetadataException {
        Path p;
        try {
            p = Path.of(file.url());
        } catch (IllegalArgumentException e) {
            throw new MetadataException(MetadataException.Kind.IO, "invalid file URL " + file.url() + ": "
                    + e.getMessage());
        }
        if (!Files.isRegularFile(p)) {
            throw new MetadataException(MetadataException.Kind.NOT_FOUND, p + " does not exist");
        }
        if (!file.hashes().isEmpty()) {
            verifyFile(p, file.hashes(), file.filename());
        }
        try (ZipFile zip = new ZipFile(p.toFile())) {
            List<String> names = new ArrayList<>();
            Enumeration<? extends ZipEntry> en = zip.entries();
            while (en.hasMoreElements()) {
                names.add(en.nextElement().getName());
            }
            String path = WheelZip.metadataPath(names, file.filename());
            ZipEntry entry = zip.getEntry(path);
            if (entry.getSize() > maxBytes) {
                throw new MetadataException(MetadataException.Kind.TOO_LARGE, path + " exceeds the size limit of "
                        + maxBytes + " bytes");
            }
            try (InputStream in = zip.getInputStream(entry)) {
                byte[] data = JdkHttpTransport.readCapped(in, maxBytes);
                if (data == null) {
                    throw new MetadataException(MetadataException.Kind.TOO_LARGE, path
                            + " exceeds the size limit of " + maxBytes + " bytes");
                }
                return data;
            }
        } catch (ZipException e) {
            throw new MetadataException(MetadataException.Kind.MALFORMED_ZIP, p + " is not a valid zip: "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new MetadataException(MetadataException.Kind.IO, "cannot read " + p + ": " + e, e);
        }
    }

    private byte[] readLocal(Path p) throws MetadataException {
        try (InputStream in = Files.newInputStream(p)) {
            byte[] data = JdkHttpTransport.readCapped(in, maxBytes);
            if (data == null) {
                throw new MetadataException(MetadataException.Kind.TOO_LARGE, p + " exceeds the size limit of "
                        + maxBytes + " bytes");
            }
            return data;
        } catch (NoSuchFileException e) {
            throw new MetadataException(MetadataException.Kind.NOT_FOUND, p + " does not exist", e);
        } catch (IOException e) {
            throw new MetadataException(MetadataException.Kind.IO, "cannot read " + p + ": " + e, e);
        }
    }

    // ---- helpers ----

    private HttpTransport.Response get(URI url, Map<String, String> headers) throws MetadataException {
        try {
            HttpTransport.Response r = transport.get(url, headers);
            return r;
        } catch (TransportException e) {
            MetadataException.Kind kind = e.kind() == TransportException.Kind.TOO_LARGE
                    ? MetadataException.Kind.TOO_LARGE : MetadataException.Kind.IO;
            throw new MetadataException(kind, e.getMessage(), e);
        }
    }

    private static MetadataException status(HttpTransport.Response r, IndexFile file) {
        if (r.status() == 404 || r.status() == 410) {
            return new MetadataException(MetadataException.Kind.NOT_FOUND,
                    file.filename() + " not found: HTTP status " + r.status() + " from " + Urls.redactSecrets(r.finalUrl()));
        }
        return new MetadataException(MetadataException.Kind.IO,
                "HTTP status " + r.status() + " from " + Urls.redactSecrets(r.finalUrl()) + " for " + file.filename());
    }

    private static void verify(byte[] data, Map<String, String> hashes, String what) throws MetadataException {
        for (Map.Entry<String, String> h : hashes.entrySet()) {
            MessageDigest md = digest(h.getKey());
            if (md == null) {
                continue;
            }
            String actual = HexFormat.of().formatHex(md.digest(data));
            if (!actual.equalsIgnoreCase(h.getValue())) {
                throw new MetadataException(MetadataException.Kind.HASH_MISMATCH, what + ": " + h.getKey()
                        + " is " + actual + ", the index says " + h.getValue());
            }
        }
    }

    private void verifyFile(Path p, Map<String, String> hashes, String what) throws MetadataException {
        for (Map.Entry<String, String> h : hashes.entrySet()) {
            MessageDigest md = digest(h.getKey());
            if (md == null) {
                continue;
            }
            try (InputStream in = Files.newInputStream(p)) {
                byte[] buf = new byte[65536];
                int n;
                while ((n = in.read(buf)) > 0) {
                    md.update(buf, 0, n);
                }
            } catch (IOException e) {
                throw new MetadataException(MetadataException.Kind.IO, "cannot read " + p + ": " + e, e);
            }
            String actual = HexFormat.of().formatHex(md.digest());
            if (!actual.equalsIgnoreCase(h.getValue())) {
                throw new MetadataException(MetadataException.Kind.HASH_MISMATCH, what + ": " + h.getKey()
                        + " is " + actual + ", the index says " + h.getValue());
            }
        }
    }

    private static MessageDigest digest(String algo) {
        String jdk = switch (algo.toLowerCase(Locale.ROOT)) {
            case "sha1" -> "SHA-1";
            case "sha224" -> "SHA-224";
            case "sha256" -> "SHA-256";
            case "sha384" -> "SHA-384";
            case "sha512" -> "SHA-512";
            case "md5" -> "MD5";
            default -> null;
        };
        if (jdk == null) {
            return null;
        }
        try {
            return MessageDigest.getInstance(jdk);
        } catch (NoSuchAlgorithmException e) {
            return null;
        }
    }
}
