package io.github.smvm.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CoreMetadataTest {

    @Test
    void readsDependencyFieldsInOrderAndStopsAtTheBody() {
        String text = String.join("\n",
                "Metadata-Version: 2.1",
                "Name: FastAPI",
                "Version: 0.110.0",
                "Requires-Python: >=3.8",
                "Project-URL: Source, https://github.com/example/fastapi",
                "Project-URL: Issues, https://github.com/example/fastapi/issues",
                "Requires-Dist: pydantic (>=1.7.4,<3.0.0)",
                "Requires-Dist: starlette<0.37.0,>=0.36.3",
                "Provides-Extra: all",
                "Requires-Dist: httpx>=0.23.0 ; extra == \"all\"",
                "",
                "Requires-Dist: not-a-field-this-is-the-description");
        CoreMetadata metadata = CoreMetadata.parse("fastapi.whl!METADATA", text);
        assertEquals("FastAPI", metadata.name());
        assertEquals("0.110.0", metadata.version());
        assertEquals(">=3.8", metadata.requiresPython());
        assertEquals(List.of("pydantic (>=1.7.4,<3.0.0)", "starlette<0.37.0,>=0.36.3",
                "httpx>=0.23.0 ; extra == \"all\""), metadata.requiresDist());
        assertEquals(List.of("all"), metadata.providesExtra());
        assertEquals(Map.of("Source", "https://github.com/example/fastapi",
                "Issues", "https://github.com/example/fastapi/issues"), metadata.projectUrls());
    }

    @Test
    void foldsContinuationLinesAndAcceptsCrLf() {
        CoreMetadata metadata = CoreMetadata.parse("x", "Name: demo\r\nVersion: 1.0\r\nSummary: one\r\n  two\r\n"
                + "Home-page: https://demo.example\r\n");
        assertNull(metadata.requiresPython());
        assertEquals(Map.of("Homepage", "https://demo.example"), metadata.projectUrls());
    }

    @Test
    void rejectsMetadataWithoutVersion() {
        InvalidMetadataException error = assertThrows(InvalidMetadataException.class,
                () -> CoreMetadata.parse("demo.whl!METADATA", "Name: demo\n"));
        assertEquals("demo.whl!METADATA: the required field 'Version' is missing", error.getMessage());
    }

    @Test
    void rejectsLineWithoutColonNamingTheLine() {
        InvalidMetadataException error = assertThrows(InvalidMetadataException.class,
                () -> CoreMetadata.parse("demo.whl!METADATA", "Name: demo\nVersion 1.0\n"));
        assertEquals("demo.whl!METADATA line 2: expected 'Field: value', found 'Version 1.0'", error.getMessage());
    }
}
