package io.github.smvm.tags;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Loads the fixtures written by src/test/resources/vectors/generate_tag_vectors.py. */
final class Vectors {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Vectors() {
    }

    static List<JsonNode> load(String name) {
        String resource = "/vectors/tags/" + name;
        try (InputStream in = Vectors.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + resource);
            }
            List<JsonNode> cases = new ArrayList<>();
            MAPPER.readTree(in).forEach(cases::add);
            if (cases.isEmpty()) {
                throw new IllegalStateException("empty fixture " + resource);
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> strings(JsonNode array) {
        List<String> result = new ArrayList<>();
        array.forEach(n -> result.add(n.asText()));
        return result;
    }

    static List<String> tagStrings(List<Tag> tags) {
        return tags.stream().map(Tag::toString).toList();
    }

    static Libc libc(JsonNode c) {
        if (c.hasNonNull("glibc")) {
            return Libc.glibc(c.get("glibc").get(0).asInt(), c.get("glibc").get(1).asInt());
        }
        if (c.hasNonNull("musl")) {
            return Libc.musl(c.get("musl").get(0).asInt(), c.get("musl").get(1).asInt());
        }
        return Libc.unknown();
    }

    /** The environment of a sys_tags.json case, built like an interpreter probe would. */
    static TagEnvironment environment(JsonNode c) {
        String flags = c.get("abiflags").asText();
        Interpreter interpreter = Interpreter.of(c.get("implementation").asText(), c.get("version").get(0).asInt(),
                c.get("version").get(1).asInt(), flags, c.get("ext_suffix").asText(), flags.contains("t"));
        Platform platform = Platform.fromProbe(c.get("system").asText(), c.get("sysconfig_platform").asText(),
                c.get("is32bit").asBoolean(), libc(c), c.path("mac_version").textValue(), c.path("mac_machine").textValue());
        return TagEnvironment.of(interpreter, platform);
    }
}
