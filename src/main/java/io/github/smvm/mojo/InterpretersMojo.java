package io.github.smvm.mojo;

import io.github.smvm.probe.CachingProbe;
import io.github.smvm.probe.DefaultDiscoveryContext;
import io.github.smvm.probe.Discovery;
import io.github.smvm.probe.FoundInterpreter;
import io.github.smvm.probe.InterpreterRequest;
import io.github.smvm.probe.InterpreterSurvey;
import io.github.smvm.probe.InterpreterSurvey.RequestOutcome;
import io.github.smvm.probe.Miss;
import io.github.smvm.probe.Prober;
import io.github.smvm.report.InterpretersReport;
import java.io.File;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Lists every Python interpreter discovery finds (version, source, most specific platform tag, pip
 * version, path), the candidates that did not answer, and which interpreter the {@code primary} and
 * {@code fallback} requests would pick and why. Never fails because an interpreter is missing.
 * Writes {@code interpreters.json} to the output directory.
 */
@Mojo(name = "interpreters", defaultPhase = LifecyclePhase.VALIDATE, requiresProject = false, threadSafe = true)
public class InterpretersMojo extends AbstractSmvmMojo {

    /** Skips this goal only. */
    @Parameter(property = PropertyNames.INTERPRETERS_SKIP, defaultValue = "false")
    boolean skipInterpreters;

    @Override
    String goal() {
        return "interpreters";
    }

    @Override
    String skipProperty() {
        return PropertyNames.INTERPRETERS_SKIP;
    }

    @Override
    boolean skipGoal() {
        return skipInterpreters;
    }

    @Override
    void run() throws MojoExecutionException {
        Map<String, InterpreterRequest> requests = new LinkedHashMap<>();
        requests.put("primary", request("primary", PropertyNames.PRIMARY, primary));
        requests.put("fallback", request("fallback", PropertyNames.FALLBACK, fallback));
        InterpreterSurvey survey;
        try (Prober prober = new Prober(probeTimeout())) {
            Discovery discovery = new Discovery(DefaultDiscoveryContext.system(),
                    new CachingProbe(prober, probeMemory()), 2, getLog()::debug);
            survey = InterpreterSurvey.run(discovery, requests);
        }
        print(survey);
        File file = new File(outputDirectory, "interpreters.json");
        try {
            InterpretersReport.write(file.toPath(), survey, Instant.now());
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write " + file + " (<outputDirectory>, "
                    + PropertyNames.OUTPUT_DIRECTORY + "): " + e.getMessage(), e);
        }
        getLog().info("Wrote " + file);
    }

    private void print(InterpreterSurvey survey) {
        getLog().info("Python interpreters found: " + survey.interpreters().size());
        for (FoundInterpreter found : survey.interpreters()) {
            String platform = InterpretersReport.platformTag(found.info());
            String pip = found.info().pipVersion() == null ? "no pip" : "pip " + found.info().pipVersion();
            getLog().info(String.format("  %-10s %-8s %-14s %-26s %-12s %s", found.info().version(),
                    found.info().implementationName(), found.candidate().source().label(),
                    platform == null ? "(no platform tag)" : platform, pip, found.candidate().path()
                            + (found.executable().equals(found.candidate().path()) ? ""
                                    : " (runs " + found.executable() + ")")));
        }
        if (!survey.discovered().misses().isEmpty()) {
            getLog().info("Candidates that did not answer: " + survey.discovered().misses().size());
            for (Miss miss : survey.discovered().misses()) {
                getLog().info("  " + miss.describe());
            }
        }
        for (Map.Entry<String, RequestOutcome> entry : survey.requests().entrySet()) {
            RequestOutcome outcome = entry.getValue();
            String head = entry.getKey() + " (" + outcome.request().text() + "): ";
            if (outcome.found()) {
                getLog().info(head + outcome.match().info().version() + " at "
                        + outcome.match().interpreter().executable() + " - " + outcome.explanation());
            } else {
                getLog().warn(head + "no interpreter - " + outcome.explanation());
            }
        }
    }
}
