package io.github.smvm.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code wheel-health.md}: the assessment in GitHub-flavoured Markdown, short enough for a pull-request
 * comment or a CI job summary. The outcome, one table row per environment with a trend sparkline,
 * the requirements that fail somewhere (at most {@link #MAX_PROBLEM_ROWS}, reasons cut to
 * {@link #MAX_REASON} characters) and the recommendations. Pure: no I/O.
 */
public final class MarkdownReport {

    /** The file name inside the output directory. */
    public static final String FILE_NAME = "wheel-health.md";

    static final int MAX_PROBLEM_ROWS = 25;
    static final int MAX_REASON = 220;
    static final int MAX_RECOMMENDATIONS = 10;
    static final int MAX_ENVIRONMENTS_PER_ROW = 6;
    static final int SPARKLINE_RUNS = 20;

    private static final String BARS = "\u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588";

    private MarkdownReport() {}

    public static String render(JsonNode report, List<HistoryEntry> history) {
        return render(HealthView.of(report), history);
    }

    static String render(HealthView view, List<HistoryEntry> history) {
        StringBuilder md = new StringBuilder();
        md.append("## ").append(icon(view.status())).append(" Wheel health: `").append(code(view.status())).append("`\n\n");
        md.append(outcome(view)).append("\n\n");
        if (!view.environments().isEmpty()) {
            md.append("| Environment | Python | Platform | Available | Ratio | Healthy | Trend |\n");
            md.append("| --- | --- | --- | ---: | ---: | :---: | --- |\n");
            for (HealthView.Env env : view.environments()) {
                md.append("| ").append(Escape.markdown(env.id())).append(" | ");
                if (!env.assessed()) {
                    md.append("unavailable | | | | \u274c | ").append(sparkline(history, env.id())).append(" |\n");
                    continue;
                }
                md.append(Escape.markdown(env.pythonVersion())).append(" | ").append(Escape.markdown(env.platform()))
                        .append(" | ").append(env.availableCount()).append(" / ").append(env.packages()).append(" | ")
                        .append(percent(env.ratio())).append(" | ").append(env.healthy() ? "\u2705" : "\u274c")
                        .append(" | ").append(sparkline(history, env.id())).append(" |\n");
            }
            md.append('\n');
        }
        problems(md, view);
        if (!view.recommendations().isEmpty()) {
            md.append("### Recommendations\n\n");
            List<String> recommendations = view.recommendations();
            for (String recommendation : recommendations.subList(0, Math.min(MAX_RECOMMENDATIONS, recommendations.size()))) {
                md.append("- ").append(withCode(Escape.truncate(recommendation, 2 * MAX_REASON))).append('\n');
            }
            if (recommendations.size() > MAX_RECOMMENDATIONS) {
                md.append("- \u2026 ").append(recommendations.size() - MAX_RECOMMENDATIONS).append(" more in `")
                        .append(HtmlReport.FILE_NAME).append("`\n");
            }
            md.append('\n');
        }
        md.append("<sub>smvm-maven-plugin \u00b7 ").append(Escape.markdown(view.timestamp())).append(" \u00b7 details: `")
                .append(HtmlReport.FILE_NAME).append("`, `").append(WheelHealthReport.FILE_NAME).append("`</sub>\n");
        return md.toString();
    }

    private static String outcome(HealthView view) {
        if (view.assessmentFailed()) {
            return "The assessment could not run" + (view.recommendations().isEmpty() ? "."
                    : ": " + Escape.markdown(Escape.truncate(view.recommendations().get(0), 2 * MAX_REASON)));
        }
        StringBuilder text = new StringBuilder();
        HealthView.Env selected = view.selectedEnvironment();
        if (selected != null) {
            text.append("Selected: **").append(Escape.markdown(selected.role())).append("** interpreter, Python ")
                    .append(Escape.markdown(selected.pythonVersion()));
        } else {
            text.append("Selected: **none**: neither interpreter is healthy");
        }
        view.environments().stream().filter(e -> "primary".equals(e.role())).findFirst().ifPresent(primary -> {
            text.append(" \u00b7 primary: ");
            if (primary.assessed()) {
                text.append(percent(primary.ratio())).append(" available (").append(view.available()).append(" of ")
                        .append(view.checked()).append(" counted)");
            } else {
                text.append("unavailable");
            }
        });
        text.append(" \u00b7 threshold ").append(percent(view.threshold()));
        if (view.fallbackReason() != null) {
            text.append(" \u00b7 fallback reason: `").append(code(view.fallbackReason())).append('`');
        }
        return text.toString();
    }

    private static void problems(StringBuilder md, HealthView view) {
        List<HealthView.Row> failing = view.rows().stream().filter(r -> r.problem(view.environments())).toList();
        if (view.rows().isEmpty()) {
            return;
        }
        List<String> ignored = view.rows().stream()
                .filter(r -> r.cells().values().stream().anyMatch(HealthView.Cell::ignoredProblem))
                .map(r -> "`" + code(r.requirement() != null ? r.requirement() : r.name()) + "`").toList();
        if (!ignored.isEmpty()) {
            md.append("Ignored by the policy (`<ignore>`), not counted although not available everywhere: ")
                    .append(String.join(", ", ignored)).append(".\n\n");
        }
        if (failing.isEmpty()) {
            md.append("Every requirement installs from a wheel in every environment.\n\n");
            return;
        }
        md.append("### Problems\n\n").append(failing.size())
                .append(failing.size() == 1 ? " requirement" : " requirements").append(" of ").append(view.rows().size())
                .append(failing.size() == 1 ? " does" : " do").append(" not install from wheels everywhere.\n\n");
        md.append("| Requirement | Fails in | Reason |\n| --- | --- | --- |\n");
        for (HealthView.Row row : failing.subList(0, Math.min(MAX_PROBLEM_ROWS, failing.size()))) {
            Map<String, List<String>> byStatus = new LinkedHashMap<>();
            HealthView.Cell first = null;
            HealthView.Env firstEnv = null;
            int environments = 0;
            for (HealthView.Env env : view.environments()) {
                HealthView.Cell cell = row.cells().get(env.id());
                if (cell != null && cell.problem()) {
                    byStatus.computeIfAbsent(cell.status(), s -> new ArrayList<>()).add(env.id());
                    environments++;
                    if (first == null) {
                        first = cell;
                        firstEnv = env;
                    }
                }
            }
            List<String> where = new ArrayList<>();
            int shown = 0;
            for (Map.Entry<String, List<String>> entry : byStatus.entrySet()) {
                List<String> ids = entry.getValue();
                List<String> listed = ids.subList(0, Math.min(ids.size(), Math.max(0, MAX_ENVIRONMENTS_PER_ROW - shown)));
                shown += listed.size();
                if (!listed.isEmpty()) {
                    where.add(Escape.markdown(String.join(", ", listed)) + " (" + Escape.markdown(entry.getKey()) + ")");
                }
            }
            if (environments > shown) {
                where.add("+" + (environments - shown) + " more");
            }
            String reason = first == null ? "" : first.reason() == null ? first.status() : first.reason();
            if (first != null && first.suggestion() != null) {
                reason += " \u2014 suggestion: " + first.suggestion();
            }
            md.append("| ").append(Escape.markdown(Escape.truncate(row.requirement() != null ? row.requirement() : row.name(), 80)))
                    .append(" | ").append(String.join("; ", where)).append(" | ")
                    .append(firstEnv == null || environments == 1 ? "" : Escape.markdown(firstEnv.id()) + ": ")
                    .append(Escape.markdown(Escape.truncate(reason, MAX_REASON))).append(" |\n");
        }
        if (failing.size() > MAX_PROBLEM_ROWS) {
            md.append("\n\u2026 and ").append(failing.size() - MAX_PROBLEM_ROWS).append(" more: see `")
                    .append(HtmlReport.FILE_NAME).append("`.\n");
        }
        md.append('\n');
    }

    /** The ratios of the last runs of one environment as block characters; a run without it is a dot. */
    static String sparkline(List<HistoryEntry> history, String id) {
        List<HistoryEntry> last = history.subList(Math.max(0, history.size() - SPARKLINE_RUNS), history.size());
        StringBuilder line = new StringBuilder();
        for (HistoryEntry entry : last) {
            Double ratio = entry.environment(id).map(HistoryEntry.EnvironmentPoint::ratio).orElse(null);
            if (ratio == null) {
                line.append('\u00b7');
            } else {
                int index = (int) Math.round(Math.max(0, Math.min(1, ratio)) * (BARS.length() - 1));
                line.append(BARS.charAt(index));
            }
        }
        return line.toString();
    }

    private static String icon(String status) {
        return switch (status == null ? "" : status) {
            case "primary_healthy" -> "\u2705";
            case "fallback_available" -> "\u26a0\ufe0f";
            case "complete_failure" -> "\u274c";
            default -> "\ud83d\uded1";
        };
    }

    private static String percent(Double ratio) {
        return ratio == null ? "\u2013" : String.format(Locale.ROOT, "%.1f%%", ratio * 100);
    }

    /** Text for inside a code span: no backtick can end it, no line break can end the line. */
    private static String code(String text) {
        return text == null ? "" : text.replace('`', '\'').replace('\n', ' ').replace('\r', ' ').replace('|', '/');
    }

    /** Markdown-escaped text whose {@code `...`} spans become HTML code elements (escaped inside). */
    private static String withCode(String text) {
        String[] parts = text.split("`", -1);
        if (parts.length % 2 == 0) {
            return Escape.markdown(text);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            out.append(i % 2 == 0 ? Escape.markdown(parts[i])
                    : "<code>" + Escape.html(parts[i]).replace("|", "&#124;").replace('\n', ' ') + "</code>");
        }
        return out.toString();
    }
}
