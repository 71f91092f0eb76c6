package io.github.smvm.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * {@code TEST-smvm-wheel-health.xml}: the assessment as JUnit XML for CI test views (Jenkins, GitLab,
 * GitHub test reporters). A {@code <testsuites>} document whose every {@code <testsuite>} follows
 * Surefire's {@code surefire-test-report-3.0.xsd}: one suite per environment ({@code wheel-health.<id>}),
 * one test case per top-level requirement, a {@code <failure>} (type: the status, message: the reason)
 * for each that does not install from a wheel, {@code <skipped>} where its markers are false. An
 * interpreter that was not found is one failing case, {@code interpreter}; an assessment that could not
 * run is one failing case, {@code assessment}. Pure: no I/O.
 */
public final class JUnitReport {

    /** The file name inside the output directory. */
    public static final String FILE_NAME = "TEST-smvm-wheel-health.xml";

    /** Prefix of every suite name and test class name. */
    public static final String SUITE_PREFIX = "wheel-health.";

    private JUnitReport() {}

    public static String render(JsonNode report) {
        return render(HealthView.of(report));
    }

    static String render(HealthView view) {
        StringBuilder suites = new StringBuilder();
        int tests = 0;
        int failures = 0;
        int skipped = 0;
        if (view.assessmentFailed() || view.environments().isEmpty()) {
            String message = view.recommendations().isEmpty() ? "the assessment could not run"
                    : view.recommendations().get(0);
            String name = SUITE_PREFIX + "assessment";
            suites.append(suiteStart(name, 1, 1, 0)).append("    <properties>\n");
            property(suites, "wheel_status", view.status());
            suites.append("    </properties>\n");
            testcase(suites, "assessment", name, "assessment_failed", message, message, null);
            suites.append("  </testsuite>\n");
            tests = 1;
            failures = 1;
        }
        for (HealthView.Env env : view.environments()) {
            String name = SUITE_PREFIX + env.id();
            StringBuilder cases = new StringBuilder();
            int envTests = 0;
            int envFailures = 0;
            int envSkipped = 0;
            if (!env.assessed()) {
                String message = unavailableMessage(view, env);
                testcase(cases, "interpreter", name, "interpreter_unavailable", message, message, null);
                envTests = 1;
                envFailures = 1;
            }
            for (HealthView.Row row : view.rows()) {
                HealthView.Cell cell = row.cells().get(env.id());
                if (cell == null) {
                    continue;
                }
                envTests++;
                String caseName = cell.requirement() != null ? cell.requirement() : cell.name();
                if (cell.problem()) {
                    envFailures++;
                    String message = cell.reason() != null ? cell.reason() : cell.status();
                    testcase(cases, caseName, name, cell.status(), message, details(cell, row, env), null);
                } else if (cell.ignoredProblem()) {
                    envSkipped++;
                    testcase(cases, caseName, name, null, "ignored by the policy (<ignore>): " + cell.status()
                            + (cell.reason() != null ? ": " + cell.reason() : ""), null, null);
                } else if ("skipped".equals(cell.status())) {
                    envSkipped++;
                    testcase(cases, caseName, name, null, cell.reason() != null ? cell.reason()
                            : "skipped: the requirement's markers are false in " + env.id(), null, null);
                } else {
                    testcase(cases, caseName, name, null, null, null, passed(cell));
                }
            }
            suites.append(suiteStart(name, envTests, envFailures, envSkipped)).append("    <properties>\n");
            property(suites, "wheel_status", view.status());
            property(suites, "role", env.role());
            property(suites, "python_version", env.pythonVersion());
            property(suites, "implementation", env.implementation());
            property(suites, "platform", env.platform());
            property(suites, "executable", env.executable());
            property(suites, "ratio", env.ratio() == null ? null : String.format(Locale.ROOT, "%.4f", env.ratio()));
            property(suites, "threshold", view.threshold() == null ? null : view.threshold().toString());
            property(suites, "healthy", Boolean.toString(env.healthy()));
            suites.append("    </properties>\n").append(cases).append("  </testsuite>\n");
            tests += envTests;
            failures += envFailures;
            skipped += envSkipped;
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<testsuites name=\"smvm wheel health\" tests=\"" + tests + "\" failures=\"" + failures
                + "\" errors=\"0\" skipped=\"" + skipped + "\" time=\"0\">\n" + suites + "</testsuites>\n";
    }

    private static String unavailableMessage(HealthView view, HealthView.Env env) {
        if (env.unavailableReason() != null) {
            return env.role() + " interpreter unavailable: " + env.unavailableReason();
        }
        String prefix = env.role() + " interpreter unavailable";
        return view.recommendations().stream().filter(r -> r.startsWith(prefix)).findFirst()
                .orElse("the " + env.role() + " interpreter (" + env.id() + ") was not found: nothing was assessed");
    }

    /** The failure's body (or a passing case's output): every fact of the cell, one per line. */
    private static String details(HealthView.Cell cell, HealthView.Row row, HealthView.Env env) {
        StringBuilder text = new StringBuilder();
        line(text, "requirement", cell.requirement());
        line(text, "environment", env.id() + (env.pythonVersion() == null ? "" : " (Python " + env.pythonVersion()
                + (env.platform() == null ? "" : ", " + env.platform()) + ")"));
        line(text, "status", cell.status());
        line(text, "version", cell.version());
        line(text, "wheel", cell.wheel());
        line(text, "reason", cell.reason());
        line(text, "suggestion", cell.suggestion());
        for (HealthView.Culprit culprit : row.culprits()) {
            HealthView.Cell dep = culprit.cells().get(env.id());
            if (dep != null && dep.problem()) {
                line(text, "dependency " + String.join(" \u2190 ", dep.via()), dep.status()
                        + (dep.reason() == null ? "" : ": " + dep.reason()));
            }
        }
        return text.toString();
    }

    private static String passed(HealthView.Cell cell) {
        StringBuilder text = new StringBuilder();
        line(text, "status", cell.status());
        line(text, "version", cell.version());
        line(text, "wheel", cell.wheel());
        line(text, "reason", cell.reason());
        line(text, "suggestion", cell.suggestion());
        return text.toString();
    }

    private static void line(StringBuilder text, String key, String value) {
        if (value != null) {
            text.append(key).append(": ").append(value).append('\n');
        }
    }

    private static String suiteStart(String name, int tests, int failures, int skipped) {
        return "  <testsuite name=\"" + Escape.xmlAttribute(name) + "\" tests=\"" + tests + "\" failures=\"" + failures
                + "\" errors=\"0\" skipped=\"" + skipped + "\" time=\"0\">\n";
    }

    private static void property(StringBuilder out, String name, String value) {
        if (value != null) {
            out.append("      <property name=\"").append(name).append("\" value=\"").append(Escape.xmlAttribute(value))
                    .append("\"/>\n");
        }
    }

    /**
     * One case: a failure when {@code failureType} is set, skipped when only {@code message} is set,
     * passed otherwise (with {@code output} as system-out when given).
     */
    private static void testcase(StringBuilder out, String name, String classname, String failureType, String message,
            String body, String output) {
        out.append("    <testcase name=\"").append(Escape.xmlAttribute(name)).append("\" classname=\"")
                .append(Escape.xmlAttribute(classname)).append("\" time=\"0\"");
        if (failureType != null) {
            out.append(">\n      <failure message=\"").append(Escape.xmlAttribute(message)).append("\" type=\"")
                    .append(Escape.xmlAttribute(failureType)).append("\">").append(Escape.xmlText(body))
                    .append("</failure>\n    </testcase>\n");
        } else if (message != null) {
            out.append(">\n      <skipped message=\"").append(Escape.xmlAttribute(message)).append("\"/>\n    </testcase>\n");
        } else if (output != null) {
            out.append(">\n      <system-out>").append(Escape.xmlText(output)).append("</system-out>\n    </testcase>\n");
        } else {
            out.append("/>\n");
        }
    }
}
