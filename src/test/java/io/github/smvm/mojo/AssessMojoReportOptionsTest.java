package io.github.smvm.mojo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.smvm.report.ReportFormat;
import io.github.smvm.report.WheelHealthOutputs;
import java.nio.file.Path;
import java.util.EnumSet;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssessMojoReportOptionsTest {

    @TempDir
    Path temp;

    private AssessMojo mojo(String formats, boolean history, int limit) {
        AssessMojo mojo = new AssessMojo();
        mojo.project = new MavenProject();
        mojo.project.setFile(temp.resolve("pom.xml").toFile());
        mojo.formats = formats;
        mojo.history = history;
        mojo.historyLimit = limit;
        return mojo;
    }

    @Test
    void defaultsWriteEveryFormatAndRecordTheRunUnderTheProject() throws Exception {
        WheelHealthOutputs.Options options = mojo("json,html,md,junit", true, 500).reportOptions(null);

        assertEquals(EnumSet.allOf(ReportFormat.class), options.formats());
        assertEquals(temp.resolve(".smvm/wheel-health-history.jsonl"), options.historyFile());
        assertEquals(500, options.historyLimit());
        assertNull(options.stepSummary());
    }

    @Test
    void stepSummaryComesFromTheValuePassedIn() throws Exception {
        assertEquals(Path.of("/runner/_temp/step_summary_1"),
                mojo("md", true, 500).reportOptions("/runner/_temp/step_summary_1").stepSummary());
        assertNull(mojo("md", true, 500).reportOptions("  ").stepSummary());
    }

    @Test
    void historyOffHasNoFile() throws Exception {
        assertNull(mojo("json", false, 500).reportOptions(null).historyFile());
    }

    @Test
    void unknownFormatNamesTheParameterAndTheValidValues() {
        MojoExecutionException e = assertThrows(MojoExecutionException.class,
                () -> mojo("json,xlsx", true, 500).reportOptions(null));
        assertEquals("Invalid <formats> (smvm.formats): 'xlsx' is not a report format; valid: json, html, md, junit "
                + "(json is always written)", e.getMessage());
    }

    @Test
    void historyLimitBelowOneIsRejected() {
        MojoExecutionException e = assertThrows(MojoExecutionException.class,
                () -> mojo("json", true, 0).reportOptions(null));
        assertEquals("Invalid <historyLimit> (smvm.historyLimit): 0 is not a number of runs to keep: use 1 or more; "
                + "the default is 500", e.getMessage());
    }
}
