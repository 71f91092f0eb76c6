package io.github.smvm.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.smvm.pep508.Names;
import io.github.smvm.pep508.Requirement;
import io.github.smvm.process.ProcessException;
import io.github.smvm.process.ProcessResult;
import io.github.smvm.process.ProcessRunner;
import io.github.smvm.process.ProcessSpec;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What pip itself would install: runs {@code <python> -I -m pip install --dry-run --only-binary=:all: --no-deps
 * --ignore-installed --report <file>} against one index and reads the report.
 *
 * <p>pip is isolated from the machine's configuration: {@code --isolated}, {@code --no-cache-dir},
 * {@code --disable-pip-version-check}, {@code --index-url} as the only source (no find-links, no extra
 * index), and a child environment without any {@code PIP_*} or {@code PYTHON*} variable and with
 * {@code PIP_CONFIG_FILE} set to the null device (which makes pip skip every configuration file,
 * the global one included). A report naming a file from anywhere but the index is an error.
 *
 * <p>Requirements are batched: one pip run decides every requirement of a batch, and each project
 * appears at most once in a batch (pip would merge two requirements on one project). pip stops at
 * the first requirement it cannot satisfy ("No matching distribution found for ..."); that
 * requirement is recorded as unsatisfiable, dropped, and the rest run again.
 */
public final class PipReference {

    /** pip's answer for one requirement: a wheel, or {@code failure} (pip's error lines) when it found none. */
    public record Choice(String requirement, String version, String filename, String url, String failure) {
        public boolean found() {
            return failure == null;
        }

        /** {@code <version> <file name>}, or {@code nothing} when pip found no file. */
        public String summary() {
            return found() ? version + " " + filename : "nothing";
        }

        public String describe() {
            return found() ? "installs " + version + " from " + url : "finds nothing: " + failure;
        }
    }

    /** Every requirement's choice, in input order, with how many pip runs it took. */
    public record Result(Map<String, Choice> choices, int runs, Duration duration) {
    }

