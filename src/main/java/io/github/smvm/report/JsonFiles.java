package io.github.smvm.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.smvm.fs.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;

/** Writes JSON documents so that a reader never sees half a file. */
public final class JsonFiles {

    private JsonFiles() {}

    public static void writeAtomically(Path file, JsonNode document) throws IOException {
        AtomicFiles.write(file, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(document));
    }
}
