package io.github.smvm.mojo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.rtinfo.RuntimeInformation;
import org.junit.jupiter.api.Test;

/** Which Maven versions the goals refuse, and with which message. */
class MavenVersionRequirementTest {

    private static String refusal(String version) {
        return "smvm-maven-plugin requires Maven 3.6.3 or newer; this is Maven " + version
                + ". Run the build with Maven 3.6.3 or newer (https://maven.apache.org/download.cgi)";
    }

    @Test
    void refusesMavensOlderThanTheMinimum() {
        for (String version : new String[] {"3.6.2", "3.6.0", "3.5.4", "3.3.9", "3.0", "2.2.1"}) {
            assertEquals(Optional.of(refusal(version)), MavenVersionRequirement.unsupported(version), version);
        }
    }

    @Test
    void acceptsTheMinimumAndNewerIncludingMaven4PreReleases() {
        for (String version : new String[] {"3.6.3", "3.8.7", "3.9.16", "3.10.0", "4.0.0-rc-4", "4.0.0-alpha-2",
                "4.0.0", "4.1.0-SNAPSHOT"}) {
            assertEquals(Optional.empty(), MavenVersionRequirement.unsupported(version), version);
        }
    }

    @Test
    void refusesPreReleasesOfTheMinimum() {
        assertEquals(Optional.of(refusal("3.6.3-SNAPSHOT")), MavenVersionRequirement.unsupported("3.6.3-SNAPSHOT"));
        assertEquals(Optional.of(refusal("3.6.3-alpha-1")), MavenVersionRequirement.unsupported("3.6.3-alpha-1"));
    }

    @Test
    void leavesAnUnknownVersionToMavensOwnCheck() {
        assertEquals(Optional.empty(), MavenVersionRequirement.unsupported(null));
        assertEquals(Optional.empty(), MavenVersionRequirement.unsupported(""));
        assertEquals(Optional.empty(), MavenVersionRequirement.unsupported("  "));
    }

    @Test
    void trimsTheVersionBeforeQuotingIt() {
        assertEquals(Optional.of(refusal("3.6.1")), MavenVersionRequirement.unsupported(" 3.6.1\n"));
    }

    @Test
    void minimumMatchesTheMavenApiTheBuildCompilesAgainst() {
        // maven-core on the test classpath is the provided ${maven.api.version} of the pom
        String compiledAgainst = new org.apache.maven.rtinfo.internal.DefaultRuntimeInformation().getMavenVersion();
        assertEquals(MavenVersionRequirement.MINIMUM, compiledAgainst);
    }

    @Test
    void everyGoalFailsOnAnOldMavenBeforeAnythingElseEvenWhenSkipped() {
        InterpretersMojo mojo = new InterpretersMojo();
        mojo.skip = true;
        mojo.runtimeInformation = maven("3.6.2");
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertEquals(refusal("3.6.2"), e.getMessage());
    }

    @Test
    void goalsRunOnTheMinimumMaven() throws Exception {
        InterpretersMojo mojo = new InterpretersMojo();
        mojo.skip = true;
        mojo.runtimeInformation = maven("3.6.3");
        mojo.execute(); // skipped after the check: returns without probing anything
    }

    /** The version the running Maven reports, as Maven's RuntimeInformation gives it. */
    private static RuntimeInformation maven(String version) {
        return new RuntimeInformation() {
            @Override
            public String getMavenVersion() {
                return version;
            }

            @Override
            public boolean isMavenVersion(String versionRange) {
                throw new UnsupportedOperationException("the goals compare versions themselves");
            }
        };
    }
}
