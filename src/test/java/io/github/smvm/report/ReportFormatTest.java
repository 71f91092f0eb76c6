package io.github.smvm.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class ReportFormatTest {

    @Test
    void parsesCommaSeparatedNamesIgnoringCaseAndBlanks() {
        assertEquals(EnumSet.allOf(ReportFormat.class), ReportFormat.parseList("json,html,md,junit"));
        assertEquals(EnumSet.of(ReportFormat.JSON, ReportFormat.HTML, ReportFormat.JUNIT),
                ReportFormat.parseList(" HTML , junit,,html "));
    }

    @Test
    void jsonIsAlwaysChosen() {
        assertEquals(EnumSet.of(ReportFormat.JSON, ReportFormat.MD), ReportFormat.parseList("md"));
        assertEquals(EnumSet.of(ReportFormat.JSON), ReportFormat.parseList(""));
        assertEquals(EnumSet.of(ReportFormat.JSON), ReportFormat.parseList("json"));
    }

    @Test
    void unknownNameIsRejectedWithTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReportFormat.parseList("json,pdf"));
        assertEquals("'pdf' is not a report format; valid: json, html, md, junit (json is always written)", e.getMessage());
    }
}
