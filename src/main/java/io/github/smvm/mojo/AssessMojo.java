package io.github.smvm.mojo;

import io.github.smvm.assess.AssessedEnvironment;
import io.github.smvm.assess.AssessmentOutcome;
import io.github.smvm.assess.AssessmentRun;
import io.github.smvm.assess.EnvironmentResult;
import io.github.smvm.assess.PackageResult;
import io.github.smvm.assess.Role;
import io.github.smvm.policy.EnvironmentHealth;
import io.github.smvm.policy.Verdict;
import io.github.smvm.report.HealthHistory;
import io.github.smvm.report.ReportFormat;
import io.github.smvm.report.WheelHealthOutputs;
import io.github.smvm.report.WheelHealthReport;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.maven.model.Plugin;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Decides, for the primary interpreter, the fallback interpreter and every virtual target, whether each
 * requirement installs from a compatible wheel (exactly as pip would choose with
 * {@code --only-binary=:all:}), following dependencies; then fails, warns or selects the fallback
 * according to the thresholds. Writes {@code wheel-health.json} and the other chosen reports (an HTML
 * page, a Markdown summary, JUnit XML), records the run in the project's history, and sets
 * {@code smvm.selected.python}, {@code smvm.selected.version} and {@code smvm.wheel.status} for later plugins.
 */
@Mojo(name = "assess", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class AssessMojo extends AbstractAssessmentMojo {

    /** Skips this goal only. */
    @Parameter(property = PropertyNames.ASSESS_SKIP, defaultValue = "false")
    boolean skipAssess;

    /**
     * The reports to write, comma-separated: {@code json}, {@code html}, {@code md}, {@code junit}.
     * {@code wheel-health.json} is always written (the other goals read it).
     */
    @Parameter(property = PropertyNames.FORMATS, defaultValue = "json,html,md,junit")
    String formats;

    /** Record each run in {@code ${project.basedir}/.smvm/wheel-health-history.jsonl} (the trend of the HTML page). */
    @Parameter(property = PropertyNames.HISTORY, defaultValue = "true")
    boolean history;

    /** The number of runs the history keeps; the oldest are dropped. */
    @Parameter(property = PropertyNames.HISTORY_LIMIT, defaultValue = "500")
    int historyLimit;

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
        long start = System.nanoTime();
        WheelHealthOutputs.Options reports = reportOptions(System.getenv("GITHUB_STEP_SUMMARY"));
        AssessmentRun.Result result = assessAndReport(document -> writeReports(document, reports));
        AssessmentOutcome outcome = result.outcome();
        print(outcome);
        getLog().info(String.format(Locale.ROOT, "Assessed %d requirements in %d environments from %s in %d ms",
                outcome.environments().stream().mapToInt(e -> e.packages().size()).max().orElse(0),
                outcome.environments().size(), String.join(", ", result.sources()),
                (System.nanoTime() - start) / 1_000_000));
        setProperties(outcome);
        act(outcome);
    }

    /** The report parameters, checked; {@code stepSummary} is the value of {@code GITHUB_STEP_SUMMARY} or null. */
    WheelHealthOutputs.Options reportOptions(String stepSummary) throws MojoExecutionException {
        Set<ReportFormat> chosen;
        try {
            chosen = ReportFormat.parseList(formats);
        } catch (IllegalArgumentException e) {
            throw parameterError("formats", PropertyNames.FORMATS, e.getMessage(), e);
        }
        if (historyLimit < 1) {
            throw parameterError("historyLimit", PropertyNames.HISTORY_LIMIT, historyLimit
                    + " is not a number of runs to keep: use 1 or more; the default is " + HealthHistory.DEFAULT_LIMIT, null);
        }
        Path historyFile = history ? project.getBasedir().toPath().resolve(".smvm").resolve(HealthHistory.FILE_NAME) : null;
        Path summary = stepSummary == null || stepSummary.isBlank() ? null : Path.of(stepSummary);
        return new WheelHealthOutputs.Options(chosen, historyFile, historyLimit, summary);
    }

    private void writeReports(ObjectNode document, WheelHealthOutputs.Options options) throws MojoExecutionException {
        WheelHealthOutputs.Written written;
        try {
            written = WheelHealthOutputs.write(outputDirectory.toPath(), document, options);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write the reports to " + outputDirectory + " (<outputDirectory>, "
                    + PropertyNames.OUTPUT_DIRECTORY + "): " + e.getMessage(), e);
        }
        written.warnings().forEach(getLog()::warn);
        if (!written.files().isEmpty()) {
            getLog().info("Wrote " + written.files().stream().map(p -> p.getFileName().toString())
                    .collect(Collectors.joining(", ")) + (options.historyFile() == null ? ""
                            : "; " + written.runs() + (written.runs() == 1 ? " run" : " runs") + " in "
                                    + options.historyFile()));
        }
        if (written.summaryAppended()) {
            getLog().info("Appended the summary to " + options.stepSummary() + " (GITHUB_STEP_SUMMARY)");
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
                            + (fallbackFollows(session == null ? List.of() : session.getGoals(), project)
                                    ? "smvm:fallback runs next in this build and builds the environment on it"
                                    : "Next: mvn smvm:fallback"));
                }
            }
            case WARN -> getLog().warn(message(outcome));
            case FAIL -> throw new MojoFailureException(message(outcome));
        }
    }

    /** Lifecycle phases that do not include {@code validate} (the clean and site lifecycles). */
    private static final Set<String> PHASES_WITHOUT_VALIDATE = Set.of("pre-clean", "clean", "post-clean", "pre-site",
            "site", "post-site", "site-deploy");

    /**
     * Whether {@code smvm:fallback} runs later in this build: named among the goals, or bound in this
     * project's pom while a phase that includes {@code validate} runs.
     */
    static boolean fallbackFollows(List<String> goals, MavenProject project) {
        boolean phase = false;
        for (String goal : goals) {
            if (goal.equals("smvm:fallback") || goal.startsWith(PLUGIN_KEY + ":") && goal.endsWith(":fallback")) {
                return true;
            }
            phase |= !goal.contains(":") && !PHASES_WITHOUT_VALIDATE.contains(goal);
        }
        if (!phase || project == null || project.getBuild() == null) {
            return false;
        }
        Plugin plugin = project.getPlugin(PLUGIN_KEY);
        return plugin != null && plugin.getExecutions().stream().anyMatch(e -> e.getGoals().contains("fallback"));
    }

    private static final String PLUGIN_KEY = "io.github.smvm:smvm-maven-plugin";

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
