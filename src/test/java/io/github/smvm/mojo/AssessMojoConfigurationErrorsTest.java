package io.github.smvm.mojo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bad {@code threshold}, {@code onDegraded} or target id stops {@code smvm:assess} before any interpreter is
 * probed or index read, with a message naming the parameter, its property and what would be valid, and leaves
 * an {@code assessment_failed} report behind. The goal runs as Maven would run it, with its parameters set.
 */
class AssessMojoConfigurationErrorsTest {

    @TempDir
    Path temp;

    /** A goal configured with the defaults of its parameters and one requirement in the pom. */
    private AssessMojo mojo() throws IOException {
        AssessMojo mojo = new AssessMojo();
        mojo.project = new MavenProject();
        mojo.project.setFile(Files.createDirectories(temp.resolve("project")).resolve("pom.xml").toFile());
        mojo.outputDirectory = temp.resolve("project/target/smvm").toFile();
        mojo.primary = "3.12";
        mojo.fallback = "3.11";
        mojo.probeTimeout = 20;
        mojo.packages = List.of("requests");
        mojo.indexUrl = temp.resolve("no-index").toUri().toString();
        mojo.usePipConfig = false;
        mojo.threshold = "0.9";
        mojo.onDegraded = "fallback";
        mojo.failOnError = true;
        mojo.transitive = true;
        mojo.httpTimeout = 30;
        mojo.concurrency = 8;
        mojo.retries = 3;
        mojo.maxResponseSize = 64;
        mojo.cacheTtl = 600;
        mojo.noCache = true;
        mojo.indexStrategy = "first-index";
        mojo.formats = "json";
        mojo.history = false;
        mojo.historyLimit = 500;
        return mojo;
    }

    /** Runs the goal, which must fail; checks the report it leaves and returns the message. */
    private String fails(AssessMojo mojo) throws IOException {
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        JsonNode report = new ObjectMapper().readTree(temp.resolve("project/target/smvm/wheel-health.json").toFile());
        assertEquals("assessment_failed", report.get("wheel_status").asText());
        assertEquals("assessment_failed", mojo.project.getProperties().getProperty("smvm.wheel.status"));
        return e.getMessage();
    }

    @Test
    void thresholdBelowZeroNamesTheParameterThePropertyAndTheRange() throws IOException {
        AssessMojo mojo = mojo();
        mojo.threshold = "-0.1";
        assertEquals("Invalid <threshold> (smvm.threshold): threshold -0.1 is outside [0, 1]: use a ratio such as 0.9 "
                + "(90% of requirements available)", fails(mojo));
    }

    @Test
    void thresholdAboveOneNamesTheParameterThePropertyAndTheRange() throws IOException {
        AssessMojo mojo = mojo();
        mojo.threshold = "1.5";
        assertEquals("Invalid <threshold> (smvm.threshold): threshold 1.5 is outside [0, 1]: use a ratio such as 0.9 "
                + "(90% of requirements available)", fails(mojo));
    }

    @Test
    void thresholdThatIsNotANumberSaysSo() throws IOException {
        AssessMojo mojo = mojo();
        mojo.threshold = "90%";
        assertEquals("Invalid <threshold> (smvm.threshold): '90%' is not a number: use a ratio in [0, 1] such as 0.9",
                fails(mojo));
    }

    @Test
    void thresholdNotANumberInJavasSpellingIsOutsideTheRange() throws IOException {
        AssessMojo mojo = mojo();
        mojo.threshold = "NaN";
        assertEquals("Invalid <threshold> (smvm.threshold): threshold NaN is outside [0, 1]: use a ratio such as 0.9 "
                + "(90% of requirements available)", fails(mojo));
    }

    @Test
    void unknownOnDegradedNamesTheParameterThePropertyAndTheValidValues() throws IOException {
        AssessMojo mojo = mojo();
        mojo.onDegraded = "explode";
        assertEquals("Invalid <onDegraded> (smvm.onDegraded): 'explode' is not a valid value: expected one of "
                + "fallback, warn, fail", fails(mojo));
    }

    @Test
    void badTargetIdNamesTheParameterThePropertyAndTheGrammar() throws IOException {
        AssessMojo mojo = mojo();
        mojo.targets = List.of("cp312-manylinux_2_28_x86_64", "cp312-bogus");
        assertEquals("Invalid <targets> (smvm.targets): invalid target id 'cp312-bogus': 'bogus' is not a supported "
                + "platform; expected <python>-<platform> with <python> cp3<minor>[t] or pp3<minor> and <platform> "
                + "manylinux_2_<minor>_<arch>, manylinux2014_<arch>, musllinux_1_<minor>_<arch>, "
                + "macosx_<major>_<minor>_<arch>, linux_<arch>, win32, win_amd64 or win_arm64; "
                + "for example cp312-manylinux_2_28_x86_64", fails(mojo));
    }
}
