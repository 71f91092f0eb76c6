package io.github.smvm.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class FilenameMemoTest {

    private static final JsonNode VECTORS = Vectors.load("dist.json");

    @Test
    void aSharedMemoGivesTheSameWheelsAndErrorsAsParsingEachName() {
        List<String> names = new ArrayList<>();
        VECTORS.get("wheels").forEach(row -> names.add(row.get("filename").asText()));
        names.add("foo-1.0-py3-none-any.whl");
        names.add("foo-1.0-py3-none-any.whl"); // the second time from the memo
        names.add("Foo__bar-1.0-py3-none-any.whl");
        names.add("Foo__bar-1.0-py3-none-any.whl"); // an invalid name part is rejected every time
        names.add("-1.0-py3-none-any.whl");
        names.add("-1.0-py3-none-any.whl"); // an empty name part is valid (packaging accepts it)
        FilenameMemo memo = FilenameMemo.create();
        for (int pass = 0; pass < 2; pass++) {
            for (String name : names) {
                assertEquals(outcome(name, WheelFilename::parse), outcome(name, n -> WheelFilename.parse(n, memo)), name);
            }
        }
    }

    @Test
    void aSharedMemoGivesTheSameSdistsAndErrorsAsParsingEachName() {
        List<String> names = new ArrayList<>();
        VECTORS.get("sdists").forEach(row -> names.add(row.get("filename").asText()));
        names.add("foo-1.0.tar.gz");
        names.add("foo-1.0.zip");
        names.add("foo-bar.tar.gz");
        names.add("foo-bar.zip");
        FilenameMemo memo = FilenameMemo.create();
        for (int pass = 0; pass < 2; pass++) {
            for (String name : names) {
                assertEquals(outcome(name, SdistFilename::parse), outcome(name, n -> SdistFilename.parse(n, memo)), name);
            }
        }
    }

    @Test
    void aVersionTextIsParsedOncePerMemo() {
        FilenameMemo memo = FilenameMemo.create();
        WheelFilename a = WheelFilename.parse("foo-1.0-cp312-cp312-manylinux_2_17_x86_64.whl", memo);
        WheelFilename b = WheelFilename.parse("foo-1.0-cp311-cp311-win_amd64.whl", memo);
        SdistFilename c = SdistFilename.parse("foo-1.0.tar.gz", memo);
        assertSame(a.version(), b.version());
        assertSame(a.version(), c.version());
        assertEquals("foo", b.name());
    }

    /** What parsing gives, as text: the parts, or the exception's class and message. */
    private static String outcome(String name, Function<String, Object> parse) {
        try {
            Object parsed = parse.apply(name);
            if (parsed instanceof WheelFilename w) {
                return w.name() + " " + w.version() + " " + w.buildTag() + " " + w.tagSet() + " " + w.tags();
            }
            return parsed.toString();
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }
}
