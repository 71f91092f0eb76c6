package io.github.smvm.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code wheel-health.html}: one self-contained page (inline CSS and SVG, one small inline script, no
 * network: its Content-Security-Policy allows nothing else). The outcome in a banner; the matrix of
 * requirements by environments, each cell coloured by status and showing the chosen version, with the
 * wheel, reason and suggestion on hover (the cell's title) and in a panel on click; under a requirement,
 * the dependencies that break it; the trend of availability per environment over the recorded runs;
 * the recommendations. Every text that comes from the inputs is escaped. Pure: no I/O.
 */
public final class HtmlReport {

    /** The file name inside the output directory. */
    public static final String FILE_NAME = "wheel-health.html";

    /** Line colours of the environments in the trend chart, in report order (repeats after twelve). */
    static final List<String> PALETTE = List.of("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
            "#e377c2", "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#637939");

    /** Short CSS class per status, to keep a 3,600-cell page small. */
    private static final Map<String, String> CLASS = Map.of("wheel", "w", "older_wheel", "o", "sdist_only", "s",
            "no_wheel", "n", "no_version", "v", "not_found", "f", "error", "e", "skipped", "k");

    private static final Map<String, String> LABEL = Map.of("wheel", "wheel", "older_wheel", "older wheel",
            "sdist_only", "sdist only", "no_wheel", "no wheel", "no_version", "no version", "not_found", "not found",
            "error", "index error", "skipped", "skipped");

    /** Runs up to which every point of the trend gets a marker with its own tooltip. */
    static final int MARKED_RUNS = 60;

    private static final String CSS = """
            :root{--ok:#1a7f37;--bad:#cf222e;--warn:#9a6700;--mute:#57606a;--line:#d0d7de;--bg:#f6f8fa}
            *{box-sizing:border-box}
            body{margin:0;font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#1f2328;background:#fff}
            h2{font-size:16px;margin:0 0 8px}
            code{font:12px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--bg);padding:1px 4px;border-radius:4px}
            .banner{padding:14px 24px;color:#fff;display:flex;flex-wrap:wrap;gap:10px 28px;align-items:center}
            .b-primary_healthy{background:#1a7f37}.b-fallback_available{background:#b35900}
            .b-complete_failure{background:#cf222e}.b-assessment_failed{background:#6e1b1b}
            .banner .status{font-size:24px;font-weight:700;letter-spacing:.2px}.banner .status small{display:block;font-size:12px;font-weight:400;opacity:.9}
            .banner .fact span{display:block;font-size:11px;text-transform:uppercase;opacity:.85}
            .banner .fact b{font-size:16px}.banner .fact small{display:block;opacity:.85;max-width:420px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
            .meter{position:relative;width:140px;height:8px;background:rgba(255,255,255,.35);border-radius:4px;margin-top:4px}
            .meter i{position:absolute;left:0;top:0;bottom:0;background:#fff;border-radius:4px}
            .meter u{position:absolute;top:-4px;bottom:-4px;width:2px;background:#111}
            .when{margin-left:auto;font-size:12px;opacity:.9;text-align:right}
            main{padding:16px 24px;display:grid;grid-template-columns:minmax(0,3fr) minmax(260px,2fr);gap:16px 28px}
            section{min-width:0}#matrix,#details{grid-column:1/-1}
            .card{border:1px solid var(--line);border-radius:8px;padding:12px 14px}
            .legend{display:flex;flex-wrap:wrap;gap:4px 14px;font-size:12px;color:var(--mute);margin:6px 0}
            .legend b{display:inline-block;width:11px;height:11px;border-radius:2px;vertical-align:-1px;margin-right:4px;border:1px solid rgba(0,0,0,.15)}
            .recs{margin:0;padding-left:18px}.recs li{margin:0 0 6px;overflow-wrap:anywhere}
            #trend,#recommendations{max-height:440px;overflow:auto}
            #trend g:hover polyline{stroke-width:4}#trend svg:hover g{opacity:.35}#trend svg g:hover{opacity:1}
            .tools{display:flex;flex-wrap:wrap;gap:8px 18px;align-items:center;margin-bottom:8px}
            #only{position:absolute;opacity:0}
            .tools label{cursor:pointer;border:1px solid var(--line);border-radius:16px;padding:3px 12px;user-select:none;background:#fff}
            #only:checked~.tools label[for=only]{background:#cf222e;color:#fff;border-color:#cf222e}
            #only:focus-visible~.tools label[for=only]{outline:2px solid #0969da}
            #only:checked~.scroll tr.g{display:none}
            #q{border:1px solid var(--line);border-radius:6px;padding:4px 8px;font:inherit;width:220px}
            .scroll{overflow:auto;max-height:calc(100vh - 60px);border:1px solid var(--line);border-radius:8px}
            table.m{border-collapse:separate;border-spacing:0;font-size:12px;table-layout:fixed}
            .m th,.m td{border-right:1px solid #fff;border-bottom:1px solid #fff;padding:3px 6px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
            .m thead th{position:sticky;top:0;z-index:2;background:#eaeef2;vertical-align:bottom;text-align:left;font-weight:600;width:86px;white-space:normal}
            .m thead th.c{left:0;z-index:3;width:230px}
            .m thead .id{overflow-wrap:anywhere;line-height:1.2}.m thead .py{font-weight:400;color:var(--mute);overflow-wrap:anywhere}
            .m thead .r{font-weight:700}.m thead .r.ok{color:var(--ok)}.m thead .r.bad{color:var(--bad)}
            .m tbody th{position:sticky;left:0;z-index:1;background:#fff;text-align:left;font-weight:500;border-bottom:1px solid #eaeef2}
            .m tbody tr.d th{font-weight:400;color:var(--mute);padding-left:18px}
            .m tbody tr.d th small{color:#8c959f}
            .m tbody tr.hid{display:none}
            .m td{text-align:center;cursor:pointer;font-variant-numeric:tabular-nums}
            .m td:hover{outline:2px solid #0969da;outline-offset:-2px}
            .w{background:#c7ecd0}.o{background:#e4f1b8}.s{background:#ffd8a8}.n{background:#ffb8b8}.v{background:#e7c6f2}
            .f{background:#f7c6d9}.e{background:#6e7781;color:#fff}.k{background:#f0f2f4;color:#8c959f}
            .ig{opacity:.5}
            .x{background:repeating-linear-gradient(45deg,#f6f8fa,#f6f8fa 4px,#e4e7ea 4px,#e4e7ea 8px);color:#8c959f}
            .m tr.d td{opacity:.9;font-style:italic}
            .empty{color:var(--mute);padding:14px}
            svg text{font:11px system-ui,sans-serif;fill:#57606a}
            #panel{position:fixed;right:16px;bottom:16px;width:min(560px,calc(100vw - 32px));max-height:50vh;overflow:auto;background:#fff;border:1px solid var(--line);border-radius:8px;box-shadow:0 8px 24px rgba(31,35,40,.2);padding:12px 14px;z-index:9}
            #panel h3{margin:0 32px 6px 0;font-size:14px;overflow-wrap:anywhere}
            #panel p{margin:4px 0;overflow-wrap:anywhere;white-space:pre-wrap;font-size:13px}
            #panel button{position:absolute;top:8px;right:8px;border:0;background:none;font-size:18px;cursor:pointer}
            footer{padding:8px 24px 24px;color:var(--mute);font-size:12px}
            @media (max-width:900px){main{grid-template-columns:minmax(0,1fr)}}
            """;

    /** The page's one script: the requirement filter and the details panel. Allowed by its hash only. */
    private static final String SCRIPT = """
            (function(){
            var q=document.getElementById('q'),p=document.getElementById('panel'),t=document.querySelector('table.m');
            if(q){q.addEventListener('input',function(){var v=q.value.trim().toLowerCase();
            t.querySelectorAll('tbody tr').forEach(function(r){r.classList.toggle('hid',v!==''&&r.getAttribute('data-k').indexOf(v)<0);});});}
            function show(td){var tr=td.parentNode,th=t.tHead.rows[0].cells[td.cellIndex];
            p.textContent='';var b=document.createElement('button');b.textContent='\\u00d7';b.title='close';b.onclick=function(){p.hidden=true;};
            var h=document.createElement('h3');h.textContent=tr.cells[0].getAttribute('title')+' \\u2014 '+th.getAttribute('data-id');p.append(b,h);
            (td.getAttribute('title')||'').split('\\n').forEach(function(l){var e=document.createElement('p');e.textContent=l;p.append(e);});
            p.hidden=false;}
            if(t){t.addEventListener('click',function(e){var td=e.target.closest('td');if(td)show(td);});}
            document.addEventListener('keydown',function(e){if(e.key==='Escape')p.hidden=true;});
            document.documentElement.setAttribute('data-ready','1');
            })();
            """;

    private HtmlReport() {}

    public static String render(JsonNode report, List<HistoryEntry> history) {
        return render(HealthView.of(report), history);
    }

    static String render(HealthView view, List<HistoryEntry> history) {
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; ")
                .append("script-src '").append(scriptHash()).append("'\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\n")
                .append("<title>Wheel health: ").append(Escape.html(view.status())).append("</title>\n<style>\n")
                .append(CSS).append("</style></head>\n<body>\n");
        banner(html, view);
        html.append("<main>\n");
        trend(html, view, history);
        recommendations(html, view);
        matrix(html, view);
        html.append("</main>\n<div id=\"panel\" role=\"dialog\" hidden></div>\n")
                .append("<footer>Written by smvm-maven-plugin (<code>smvm:assess</code>) from <code>")
                .append(WheelHealthReport.FILE_NAME).append("</code>")
                .append(view.timestamp() == null ? "" : " of " + Escape.html(view.timestamp()))
                .append(". Hover over a cell for its wheel, reason and suggestion; click it to keep them open.</footer>\n")
                .append("<script>\n").append(SCRIPT).append("</script>\n</body></html>\n");
        return html.toString();
    }

    /** {@code sha256-...} of the script, as the Content-Security-Policy names it. */
    static String scriptHash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("\n" + SCRIPT).getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static void banner(StringBuilder html, HealthView view) {
        String status = view.status() == null ? "assessment_failed" : view.status();
        html.append("<header class=\"banner b-").append(Escape.html(status)).append("\">\n<div class=\"status\">")
                .append(icon(status)).append(' ').append(Escape.html(status));
        if (view.fallbackReason() != null) {
            html.append("<small title=\"fallback reason\">").append(Escape.html(view.fallbackReason())).append("</small>");
        }
        html.append("</div>\n");
        if (view.assessmentFailed()) {
            html.append("<div class=\"fact\"><span>Why</span><b>")
                    .append(Escape.html(view.recommendations().isEmpty() ? "the assessment could not run"
                            : Escape.truncate(view.recommendations().get(0), 400)))
                    .append("</b></div>\n");
        } else {
            HealthView.Env selected = view.selectedEnvironment();
            html.append("<div class=\"fact\"><span>Selected interpreter</span><b>");
            if (selected == null) {
                html.append("none</b><small>neither interpreter is healthy</small>");
            } else {
                html.append(Escape.html(selected.role())).append(" \u00b7 Python ").append(Escape.html(selected.pythonVersion()))
                        .append("</b><small title=\"").append(Escape.html(selected.executable())).append("\">")
                        .append(Escape.html(selected.executable())).append("</small>");
            }
            html.append("</div>\n");
            for (HealthView.Env env : view.environments()) {
                if (!"primary".equals(env.role()) && !"fallback".equals(env.role())) {
                    continue;
                }
                html.append("<div class=\"fact\"><span>").append(Escape.html(env.role())).append(" available</span><b>");
                if (!env.assessed()) {
                    html.append("interpreter not found</b>");
                } else {
                    // the primary's counts are the policy's (ignored packages left out); the fallback's are counted here
                    boolean primary = "primary".equals(env.role());
                    html.append(percent(env.ratio())).append("</b> (").append(primary ? view.available() : env.availableCount())
                            .append(" of ").append(primary ? view.checked() : env.packages() - env.skippedCount()).append(')');
                    double ratio = env.ratio() == null ? 0 : Math.max(0, Math.min(1, env.ratio()));
                    html.append("<div class=\"meter\" title=\"").append(percent(env.ratio())).append(" against threshold ")
                            .append(percent(view.threshold())).append("\"><i style=\"width:")
                            .append(String.format(Locale.ROOT, "%.1f", ratio * 100)).append("%\"></i>");
                    if (view.threshold() != null) {
                        html.append("<u style=\"left:").append(String.format(Locale.ROOT, "%.1f",
                                Math.max(0, Math.min(1, view.threshold())) * 100)).append("%\"></u>");
                    }
                    html.append("</div>");
                }
                html.append("</div>\n");
            }
            html.append("<div class=\"fact\"><span>Threshold</span><b>").append(percent(view.threshold())).append("</b></div>\n");
        }
        html.append("<div class=\"when\">").append(Escape.html(view.timestamp())).append("<br>")
                .append(view.environments().size()).append(view.environments().size() == 1 ? " environment" : " environments")
                .append(" \u00b7 ").append(view.rows().size()).append(view.rows().size() == 1 ? " requirement" : " requirements")
                .append("</div>\n</header>\n");
    }

    private static void recommendations(StringBuilder html, HealthView view) {
        html.append("<section id=\"recommendations\" class=\"card\"><h2>Recommendations</h2>\n");
        if (view.recommendations().isEmpty()) {
            html.append("<p class=\"empty\">Nothing to do: every environment is healthy.</p>");
        } else {
            html.append("<ul class=\"recs\">\n");
            for (String recommendation : view.recommendations()) {
                html.append("<li>").append(withCode(recommendation)).append("</li>\n");
            }
            html.append("</ul>");
        }
        html.append("</section>\n");
    }

    private static void matrix(StringBuilder html, HealthView view) {
        html.append("<section id=\"matrix\"><h2>Requirements \u00d7 environments</h2>\n");
        if (view.rows().isEmpty()) {
            html.append("<p class=\"empty card\">").append(view.assessmentFailed()
                    ? "The assessment could not run: nothing was assessed."
                    : "No requirements were assessed.").append("</p></section>\n");
            return;
        }
        List<HealthView.Env> envs = view.environments();
        int problems = (int) view.rows().stream().filter(r -> r.problem(envs)).count();
        Map<String, Integer> counts = new LinkedHashMap<>();
        HealthView.STATUSES.forEach(s -> counts.put(s, 0));
        for (HealthView.Row row : view.rows()) {
            for (HealthView.Cell cell : row.cells().values()) {
                counts.merge(cell.status(), 1, Integer::sum);
            }
        }
        html.append("<input type=\"checkbox\" id=\"only\">\n<div class=\"tools\"><label for=\"only\">only problems (")
                .append(problems).append(" of ").append(view.rows().size()).append(")</label>")
                .append("<input id=\"q\" type=\"search\" placeholder=\"filter requirements\" aria-label=\"filter requirements\">")
                .append("<div class=\"legend\">");
        counts.forEach((status, count) -> {
            if (count > 0) {
                html.append("<span><b class=\"").append(CLASS.get(status)).append("\"></b>").append(LABEL.get(status))
                        .append(' ').append(count).append("</span>");
            }
        });
        if (envs.stream().anyMatch(e -> !e.assessed())) {
            html.append("<span><b class=\"x\"></b>not assessed</span>");
        }
        html.append("</div></div>\n");
        html.append("<div class=\"scroll\"><table class=\"m\" style=\"width:").append(230 + 86 * envs.size())
                .append("px\">\n<thead><tr><th class=\"c\">Requirement</th>");
        for (HealthView.Env env : envs) {
            html.append("<th data-id=\"").append(Escape.html(env.id())).append("\" title=\"").append(Escape.html(envTitle(env)))
                    .append("\"><div class=\"id\">").append(breakable(env.id())).append("</div><div class=\"py\">");
            if (env.assessed()) {
                html.append(Escape.html(env.pythonVersion() == null ? "" : env.pythonVersion()));
                if (env.platform() != null && !env.id().contains(env.platform())) {
                    html.append(" \u00b7 ").append(breakable(env.platform()));
                }
                html.append("</div><div class=\"r ").append(env.healthy() ? "ok" : "bad").append("\">")
                        .append(percent(env.ratio())).append(env.healthy() ? " \u2713" : " \u2717").append("</div>");
            } else {
                html.append("not found</div><div class=\"r bad\">\u2717</div>");
            }
            html.append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (HealthView.Row row : view.rows()) {
            boolean problem = row.problem(envs);
            String label = row.requirement() != null ? row.requirement() : row.name();
            String key = (label + " " + row.name()).toLowerCase(Locale.ROOT);
            StringBuilder culpritNames = new StringBuilder();
            row.culprits().forEach(c -> culpritNames.append(' ').append(c.name()));
            String rowKey = key + culpritNames.toString().toLowerCase(Locale.ROOT);
            html.append("<tr").append(problem ? "" : " class=\"g\"").append(" data-k=\"").append(Escape.html(rowKey))
                    .append("\"><th title=\"").append(Escape.html(label)).append("\">").append(Escape.html(label)).append("</th>");
            for (HealthView.Env env : envs) {
                cell(html, row.cells().get(env.id()), env, env.assessed() ? "not reported for this environment"
                        : "not assessed: the interpreter was not found");
            }
            html.append("</tr>\n");
            for (HealthView.Culprit culprit : row.culprits()) {
                String chain = String.join(" \u2190 ", culprit.via());
                html.append("<tr class=\"d").append(problem ? "" : " g").append("\" data-k=\"").append(Escape.html(rowKey))
                        .append("\"><th title=\"").append(Escape.html("dependency " + chain)).append("\">\u21b3 ")
                        .append(Escape.html(culprit.name())).append(" <small>via ")
                        .append(Escape.html(String.join(" \u2190 ", culprit.via().subList(0, Math.max(0, culprit.via().size() - 1)))))
                        .append("</small></th>");
                for (HealthView.Env env : envs) {
                    cell(html, culprit.cells().get(env.id()), env, "not a dependency in this environment");
                }
                html.append("</tr>\n");
            }
        }
        html.append("</tbody></table></div>\n</section>\n");
    }

    private static void cell(StringBuilder html, HealthView.Cell cell, HealthView.Env env, String absent) {
        if (cell == null) {
            html.append("<td class=\"x\" title=\"").append(Escape.html(absent)).append("\">\u00b7</td>");
            return;
        }
        String cls = CLASS.getOrDefault(cell.status(), "e") + (cell.ignoredProblem() ? " ig" : "");
        StringBuilder title = new StringBuilder();
        if (cell.ignoredProblem()) {
            title.append("ignored by the policy (<ignore>): not counted\n");
        }
        if (!"wheel".equals(cell.status())) {
            title.append(LABEL.getOrDefault(cell.status(), cell.status())).append('\n');
        }
        if (cell.version() != null && !"wheel".equals(cell.status())) {
            title.append("version: ").append(cell.version()).append('\n');
        }
        if (cell.wheel() != null) {
            title.append("wheel: ").append(cell.wheel()).append('\n');
        }
        if (cell.reason() != null) {
            title.append("reason: ").append(cell.reason()).append('\n');
        }
        if (cell.suggestion() != null) {
            title.append("suggestion: ").append(cell.suggestion()).append('\n');
        }
        if (title.length() > 0) {
            title.setLength(title.length() - 1);
        }
        String text = cell.version() != null ? cell.version() : LABEL.getOrDefault(cell.status(), cell.status());
        html.append("<td class=\"").append(cls).append("\" title=\"").append(Escape.html(title.toString())).append("\">")
                .append(Escape.html(Escape.truncate(text, 16))).append("</td>");
    }

    private static String envTitle(HealthView.Env env) {
        StringBuilder title = new StringBuilder(env.id());
        if (!env.assessed()) {
            return title.append(": interpreter not found, nothing assessed")
                    .append(env.unavailableReason() == null ? "" : "\n" + env.unavailableReason()).toString();
        }
        title.append("\nPython ").append(env.pythonVersion() == null ? "?" : env.pythonVersion());
        if (env.implementation() != null) {
            title.append(" (").append(env.implementation()).append(')');
        }
        if (env.platform() != null) {
            title.append("\nplatform: ").append(env.platform());
        }
        if (env.executable() != null) {
            title.append("\nexecutable: ").append(env.executable());
        }
        title.append("\n").append(env.availableCount()).append(" available, ").append(env.problemCount())
                .append(" failing, ").append(env.skippedCount()).append(" skipped or ignored; ratio ").append(percent(env.ratio()))
                .append(env.healthy() ? ", healthy" : ", not healthy");
        return title.toString();
    }

    private static void trend(StringBuilder html, HealthView view, List<HistoryEntry> history) {
        html.append("<section id=\"trend\" class=\"card\"><h2>Availability over the last ").append(history.size())
                .append(history.size() == 1 ? " run" : " runs").append("</h2>\n");
        if (history.isEmpty()) {
            html.append("<p class=\"empty\">No runs recorded.</p></section>\n");
            return;
        }
        List<String> ids = new ArrayList<>();
        view.environments().forEach(e -> ids.add(e.id()));
        if (ids.isEmpty()) {
            history.get(history.size() - 1).environments().forEach(p -> ids.add(p.id()));
        }
        int width = 720;
        int height = 250;
        int left = 40;
        int right = 12;
        int top = 10;
        int plot = 170;
        int n = history.size();
        double step = n == 1 ? 0 : (double) (width - left - right) / (n - 1);
        html.append("<svg viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" width=\"100%\" role=\"img\" aria-label=\"availability per environment over the recorded runs\">\n");
        for (int pct = 0; pct <= 100; pct += 25) {
            double y = top + plot - plot * pct / 100.0;
            html.append(String.format(Locale.ROOT,
                    "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#eaeef2\"/><text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%d%%</text>\n",
                    left, width - right, y, y, left - 6, y + 4, pct));
        }
        if (view.threshold() != null) {
            double y = top + plot - plot * Math.max(0, Math.min(1, view.threshold()));
            html.append(String.format(Locale.ROOT,
                    "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#cf222e\" stroke-dasharray=\"5 4\"/>"
                            + "<text x=\"%d\" y=\"%.1f\" style=\"fill:#cf222e;paint-order:stroke;stroke:#fff;stroke-width:3px\">threshold %s</text>\n",
                    left, width - right, y, y, left + 4, y - 4, percent(view.threshold())));
        }
        for (int e = 0; e < ids.size(); e++) {
            String id = ids.get(e);
            String colour = PALETTE.get(e % PALETTE.size());
            // a gap where a run did not have (or could not assess) the environment
            List<StringBuilder> segments = new ArrayList<>();
            StringBuilder current = null;
            StringBuilder marks = new StringBuilder();
            for (int i = 0; i < n; i++) {
                HistoryEntry entry = history.get(i);
                HistoryEntry.EnvironmentPoint point = entry.environment(id).orElse(null);
                if (point == null || point.ratio() == null) {
                    current = null;
                    continue;
                }
                double x = n == 1 ? (left + width - right) / 2.0 : left + step * i;
                double y = top + plot - plot * Math.max(0, Math.min(1, point.ratio()));
                if (current == null) {
                    current = new StringBuilder();
                    segments.add(current);
                }
                current.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
                if (n <= MARKED_RUNS || i == n - 1) {
                    marks.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"><title>", x, y, colour))
                            .append(Escape.html(id + " \u00b7 " + entry.timestamp() + " \u00b7 " + percent(point.ratio()) + " ("
                                    + point.available() + " of " + point.packages() + " available)"))
                            .append("</title></circle>");
                }
            }
            html.append("<g><title>").append(Escape.html(id)).append("</title>");
            for (StringBuilder segment : segments) {
                html.append("<polyline fill=\"none\" stroke=\"").append(colour)
                        .append("\" stroke-width=\"2\" stroke-linejoin=\"round\" points=\"").append(segment.toString().strip())
                        .append("\"/>");
            }
            html.append(marks).append("</g>\n");
        }
        // one square per run, coloured by its outcome
        double strip = top + plot + 14;
        double cellWidth = Math.max(1.5, Math.min(14, (double) (width - left - right) / n - 1));
        for (int i = 0; i < n; i++) {
            HistoryEntry entry = history.get(i);
            double x = n == 1 ? (left + width - right) / 2.0 : left + step * i;
            html.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"10\" fill=\"%s\"><title>",
                    x - cellWidth / 2, strip, cellWidth, statusColour(entry.status())))
                    .append(Escape.html(entry.timestamp() + ": " + entry.status()
                            + (entry.selected() == null ? "" : ", " + entry.selected()
                                    + (entry.selectedVersion() == null ? "" : " (Python " + entry.selectedVersion() + ")"))
                            + (entry.fallback() ? ", fell back" : "")))
                    .append("</title></rect>");
        }
        html.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\">%s</text>", left, strip + 28,
                Escape.html(shortTime(history.get(0).timestamp()))));
        if (n > 1) {
            html.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>", width - right,
                    strip + 28, Escape.html(shortTime(history.get(n - 1).timestamp()))));
        }
        html.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">outcome per run</text>",
                (left + width - right) / 2.0, strip + 28));
        html.append("</svg>\n<div class=\"legend\">");
        HistoryEntry last = history.get(n - 1);
        for (int e = 0; e < ids.size(); e++) {
            Double ratio = last.environment(ids.get(e)).map(HistoryEntry.EnvironmentPoint::ratio).orElse(null);
            html.append("<span><b style=\"background:").append(PALETTE.get(e % PALETTE.size())).append("\"></b>")
                    .append(Escape.html(ids.get(e))).append(' ').append(percent(ratio)).append("</span>");
        }
        html.append("</div><div class=\"legend\">");
        for (String status : List.of("primary_healthy", "fallback_available", "complete_failure", "assessment_failed")) {
            html.append("<span><b style=\"background:").append(statusColour(status)).append("\"></b>").append(status)
                    .append("</span>");
        }
        html.append("</div></section>\n");
    }

    /** Escaped text that may wrap after {@code _} and {@code -} (platform tags are long). */
    private static String breakable(String text) {
        return Escape.html(text).replace("_", "_<wbr>").replace("-", "-<wbr>");
    }

    private static String shortTime(String timestamp) {
        if (timestamp == null) {
            return "";
        }
        return timestamp.length() >= 16 ? timestamp.substring(0, 10) + " " + timestamp.substring(11, 16) : timestamp;
    }

    private static String statusColour(String status) {
        return switch (status == null ? "" : status) {
            case "primary_healthy" -> "#1a7f37";
            case "fallback_available" -> "#d4a72c";
            case "complete_failure" -> "#cf222e";
            default -> "#6e1b1b";
        };
    }

    private static String icon(String status) {
        return switch (status) {
            case "primary_healthy" -> "\u2714";
            case "fallback_available" -> "\u26a0";
            default -> "\u2716";
        };
    }

    private static String percent(Double ratio) {
        return ratio == null ? "\u2013" : String.format(Locale.ROOT, "%.1f%%", ratio * 100);
    }

    /** Escaped text whose {@code `...`} spans become code elements. */
    private static String withCode(String text) {
        String[] parts = text.split("`", -1);
        if (parts.length % 2 == 0) {
            return Escape.html(text);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            out.append(i % 2 == 0 ? Escape.html(parts[i]) : "<code>" + Escape.html(parts[i]) + "</code>");
        }
        return out.toString();
    }
}
