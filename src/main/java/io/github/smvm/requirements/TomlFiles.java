package io.github.smvm.requirements;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reading a TOML file into a tree, with errors that name the file and the parser's position. */
final class TomlFiles {

    private static final TomlMapper MAPPER = new TomlMapper();

    private TomlFiles() {
    }

    static JsonNode read(Path file, String what) {
        byte[] data;
        try {
            data = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new RequirementsFileException(file, 0, 0, what + " does not exist");
        } catch (IOException e) {
            throw new RequirementsFileException(file, 0, 0, what + " cannot be read: " + e, e);
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(data);
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            int line = location == null ? 0 : Math.max(0, location.getLineNr());
            int column = location == null || line == 0 ? 0 : Math.max(0, location.getColumnNr());
            throw new RequirementsFileException(file, line, column,
                    "not valid TOML: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new RequirementsFileException(file, 0, 0, "not valid TOML (TOML files must be UTF-8): " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return MAPPER.createObjectNode();
        }
        return root;
    }

    /** A TOML type name for messages. */
    static String typeOf(JsonNode node) {
        if (node.isTextual()) {
            return "a string";
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isObject()) {
            return "a table";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        if (node.isNumber()) {
            return "a number";
        }
        return "a " + node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }
}