    private static final Pattern NO_MATCH = Pattern.compile(
            "No matching distribution found for ([A-Za-z0-9][A-Za-z0-9._-]*)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NULL_DEVICE = java.io.File.separatorChar == '\\' ? "nul" : "/dev/null";

    private final Path python;
    private final Path workDirectory;
    private final Duration timeout;
    private final ProcessRunner runner = ProcessRunner.system();
    private final AtomicInteger reports = new AtomicInteger();

    /**
     * @param python the interpreter whose pip is run
     * @param workDirectory a private directory for reports (pip runs there)
     */
    public PipReference(Path python, Path workDirectory, Duration timeout) {
        this.python = python;
        this.workDirectory = workDirectory;
        this.timeout = timeout;
    }

    /**
     * pip's choice for every requirement.
     *
     * @param indexUrl the simple-API root, the only place pip may take files from
     * @param targetOptions extra options such as {@code --python-version 3.12 --platform ...}; empty for the
     *     interpreter's own environment
     */
    public Result choose(List<String> requirements, URI indexUrl, List<String> targetOptions)
            throws IOException, ProcessException {
        long start = System.nanoTime();
        Map<String, Choice> choices = new LinkedHashMap<>();
        int runs = 0;
        for (List<String> batch : batches(requirements)) {
            List<String> pending = new ArrayList<>(batch);
            while (!pending.isEmpty()) {
                Path report = workDirectory.resolve("report-" + reports.incrementAndGet() + ".json");
                List<String> command = command(report, indexUrl, targetOptions, pending);
                ProcessResult result = runner.run(isolated(command));
                runs++;
                if (result.succeeded()) {
                    readReport(Files.readString(report), indexUrl, pending, result.describe()).forEach(choices::put);
                    pending.clear();
                } else {
                    String failed = unsatisfied(pending, result);
                    choices.put(failed, new Choice(failed, null, null, null, errorLines(result.stderr())));
                    pending.remove(failed);
                }
            }
        }
        Map<String, Choice> ordered = new LinkedHashMap<>();
        requirements.forEach(r -> ordered.put(r, choices.get(r)));
        return new Result(ordered, runs, Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * Runs {@code <python> -I <arguments>} in the work directory with pip's isolation (no
     * {@code PIP_*}/{@code PYTHON*} variables, {@code PIP_CONFIG_FILE} the null device), for tests
     * that call pip's own functions from a script. A non-zero exit is the caller's to judge.
     */
    public ProcessResult runIsolated(List<String> arguments) throws ProcessException {
        List<String> command = new ArrayList<>(List.of(python.toString(), "-I"));
        command.addAll(arguments);
        return runner.run(isolated(command));
    }

    private ProcessSpec isolated(List<String> command) {
        return ProcessSpec.builder(command)
                .workingDirectory(workDirectory)
                .removeEnvironmentPrefix("PIP_")
                .removeEnvironmentPrefix("PYTHON")
                .environment("PIP_CONFIG_FILE", NULL_DEVICE)
                .environment("NO_PROXY", "127.0.0.1,localhost")
                .environment("no_proxy", "127.0.0.1,localhost")
                .timeout(timeout)
                .build();
    }

    /** Batches in which every project appears at most once: the n-th requirement of a project goes to batch n. */
    static List<List<String>> batches(List<String> requirements) {
        List<List<String>> batches = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (String requirement : requirements) {
            int n = seen.merge(project(requirement), 1, Integer::sum) - 1;
            while (batches.size() <= n) {
                batches.add(new ArrayList<>());
            }
            batches.get(n).add(requirement);
        }
        return batches;
    }

    private List<String> command(Path report, URI indexUrl, List<String> targetOptions, List<String> requirements) {
        List<String> command = new ArrayList<>(List.of(python.toString(), "-I", "-m", "pip", "install",
                "--dry-run", "--only-binary=:all:", "--no-deps", "--ignore-installed", "--report", report.toString(),
                "--isolated", "--no-cache-dir", "--disable-pip-version-check", "--no-input", "--progress-bar", "off",
                "--retries", "0", "--timeout", "30", "--index-url", indexUrl.toString()));
        command.addAll(targetOptions);
        command.addAll(requirements);
        return command;
    }

    /** The requirement pip says it cannot satisfy; anything else is an unexpected failure. */
    static String unsatisfied(List<String> pending, ProcessResult result) {
        Matcher m = NO_MATCH.matcher(result.stderr());
        if (m.find()) {
            String project = Names.normalize(m.group(1));
            for (String requirement : pending) {
                if (project(requirement).equals(project)) {
                    return requirement;
                }
            }
        }
        throw new AssertionError("pip failed without naming one of the requirements " + pending
                + " as unsatisfiable:\n" + result.describe());
    }

    /**
     * The choices in pip's {@code --report}: exactly one install per pending requirement, each from the index.
     *
     * @param run describes the pip run, for messages
     */
    static Map<String, Choice> readReport(String report, URI indexUrl, List<String> pending, String run)
            throws IOException {
        JsonNode root = JSON.readTree(report);
        Map<String, String> byProject = new LinkedHashMap<>();
        pending.forEach(r -> byProject.put(project(r), r));
        Map<String, Choice> choices = new LinkedHashMap<>();
        for (JsonNode install : root.path("install")) {
            String name = Names.normalize(install.path("metadata").path("name").asText());
            String version = install.path("metadata").path("version").asText();
            String url = install.path("download_info").path("url").asText();
            String requirement = byProject.get(name);
            if (requirement == null || choices.containsKey(requirement)) {
                throw new AssertionError("pip's report installs " + name + " " + version + " (" + url
                        + "), which is not one of " + pending + ":\n" + run);
            }
            String base = indexUrl.getScheme().equals("file") ? indexUrl.toString()
                    : indexUrl.resolve("/").toString();
            if (!url.startsWith(base)) {
                throw new AssertionError("pip took " + name + " " + version + " from " + url + ", outside the test index "
                        + base + ": the machine's pip configuration (find-links, extra index) is leaking in:\n"
                        + run);
            }
            String path = URI.create(url).getPath();
            choices.put(requirement, new Choice(requirement, version, path.substring(path.lastIndexOf('/') + 1), url,
                    null));
        }
        if (choices.size() != pending.size()) {
            throw new AssertionError("pip's report lists " + choices.keySet() + " for the requirements " + pending
                    + ":\n" + run);
        }
        return choices;
    }

    private static String errorLines(String stderr) {
        List<String> lines = stderr.lines().filter(l -> l.startsWith("ERROR:")).map(String::strip).toList();
        return lines.isEmpty() ? stderr.strip() : String.join(" / ", lines);
    }

    private static String project(String requirement) {
        return Requirement.parse(requirement).normalizedName();
    }
}
