package io.github.smvm.mojo;

import io.github.smvm.probe.InterpreterRequest;
import io.github.smvm.probe.ProbeMemory;
import java.io.File;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.rtinfo.RuntimeInformation;

/**
 * The parameters every smvm goal shares, and the skip logic. Subclasses parse their own parameters,
 * call the library, and turn its exceptions into messages that name the parameter.
 */
public abstract class AbstractSmvmMojo extends AbstractMojo {

    /** Skips every smvm goal. */
    @Parameter(property = PropertyNames.SKIP, defaultValue = "false")
    boolean skip;

    /**
     * The primary interpreter: a version ({@code 3.12}, {@code 3.11.13}), a PEP 440 specifier
     * ({@code >=3.11.4,<3.12}), a command ({@code python3.12}) or a path.
     */
    @Parameter(property = PropertyNames.PRIMARY, defaultValue = "3.12")
    String primary;

    /** The fallback interpreter, in the same forms as {@code primary}. */
    @Parameter(property = PropertyNames.FALLBACK, defaultValue = "3.11")
    String fallback;

    /** Seconds one interpreter probe may take. */
    @Parameter(property = PropertyNames.PROBE_TIMEOUT, defaultValue = "20")
    int probeTimeout;

    /** Where the goals write their reports. */
    @Parameter(property = PropertyNames.OUTPUT_DIRECTORY, defaultValue = "${project.build.directory}/smvm")
    File outputDirectory;

    /** The build: its goals and modules share their interpreter probes. */
    @Parameter(defaultValue = "${session}", readonly = true)
    MavenSession session;

    /** Each build's probe answers, by the build's request (shared by the session copies a {@code -T} reactor makes). */
    private static final Map<Object, ProbeMemory> PROBES = Collections.synchronizedMap(new WeakHashMap<>());

    /** The running Maven: its version is checked against {@link MavenVersionRequirement#MINIMUM}. */
    @Component
    RuntimeInformation runtimeInformation;

    /**
     * The interpreter probe answers of this build, shared by every goal and module of it (an interpreter
     * whose file changes is probed again); fresh ones outside a build.
     */
    ProbeMemory probeMemory() {
        Object build = session == null ? null : session.getRequest();
        return build == null ? new ProbeMemory() : PROBES.computeIfAbsent(build, key -> new ProbeMemory());
    }

    /** The goal's name without prefix, e.g. {@code interpreters}. */
    abstract String goal();

    /** The goal's own skip property, e.g. {@code smvm.interpreters.skip}. */
    abstract String skipProperty();

    /** The value of the goal's own skip parameter. */
    abstract boolean skipGoal();

    /** The goal's work, once it is known not to be skipped. */
    abstract void run() throws MojoExecutionException, MojoFailureException;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (runtimeInformation != null) {
            var unsupported = MavenVersionRequirement.unsupported(runtimeInformation.getMavenVersion());
            if (unsupported.isPresent()) {
                throw new MojoExecutionException(unsupported.get());
            }
        }
        if (skip) {
            getLog().info("Skipping smvm:" + goal() + ": " + PropertyNames.SKIP + " is true");
            return;
        }
        if (skipGoal()) {
            getLog().info("Skipping smvm:" + goal() + ": " + skipProperty() + " is true");
            return;
        }
        run();
    }

    /** Parses an interpreter request, naming the parameter and property when it is malformed. */
    static InterpreterRequest request(String parameter, String property, String value)
            throws MojoExecutionException {
        try {
            return InterpreterRequest.parse(value);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("Invalid <" + parameter + "> (" + property + "): " + e.getMessage(), e);
        }
    }

    Duration probeTimeout() throws MojoExecutionException {
        if (probeTimeout <= 0) {
            throw new MojoExecutionException("Invalid <probeTimeout> (" + PropertyNames.PROBE_TIMEOUT + "): "
                    + probeTimeout + " is not a positive number of seconds; the default is 20");
        }
        return Duration.ofSeconds(probeTimeout);
    }
}
