package io.github.smvm.mojo;

import io.github.smvm.assess.AssessedEnvironment;
import io.github.smvm.assess.AssessmentOutcome;
import io.github.smvm.assess.AssessmentRun;
import io.github.smvm.assess.EnvironmentResult;
import io.github.smvm.assess.PackageResult;
import io.github.smvm.assess.Role;
import io.github.smvm.policy.EnvironmentHealth;
import io.github.smvm.policy.Verdict;
import io.github.smvm.report.WheelHealthReport;
import java.io.File;
import java.io.IOException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Decides, for the primary interpreter, the fallback interpreter and every virtual target, whether each
 * requirement installs from a compatible wheel (exactly as pip would choose with
 * {@code --only-binary=:all:}), following dependencies; then fails, warns or selects the fallback
 * according to the thresholds. Writes {@code wheel-health.json} and sets {@code smvm.selected.python},
 * {@code smvm.selected.version} and {@code smvm.wheel.status} for later plugins.
 */
@Mojo(name = "assess", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class AssessMojo extends AbstractAssessmentMojo {

    /** Skips this goal only. */
    @Parameter(property = PropertyNames.ASSESS_SKIP, defaultValue = "false")
    boolean skipAssess;

    @Override
    String goal() {
        return "assess";
    }

    @Override
    String skipProperty() {
        return PropertyNames.ASSESS_SKIP;
    }

    @Override
    boolean skipGoal() {
        return skipAssess;
    }

    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        File file = new File(outputDirectory, WheelHealthReport.FILE_NAME);
        AssessmentRun.Result result;
        long start = System.nanoTime();
        try {
            result = assess();
        } catch (MojoExecutionException e) {
            write(file, WheelHealthReport.failed(e.getMessage(), parsedThreshold(), Instant.now()));
            project.getProperties().setProperty(PropertyNames.WHEEL_STATUS, Verdict.WheelStatus.ASSESSMENT_FAILED.id());
            throw e;
        }
        result.warnings().forEach(getLog()::warn);
        AssessmentOutcome outcome = result.outcome();
        print(outcome);
        getLog().info(String.format(Locale.ROOT, "Assessed %d requirements in %d environments from %s in %d ms",
                outcome.environments().stream().mapToInt(e -> e.packages().size()).max().orElse(0),
                outcome.environments().size(), String.join(", ", result.sources()),
                (System.nanoTime() - start) / 1_000_000));
        write(file, WheelHealthReport.toJson(outcome, policySettings().threshold(), Instant.now(), result.sources()));
        getLog().info("Wrote " + file);
        setProperties(outcome);
        act(outcome);
    }

    private double parsedThreshold() {
        try {
            return Double.parseDouble(threshold.strip());
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private void write(File file, com.fasterxml.jackson.databind.node.ObjectNode document)
            throws MojoExecutionException {
        try {
            WheelHealthReport.write(file.toPath(), document);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write " + file + " (<outputDirectory>, "
                    + PropertyNames.OUTPUT_DIRECTORY + "): " + e.getMessage(), e);
        }
    }

    private void setProperties(AssessmentOutcome outcome) {
        project.getProperties().setProperty(PropertyNames.WHEEL_STATUS, outcome.verdict().status().id());
        Optional<EnvironmentResult> selected = outcome.selected();
        if (selected.isPresent()) {
            AssessedEnvironment env = selected.get().environment();
            project.getProperties().setProperty(PropertyNames.SELECTED_PYTHON, env.executable());
            project.getProperties().setProperty(PropertyNames.SELECTED_VERSION, env.pythonVersion());
        } else {
            project.getProperties().remove(PropertyNames.SELECTED_PYTHON);
            project.getProperties().remove(PropertyNames.SELECTED_VERSION);
        }
    }

    private void print(AssessmentOutcome outcome) {
        for (EnvironmentResult result : outcome.environments()) {
            AssessedEnvironment env = result.environment();
            if (!env.available()) {
                getLog().warn(env.id() + ": unavailable - " + firstLine(env.unavailableReason()));
                continue;
            }
            EnvironmentHealth health = outcome.health().get(env.id());
            getLog().info(String.format(Locale.ROOT, "%s: Python %s %s - %d/%d available (%.0f%%)%s", env.id(),
                    env.pythonVersion(), env.platform(), health.available(), health.checked(), health.ratio() * 100,
                    health.healthy() ? "" : " - NOT HEALTHY"));
            for (PackageResult p : result.packages()) {
                String chosen = p.wheel() != null ? p.wheel() : p.version() != null ? p.version() : "-";
                getLog().info(String.format(Locale.ROOT, "  %-28s %-11s %s%s", p.name(), p.status().id(), chosen,
                        p.reason() == null ? "" : "  (" + p.reason() + ")"));
            }
        }
        Verdict verdict = outcome.verdict();
        getLog().info("Wheel status: " + verdict.status().id()
                + (verdict.selected() == null ? "" : ", selected: " + verdict.selected().id()));
    }

    private void act(AssessmentOutcome outcome) throws MojoFailureException {
        Verdict verdict = outcome.verdict();
        switch (verdict.action()) {
            case PROCEED -> {
                if (verdict.status() == Verdict.WheelStatus.FALLBACK_AVAILABLE) {
                    getLog().warn("The primary interpreter lacks wheels (" + verdict.fallbackReason().id()
                            + "); the fallback is selected. " + failing(outcome, Role.PRIMARY)
                            + "Next: mvn smvm:fallback");
                }
            }
            case WARN -> getLog().warn(message(outcome));
            case FAIL -> throw new MojoFailureException(message(outcome));
        }
    }

    private String message(AssessmentOutcome outcome) {
        Verdict verdict = outcome.verdict();
        StringBuilder text = new StringBuilder("Wheel health: ").append(verdict.status().id());
        if (verdict.fallbackReason() != null) {
            text.append(" (").append(verdict.fallbackReason().id()).append(')');
        }
        text.append(" at threshold ").append(parsedThreshold()).append(".\n");
        text.append(failing(outcome, Role.PRIMARY)).append(failing(outcome, Role.FALLBACK));
        text.append("Next: ");
        text.append(verdict.status() == Verdict.WheelStatus.FALLBACK_AVAILABLE
                ? "mvn smvm:fallback -D" + PropertyNames.ON_DEGRADED + "=fallback to go on with the fallback interpreter, "
                        + "or mvn smvm:vendor-report to ask the vendors for wheels"
                : "mvn smvm:vendor-report to ask the vendors for wheels; see " + WheelHealthReport.FILE_NAME);
        return text.toString();
    }

    private static String failing(AssessmentOutcome outcome, Role role) {
        Optional<EnvironmentResult> result = outcome.environment(role);
        if (result.isEmpty()) {
            return "";
        }
        AssessedEnvironment env = result.get().environment();
        if (!env.available()) {
            return env.id() + ": interpreter unavailable: " + firstLine(env.unavailableReason()) + "\n";
        }
        StringBuilder text = new StringBuilder();
        for (PackageResult p : result.get().packages()) {
            if (!p.status().isAvailable() && p.status() != io.github.smvm.selection.Status.SKIPPED) {
                text.append("  ").append(p.name()).append(": ").append(p.status().id());
                if (p.reason() != null) {
                    text.append(" - ").append(p.reason());
                }
                text.append('\n');
            }
        }
        EnvironmentHealth health = outcome.health().get(env.id());
        return text.length() == 0 && health.missingCritical().isEmpty() ? ""
                : env.id() + " (Python " + env.pythonVersion() + "), failing packages:\n" + text
                        + (health.missingCritical().isEmpty() ? "" : "  critical packages missing: "
                                + String.join(", ", health.missingCritical()) + "\n");
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
