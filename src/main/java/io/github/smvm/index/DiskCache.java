package io.github.smvm.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.smvm.fs.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * A directory of cached HTTP bodies (index pages, core metadata), shared safely by concurrent builds.
 *
 * <p>Each entry is one file, {@code <directory>/v1/<namespace>/<ab>/<sha256 of the key>}: a one-line
 * JSON header (format, the redacted source URL, when it was stored, a few response facts, the body's
 * length and SHA-256), a newline, then the body. Files are written to a temporary sibling and renamed
 * over the entry ({@link AtomicFiles}), so a reader sees a whole old entry or a whole new one. An
 * entry whose header cannot be read or whose body does not match its length and checksum is
 * discarded (deleted, unless another build has replaced it meanwhile) and reported as a miss: a
 * cache entry is never trusted blindly.
 *
 * <p>Nothing secret is stored: keys are hashed, and the source URL is written through
 * {@link Urls#redactSecrets} (no user-info, no query values); callers key by URLs without user-info.
 * Failing to write is reported through the events consumer and otherwise ignored.
 */
public final class DiskCache {

    /** What happened, counted for the run's summary. */
    public enum Event {
        PAGE_FRESH, PAGE_REVALIDATED, PAGE_DOWNLOADED, METADATA_HIT, METADATA_DOWNLOADED, DISCARDED, WRITE_FAILED
    }

    /**
     * One entry.
     *
     * @param source the URL it came from, redacted
     * @param storedAt when it was written or last revalidated
     * @param meta response facts (no secrets)
     */
    public record Entry(String source, Instant storedAt, Map<String, String> meta, byte[] body) {
        public Entry {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(storedAt, "storedAt");
            meta = Map.copyOf(meta);
            Objects.requireNonNull(body, "body");
        }

        /** Whether the entry is at most {@code ttl} old at {@code now} (an entry from the future is not). */
        public boolean freshAt(Instant now, Duration ttl) {
            Duration age = Duration.between(storedAt, now);
            return !age.isNegative() && age.compareTo(ttl) <= 0;
        }
    }

    private static final int FORMAT = 1;
    private static final Pattern NAMESPACE = Pattern.compile("[a-z]+");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;
    private final Path root;
    private final Clock clock;
    private final Consumer<String> events;
    private final Map<Event, AtomicInteger> counts = new EnumMap<>(Event.class);

    /**
     * @param directory the cache directory (created when first written)
     * @param events receives a line for every discarded entry and failed write (for a debug log)
     */
    public DiskCache(Path directory, Clock clock, Consumer<String> events) {
        this.directory = directory.toAbsolutePath().normalize();
        this.root = this.directory.resolve("v" + FORMAT);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.events = Objects.requireNonNull(events, "events");
        for (Event e : Event.values()) {
            counts.put(e, new AtomicInteger());
        }
    }

    public Path directory() {
        return directory;
    }

    public Clock clock() {
        return clock;
    }

    /** The file of an entry. */
    Path file(String namespace, String key) {
        if (!NAMESPACE.matcher(namespace).matches()) {
            throw new IllegalArgumentException("invalid cache namespace '" + namespace + "'");
        }
        String hash = HexFormat.of().formatHex(sha256(key.getBytes(StandardCharsets.UTF_8)));
        return root.resolve(namespace).resolve(hash.substring(0, 2)).resolve(hash);
    }

    /** The entry, or empty when there is none or it was corrupt (then it is discarded). */
    public Optional<Entry> read(String namespace, String key) {
        Path file = file(namespace, key);
        byte[] bytes;
        Object fileKey;
        try {
            fileKey = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            events.accept("cache: cannot read " + file + ": " + e.getMessage());
            return Optional.empty();
        }
        try {
            return Optional.of(parse(bytes));
        } catch (CorruptEntry e) {
            discard(file, fileKey, e.getMessage());
            return Optional.empty();
        }
    }

    /** Writes (or replaces) an entry stamped with the current time; a failure is reported, not thrown. */
    public void write(String namespace, String key, URI source, Map<String, String> meta, byte[] body) {
        Path file = file(namespace, key);
        ObjectNode header = JSON.createObjectNode();
        header.put("format", FORMAT);
        header.put("source", Urls.redactSecrets(source));
        header.put("stored_at", clock.instant().toString());
        ObjectNode m = header.putObject("meta");
        meta.forEach(m::put);
        header.put("length", body.length);
        header.put("sha256", HexFormat.of().formatHex(sha256(body)));
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 512);
        try {
            out.write(JSON.writeValueAsBytes(header));
            out.write('\n');
            out.write(body);
            AtomicFiles.write(file, out.toByteArray());
        } catch (IOException e) {
            count(Event.WRITE_FAILED);
            events.accept("cache: cannot write " + file + ": " + e.getMessage());
        }
    }

    /** Counts an event for {@link #summary()}. */
    public void count(Event event) {
        counts.get(event).incrementAndGet();
    }

    /** How often each event happened in this instance. */
    public Map<Event, Integer> counts() {
        Map<Event, Integer> result = new LinkedHashMap<>();
        counts.forEach((k, v) -> result.put(k, v.get()));
        return result;
    }

    /** One line on what the cache did, e.g. {@code cache /x: 3 pages fresh, 1 revalidated (304), ...}. */
    public String summary() {
        Map<Event, Integer> c = counts();
        StringBuilder s = new StringBuilder("cache ").append(directory).append(": ")
                .append(c.get(Event.PAGE_FRESH)).append(" pages fresh, ")
                .append(c.get(Event.PAGE_REVALIDATED)).append(" revalidated (304), ")
                .append(c.get(Event.PAGE_DOWNLOADED)).append(" downloaded; metadata: ")
                .append(c.get(Event.METADATA_HIT)).append(" from the cache, ")
                .append(c.get(Event.METADATA_DOWNLOADED)).append(" downloaded");
        if (c.get(Event.DISCARDED) > 0) {
            s.append("; ").append(c.get(Event.DISCARDED)).append(" corrupt entries discarded");
        }
        if (c.get(Event.WRITE_FAILED) > 0) {
            s.append("; ").append(c.get(Event.WRITE_FAILED)).append(" writes failed");
        }
        return s.toString();
    }

    private void discard(Path file, Object fileKey, String why) {
        count(Event.DISCARDED);
        events.accept("cache: discarded corrupt entry " + file + " (" + why + ")");
        try {
            // another build may have replaced the entry since it was read: leave a new file alone
            Object now = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
            if (fileKey == null || fileKey.equals(now)) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // gone already, or not deletable: it stays a miss either way
        }
    }

    private static Entry parse(byte[] bytes) throws CorruptEntry {
        int newline = -1;
        for (int i = 0; i < Math.min(bytes.length, 1 << 16); i++) {
            if (bytes[i] == '\n') {
                newline = i;
                break;
            }
        }
        if (newline < 0) {
            throw new CorruptEntry("no header line");
        }
        JsonNode header;
        try {
            header = JSON.readTree(new String(bytes, 0, newline, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new CorruptEntry("unreadable header");
        }
        if (header == null || !header.isObject() || header.path("format").asInt(-1) != FORMAT) {
            throw new CorruptEntry("unknown format");
        }
        byte[] body = Arrays.copyOfRange(bytes, newline + 1, bytes.length);
        if (!header.path("length").canConvertToLong() || header.path("length").asLong() != body.length) {
            throw new CorruptEntry("body of " + body.length + " bytes, header says " + header.path("length"));
        }
        String sha = header.path("sha256").asText("");
        if (!sha.equalsIgnoreCase(HexFormat.of().formatHex(sha256(body)))) {
            throw new CorruptEntry("checksum mismatch");
        }
        Instant storedAt;
        try {
            storedAt = Instant.parse(header.path("stored_at").asText(""));
        } catch (DateTimeParseException e) {
            throw new CorruptEntry("unreadable stored_at");
        }
        Map<String, String> meta = new LinkedHashMap<>();
        JsonNode m = header.path("meta");
        if (!m.isObject()) {
            throw new CorruptEntry("no meta");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = m.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            meta.put(f.getKey(), f.getValue().asText());
        }
        return new Entry(header.path("source").asText(""), storedAt, meta, body);
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /**
     * The default cache directory: {@code %LOCALAPPDATA%\smvm\cache} on Windows,
     * {@code ~/Library/Caches/smvm} on macOS, else {@code $XDG_CACHE_HOME/smvm} (when absolute) or
     * {@code ~/.cache/smvm}.
     */
    public static Path defaultDirectory(Map<String, String> environment, Path home, String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String local = environment.get("LOCALAPPDATA");
            Path base = local != null && !local.isBlank() ? Path.of(local) : home.resolve("AppData").resolve("Local");
            return base.resolve("smvm").resolve("cache");
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library").resolve("Caches").resolve("smvm");
        }
        String xdg = environment.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg).resolve("smvm");
        }
        return home.resolve(".cache").resolve("smvm");
    }

    private static final class CorruptEntry extends Exception {
        private static final long serialVersionUID = 1L;

        CorruptEntry(String message) {
            super(message);
        }
    }
}
