package io.github.smvm.fallback;

import io.github.smvm.venv.PipSettings;
import io.github.smvm.venv.VenvException;
import io.github.smvm.venv.VenvLayout;
import io.github.smvm.venv.VenvSync;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * One run of the fallback goal without Maven: decide the interpreter from the assessment, bring the
 * environment up to date on it (safely, see {@link VenvSync}), and record the outcome in
 * {@code .smvm_config} and the fallback log, failures included.
 */
public final class FallbackRun {

    /**
     * @param venv the environment's path
     * @param force build on the fallback whatever the assessment says
     * @param restorePrimary go back to the primary once it is healthy again
     * @param lockFile {@code requirements.lock}
     */
    public record Options(Path venv, boolean force, boolean restorePrimary, List<String> verifyImports,
            int keepBackups, Path lockFile, VenvSync.Timeouts timeouts) {

        public Options {
            Objects.requireNonNull(venv, "venv");
            verifyImports = List.copyOf(verifyImports);
        }
    }

    /** What happened: the decision, what the sync did, and the event logged. */
    public record Outcome(FallbackDecision decision, VenvSync.Result result, String event) {
    }

    private final VenvSync sync;
    private final VenvLayout layout;
    private final FallbackRecords records;
    private final Clock clock;

    public FallbackRun(VenvSync sync, VenvLayout layout, FallbackRecords records, Clock clock) {
        this.sync = sync;
        this.layout = layout;
        this.records = records;
        this.clock = clock;
    }

