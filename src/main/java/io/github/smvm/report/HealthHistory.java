package io.github.smvm.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.smvm.fs.AtomicFiles;
import io.github.smvm.json.JsonTrees;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code .smvm/wheel-health-history.jsonl}: one JSON line per assessment, oldest first, at most a given
 * number of lines. Reading is tolerant: a line that is not a JSON object (a torn write, a hand edit) is
 * counted and skipped, never fatal. Appending rewrites the capped file atomically under a lock file
 * beside it, so concurrent builds of the same project neither tear the file nor lose each other's line.
 */
public final class HealthHistory {

    /** The file name inside {@code ${project.basedir}/.smvm}. */
    public static final String FILE_NAME = "wheel-health-history.jsonl";

    /** The default number of lines kept. */
    public static final int DEFAULT_LIMIT = 500;

    /**
     * What was read.
     *
     * @param entries the runs, oldest first
     * @param malformedLines lines skipped because they are not JSON objects with a timestamp and a status
     */
    public record Loaded(List<HistoryEntry> entries, int malformedLines) {
        public Loaded {
            entries = List.copyOf(entries);
        }
    }

    private final Path file;

    public HealthHistory(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** The recorded runs; an absent file is an empty history. */
    public Loaded read() throws IOException {
        if (!Files.isRegularFile(file)) {
            return new Loaded(List.of(), 0);
        }
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8), null);
    }

    /**
     * Appends {@code entry}, drops the oldest lines beyond {@code limit}, and returns the history as now
     * written. Lines that are not JSON objects are dropped on the way (and counted).
     */
    public Loaded append(HistoryEntry entry, int limit) throws IOException {
        if (limit < 1) {
            throw new IllegalArgumentException("the history limit must be at least 1, was " + limit);
        }
        Path lock = file.resolveSibling(file.getFileName() + ".lock");
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock held = channel.lock()) {
            List<String> lines = Files.isRegularFile(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
            List<String> kept = new ArrayList<>();
            Loaded before = parse(lines, kept);
            kept.add(JsonTrees.compact(entry.toJson()));
            List<String> capped = kept.subList(Math.max(0, kept.size() - limit), kept.size());
            AtomicFiles.write(file, String.join("\n", capped) + "\n");
            return new Loaded(parse(capped, null).entries(), before.malformedLines());
        }
    }

    /** Parses lines; valid JSON-object lines are added to {@code kept} when it is given. */
    private static Loaded parse(List<String> lines, List<String> kept) {
        List<HistoryEntry> entries = new ArrayList<>();
        int malformed = 0;
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = JsonTrees.read(line);
            } catch (IOException e) {
                node = null;
            }
            if (node == null || !node.isObject()) {
                malformed++;
                continue;
            }
            if (kept != null) {
                kept.add(line.strip());
            }
            Optional<HistoryEntry> entry = HistoryEntry.fromJson(node);
            if (entry.isPresent()) {
                entries.add(entry.get());
            } else {
                malformed++;
            }
        }
        return new Loaded(entries, malformed);
    }
}
