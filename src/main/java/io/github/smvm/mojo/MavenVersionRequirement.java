package io.github.smvm.mojo;

import java.util.Optional;
import org.apache.maven.artifact.versioning.ComparableVersion;

/**
 * The oldest Maven the plugin runs on. The plugin descriptor declares the same version
 * ({@code requiredMavenVersion}, which Maven checks before it runs a goal); every goal checks it once
 * more, so that a Maven that does not read the descriptor's requirement still fails with a message
 * that says what is needed instead of failing somewhere inside the goal.
 */
final class MavenVersionRequirement {

    /** The lowest Maven the plugin is compiled against and tested on; keep in step with the pom. */
    static final String MINIMUM = "3.6.3";

    private MavenVersionRequirement() {
    }

    /**
     * The failure message for a Maven older than {@link #MINIMUM}, or empty when {@code mavenVersion}
     * is that version or newer, or unknown (null or blank: the check cannot tell, Maven's own check
     * of the descriptor still applies). Pre-releases of the minimum ({@code 3.6.3-SNAPSHOT}) are older
     * than it, as Maven orders them.
     */
    static Optional<String> unsupported(String mavenVersion) {
        if (mavenVersion == null || mavenVersion.isBlank()) {
            return Optional.empty();
        }
        String version = mavenVersion.strip();
        if (new ComparableVersion(version).compareTo(new ComparableVersion(MINIMUM)) >= 0) {
            return Optional.empty();
        }
        return Optional.of("smvm-maven-plugin requires Maven " + MINIMUM + " or newer; this is Maven " + version
                + ". Run the build with Maven " + MINIMUM + " or newer (https://maven.apache.org/download.cgi)");
    }
}