    /**
     * @param inputsDigest identifies the requirements and settings (see {@link #digest})
     * @param waiting told when another build holds the environment's lock
     * @throws FallbackDecision.Refused when the assessment allows no environment (logged)
     * @throws VenvException when a step fails; the previous environment is in place (logged)
     * @throws IOException when the records cannot be written
     */
    public Outcome run(AssessmentSummary assessment, PipSettings pip, String inputsDigest, Options options,
            Consumer<String> waiting) throws IOException {
        long start = System.nanoTime();
        FallbackDecision decision;
        try {
            decision = FallbackDecision.decide(assessment, options.force(), options.restorePrimary(),
                    existingVersion(options.venv()));
        } catch (FallbackDecision.Refused e) {
            records.append(entry(assessment, FallbackDecision.FALLBACK_FAILED, assessment.wheelStatus(), start, null,
                    null, null, firstLine(e.getMessage())));
            throw e;
        }
        VenvSync.Result result;
        String[] event = new String[1];
        try {
            // the records are written before the environment's lock is released: a concurrent build for the
            // same environment cannot write its records in between, or before, ours
            result = sync.sync(new VenvSync.Request(options.venv(), Path.of(decision.interpreter().executable()),
                    decision.interpreter().version(), inputsDigest, pip, options.verifyImports(),
                    options.keepBackups(), options.lockFile(), options.timeouts()), waiting, done -> {
                        try {
                            event[0] = record(assessment, decision, done, options, start);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
        } catch (VenvException e) {
            records.append(entry(assessment, FallbackDecision.FALLBACK_FAILED, decision.reason(), start, null,
                    decision.interpreter().version(), null, e.step().id() + ": " + e.getMessage()));
            throw e;
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        return new Outcome(decision, result, event[0]);
    }

    /** Writes {@code .smvm_config} and the log line of a successful sync; returns the event logged. */
    private String record(AssessmentSummary assessment, FallbackDecision decision, VenvSync.Result result,
            Options options, long start) throws IOException {
        String event = result.upToDate() ? FallbackDecision.UP_TO_DATE : decision.event();
        boolean onFallback = decision.role().equals("fallback");
        String since = onFallback ? (result.upToDate() ? previousFallbackTimestamp() : null) : null;
        Map<String, String> config = new LinkedHashMap<>();
        config.put("python_version", result.pythonVersion());
        config.put("python_executable", result.python().toString());
        config.put("wheel_status", assessment.wheelStatus());
        config.put("fallback_reason", onFallback ? decision.reason() : null);
        config.put("fallback_timestamp", onFallback ? (since != null ? since
                : clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()) : null);
        config.put("venv", options.venv().toAbsolutePath().normalize().toString());
        records.writeConfig(config);
        records.append(entry(assessment, event, decision.reason(), start,
                result.backup() == null ? null : result.backup().toString(), result.pythonVersion(),
                result.packages().size(), null));
        return event;
    }

    private String previousFallbackTimestamp() throws IOException {
        return records.configValue("fallback_timestamp");
    }

    private FallbackRecords.LogEntry entry(AssessmentSummary assessment, String event, String reason, long start,
            String backup, String pythonVersion, Integer packages, String error) {
        return new FallbackRecords.LogEntry(clock.instant(), event, reason, versionOf(assessment.primary()),
                versionOf(assessment.fallback()), assessment.wheelStatus(), (System.nanoTime() - start) / 1_000_000,
                backup, pythonVersion, packages, error);
    }

    private static String versionOf(AssessmentSummary.Interpreter interpreter) {
        return interpreter.available() ? interpreter.version() : "unavailable";
    }

    /** The Python version an existing environment was made with ({@code version} in pyvenv.cfg), or null. */
    String existingVersion(Path venv) {
        Path cfg = layout.config(venv);
        if (!Files.isRegularFile(cfg)) {
            return null;
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(cfg, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
        String version = properties.getProperty("version", properties.getProperty("version_info"));
        return version == null ? null : version.strip();
    }

    /** A digest of everything the environment is built from; a change of any of it means a rebuild. */
    public static String digest(List<String> requirementLines, PipSettings pip, List<String> verifyImports) {
        StringBuilder text = new StringBuilder("smvm-fallback-inputs 1\n");
        requirementLines.forEach(line -> text.append("req ").append(line).append('\n'));
        pip.requirementFiles().forEach(f -> text.append("-r ").append(f.toAbsolutePath().normalize()).append('\n'));
        pip.constraintFiles().forEach(f -> text.append("-c ").append(f.toAbsolutePath().normalize()).append('\n'));
        pip.extraRequirements().forEach(r -> text.append("extra ").append(r).append('\n'));
        text.append("index ").append(normalized(pip.indexUrl())).append('\n');
        pip.extraIndexUrls().forEach(u -> text.append("extra-index ").append(normalized(u)).append('\n'));
        pip.findLinks().forEach(u -> text.append("find-links ").append(normalized(u)).append('\n'));
        text.append("flags ").append(pip.noIndex()).append(pip.onlyBinary()).append(pip.pre())
                .append(pip.requireHashes()).append('\n');
        if (pip.cert() != null) {
            text.append("cert ").append(pip.cert()).append('\n');
        }
        verifyImports.forEach(m -> text.append("import ").append(m).append('\n'));
        return VenvSync.sha256(text.toString());
    }

    /**
     * A URL with its {@code .}/{@code ..} segments resolved, so that modules that name one index or file
     * relative to their own directories ({@code ${project.baseUri}../index/}) share one digest; a
     * directory path likewise.
     */
    private static String normalized(String location) {
        if (location == null) {
            return null;
        }
        if (!location.contains("://")) {
            try {
                return Path.of(location).normalize().toString(); // a find-links directory
            } catch (java.nio.file.InvalidPathException e) {
                return location;
            }
        }
        try {
            java.net.URI uri = new java.net.URI(location).normalize();
            String text = uri.toString();
            String withSlashes = uri.getScheme() + "://";
            // a file URL without a host (file:///x) comes out of normalize() as file:/x when it changed
            return location.startsWith(withSlashes) && !text.startsWith(withSlashes)
                    ? withSlashes + text.substring(uri.getScheme().length() + 1) : text;
        } catch (java.net.URISyntaxException e) {
            return location;
        }
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
