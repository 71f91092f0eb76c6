package io.github.smvm.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.smvm.fs.AtomicFiles;
import io.github.smvm.json.JsonTrees;
import java.io.IOException;
import java.nio.file.Path;

/** Writes JSON documents so that a reader never sees half a file. */
public final class JsonFiles {

    private JsonFiles() {}

    public static void writeAtomically(Path file, JsonNode document) throws IOException {
        AtomicFiles.write(file, JsonTrees.indented(document));
    }
}
