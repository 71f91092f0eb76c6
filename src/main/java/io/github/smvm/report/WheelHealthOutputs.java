package io.github.smvm.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.smvm.fs.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Writes the reports {@code assess} produces besides {@code wheel-health.json}: records the run in the
 * history, then renders the chosen formats from the JSON tree and the history, each file atomically,
 * and appends the Markdown summary to a CI job summary file when one is named.
 */
public final class WheelHealthOutputs {

    /**
     * What to write.
     *
     * @param formats the chosen formats ({@link ReportFormat#JSON} is written by the caller, before)
     * @param historyFile the history file, or {@code null} when the history is off
     * @param historyLimit the number of lines the history keeps (at least 1)
     * @param stepSummary a file to append the Markdown summary to (GitHub's {@code GITHUB_STEP_SUMMARY}), or
     *     {@code null}; used only when {@link ReportFormat#MD} is chosen
     */
    public record Options(Set<ReportFormat> formats, Path historyFile, int historyLimit, Path stepSummary) {
        public Options {
            formats = Set.copyOf(formats);
            if (historyLimit < 1) {
                throw new IllegalArgumentException("the history limit must be at least 1, was " + historyLimit);
            }
        }
    }

    /**
     * What was written.
     *
     * @param files the report files, in format order
     * @param runs the runs in the history after this one (1 when the history is off: this run only)
     * @param summaryAppended whether the Markdown summary was appended to the job summary file
     * @param warnings problems that did not stop the reports: an unreadable or unwritable history, malformed
     *     history lines, an unwritable job summary
     */
    public record Written(List<Path> files, int runs, boolean summaryAppended, List<String> warnings) {
        public Written {
            files = List.copyOf(files);
            warnings = List.copyOf(warnings);
        }
    }

    private WheelHealthOutputs() {}

    /**
     * Records the run and writes the files.
     *
     * @throws IOException when a report file cannot be written (history and job summary problems are warnings)
     */
    public static Written write(Path outputDirectory, JsonNode report, Options options) throws IOException {
        List<String> warnings = new ArrayList<>();
        // one view of the document for the history and every format
        HealthView view = HealthView.of(report);
        HistoryEntry entry = HistoryEntry.of(view);
        List<HistoryEntry> history = List.of(entry);
        if (options.historyFile() != null) {
            HealthHistory file = new HealthHistory(options.historyFile());
            try {
                HealthHistory.Loaded loaded = file.append(entry, options.historyLimit());
                history = loaded.entries();
                if (loaded.malformedLines() > 0) {
                    warnings.add("Skipped " + loaded.malformedLines() + " malformed line(s) of " + file.file());
                }
            } catch (IOException | RuntimeException e) {
                warnings.add("Cannot record this run in " + file.file() + ": " + e.getMessage()
                        + "; the trend shows this run only");
            }
        }
        // the reports are rendered in parallel (each from the same read-only view), then written in order
        List<ReportFormat> chosen = new ArrayList<>();
        for (ReportFormat format : ReportFormat.values()) {
            if (format != ReportFormat.JSON && options.formats().contains(format)) {
                chosen.add(format);
            }
        }
        List<HistoryEntry> trend = history;
        Map<ReportFormat, String> texts = new EnumMap<>(ReportFormat.class);
        ExecutorService pool = Executors.newFixedThreadPool(
                Math.max(1, Math.min(chosen.size(), Runtime.getRuntime().availableProcessors())), runnable -> {
                    Thread thread = new Thread(runnable, "smvm-report");
                    thread.setDaemon(true);
                    return thread;
                });
        try {
            Map<ReportFormat, CompletableFuture<String>> rendering = new EnumMap<>(ReportFormat.class);
            for (ReportFormat format : chosen) {
                rendering.put(format, CompletableFuture.supplyAsync(() -> render(format, view, trend), pool));
            }
            rendering.forEach((format, text) -> texts.put(format, text.join()));
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        } finally {
            pool.shutdownNow();
        }
        List<Path> files = new ArrayList<>();
        String markdown = texts.get(ReportFormat.MD);
        for (Map.Entry<ReportFormat, String> e : texts.entrySet()) {
            Path file = outputDirectory.resolve(e.getKey().fileName());
            AtomicFiles.write(file, e.getValue());
            files.add(file);
        }
        boolean appended = false;
        if (markdown != null && options.stepSummary() != null) {
            try {
                Files.writeString(options.stepSummary(), markdown + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE, StandardOpenOption.APPEND);
                appended = true;
            } catch (IOException e) {
                warnings.add("Cannot append the summary to " + options.stepSummary() + " (GITHUB_STEP_SUMMARY): " + e);
            }
        }
        return new Written(files, history.size(), appended, warnings);
    }

    private static String render(ReportFormat format, HealthView view, List<HistoryEntry> history) {
        return switch (format) {
            case HTML -> HtmlReport.render(view, history);
            case MD -> MarkdownReport.render(view, history);
            case JUNIT -> JUnitReport.render(view);
            case JSON -> throw new IllegalStateException("written by the caller");
        };
    }
}
