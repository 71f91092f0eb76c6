package io.github.smvm.vendor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.smvm.report.JsonFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the report's two files. The JSON document is scrubbed of secrets first and the Markdown is
 * rendered from the scrubbed document (so that escaping cannot hide a secret from the scrubber), then
 * scrubbed again; a known secret that survived would stop the write.
 */
public final class VendorReportFiles {

    /** The files written. */
    public record Written(Path json, Path markdown) {
    }

    private VendorReportFiles() {}

    public static Written write(Path directory, VendorReport report, SecretScrubber scrubber) throws IOException {
        JsonNode json = scrubber.scrub(report.json());
        String markdown = scrubber.scrub(VendorReportMarkdown.render(json));
        String jsonText;
        try {
            jsonText = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IOException("cannot serialise the report: " + e.getMessage(), e);
        }
        if (scrubber.leaks(jsonText) || scrubber.leaks(markdown)) {
            throw new IllegalStateException("a secret survived scrubbing; the report was not written");
        }
        Path jsonFile = directory.resolve(VendorReport.JSON_FILE);
        Path markdownFile = directory.resolve(VendorReport.MARKDOWN_FILE);
        JsonFiles.writeAtomically(jsonFile, json);
        writeAtomically(markdownFile, markdown);
        return new Written(jsonFile, markdownFile);
    }

    /** Deletes report files left by an earlier run; returns those deleted. */
    public static List<Path> deleteStale(Path directory) throws IOException {
        List<Path> deleted = new ArrayList<>();
        for (String name : List.of(VendorReport.JSON_FILE, VendorReport.MARKDOWN_FILE)) {
            Path file = directory.resolve(name);
            if (Files.deleteIfExists(file)) {
                deleted.add(file);
            }
        }
        return deleted;
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
