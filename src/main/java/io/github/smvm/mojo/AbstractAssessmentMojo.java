package io.github.smvm.mojo;

import io.github.smvm.assess.AssessmentRun;
import io.github.smvm.assess.IndexSettings;
import io.github.smvm.assess.InvalidConfigurationException;
import io.github.smvm.assess.NetworkSettings;
import io.github.smvm.index.DiskCache;
import io.github.smvm.index.IndexStrategy;
import io.github.smvm.pipconfig.PipConfig;
import io.github.smvm.pipconfig.PipConfigException;
import io.github.smvm.pipconfig.PipConfigReader;
import io.github.smvm.assess.RequirementsLoader;
import io.github.smvm.policy.OnDegraded;
import io.github.smvm.policy.PolicySettings;
import io.github.smvm.probe.CachingProbe;
import io.github.smvm.probe.DefaultDiscoveryContext;
import io.github.smvm.probe.Discovery;
import io.github.smvm.probe.Prober;
import io.github.smvm.pep508.Names;
import io.github.smvm.policy.Verdict;
import io.github.smvm.report.WheelHealthReport;
import io.github.smvm.requirements.RequirementsFileException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;
import io.github.smvm.index.Netrc;
import java.time.Instant;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import io.github.smvm.assess.IndexAuthentication;
import io.github.smvm.index.IndexCredentials;
import org.apache.maven.project.MavenProject;

/** The parameters of an assessment, shared by every goal that runs one. */
public abstract class AbstractAssessmentMojo extends AbstractSmvmMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    /** Requirements files in pip's format; default {@code ${project.basedir}/requirements.txt} when it exists. */
    @Parameter(property = PropertyNames.REQUIREMENTS)
    List<File> requirements;

    /** Constraints files ({@code -c}) in pip's format. */
    @Parameter(property = PropertyNames.CONSTRAINTS)
    List<File> constraints;

    /** A pyproject.toml whose {@code [project] dependencies} are assessed. */
    @Parameter(property = PropertyNames.PYPROJECT)
    File pyproject;

    /** Extras of {@code [project.optional-dependencies]} to include. */
    @Parameter(property = PropertyNames.PYPROJECT_EXTRAS)
    List<String> pyprojectExtras;

    /** PEP 735 {@code [dependency-groups]} to include. */
    @Parameter(property = PropertyNames.DEPENDENCY_GROUPS)
    List<String> dependencyGroups;

    /** A PEP 751 pylock.toml whose packages and wheel lists are assessed. */
    @Parameter(property = PropertyNames.PYLOCK)
    File pylock;

    /** PEP 508 requirement strings. */
    @Parameter
    List<String> packages;

    /** Virtual targets such as {@code cp312-manylinux_2_28_x86_64}; comma-separated on the command line. */
    @Parameter(property = PropertyNames.TARGETS)
    List<String> targets;

    /** The package index; default the requirements files' {@code --index-url}, else {@code https://pypi.org/simple/}. */
    @Parameter(property = PropertyNames.INDEX_URL)
    String indexUrl;

    /** Further indexes. */
    @Parameter(property = PropertyNames.EXTRA_INDEX_URLS)
    List<String> extraIndexUrls;

    /**
     * The id of a {@code <server>} in settings.xml whose credentials authenticate requests to the index
     * (whichever setting names it): {@code <username>} and {@code <password>} as Basic authentication, a
     * {@code <password>} without {@code <username>} as a bearer token. Encrypted passwords are decrypted.
     */
    @Parameter(property = PropertyNames.INDEX_SERVER_ID)
    String indexServerId;

    /**
     * Server ids for {@code extraIndexUrls}, one per extra index in the same order; {@code -} for an
     * extra index without credentials.
     */
    @Parameter(property = PropertyNames.EXTRA_INDEX_SERVER_IDS)
    List<String> extraIndexServerIds;

    @Parameter(defaultValue = "${settings}", readonly = true)
    Settings settings;

    @Component
    SettingsDecrypter settingsDecrypter;

    /** Directories or HTML pages of distribution files. */
    @Parameter(property = PropertyNames.FIND_LINKS)
    List<String> findLinks;

    /** Consult no index, only find-links; when not set, pip's configuration decides (default false). */
    @Parameter(property = PropertyNames.NO_INDEX)
    Boolean noIndex;

    /**
     * Read pip's configuration ({@code PIP_CONFIG_FILE}, the global, user and site {@code pip.conf}/{@code pip.ini},
     * {@code PIP_INDEX_URL}, {@code PIP_EXTRA_INDEX_URL}, {@code PIP_FIND_LINKS}, {@code PIP_NO_INDEX}, {@code PIP_CERT})
     * for every index setting the pom leaves unset, so that the plugin sees what pip on this machine sees.
     */
    @Parameter(property = PropertyNames.USE_PIP_CONFIG, defaultValue = "true")
    boolean usePipConfig;

    /**
     * A PEM file of CA certificates trusted for HTTPS in addition to the JDK's (a private index's CA); wins over
     * pip's {@code cert}. smvm:fallback gives pip the JDK's authorities plus these.
     */
    @Parameter(property = PropertyNames.CA_BUNDLE)
    File caBundle;

    /** The lowest ratio of available requirements at which an environment is healthy. */
    @Parameter(property = PropertyNames.THRESHOLD, defaultValue = "0.9")
    String threshold;

    /** Packages that must be available for an environment to be healthy. */
    @Parameter(property = PropertyNames.CRITICAL)
    List<String> critical;

    /** Packages left out of the ratio. */
    @Parameter(property = PropertyNames.IGNORE)
    List<String> ignore;

    /** What to do when only the fallback is healthy: {@code fallback}, {@code warn} or {@code fail}. */
    @Parameter(property = PropertyNames.ON_DEGRADED, defaultValue = "fallback")
    String onDegraded;

    /** Whether a complete failure (neither interpreter healthy) fails the build. */
    @Parameter(property = PropertyNames.FAIL_ON_ERROR, defaultValue = "true")
    boolean failOnError;

    /** Follow the dependencies of each chosen wheel. */
    @Parameter(property = PropertyNames.TRANSITIVE, defaultValue = "true")
    boolean transitive;

    /** Allow pre-releases, like pip's {@code --pre}. */
    @Parameter(property = PropertyNames.PRE, defaultValue = "false")
    boolean pre;

    /** Seconds one HTTP request may take. */
    @Parameter(property = PropertyNames.HTTP_TIMEOUT, defaultValue = "30")
    int httpTimeout;

    /** Index requests in flight at once. */
    @Parameter(property = PropertyNames.CONCURRENCY, defaultValue = "8")
    int concurrency;

    /**
     * How many times a request is tried again after a connection failure, a timeout, 429 or 5xx, with
     * exponential backoff (honouring {@code Retry-After}); 0 disables retries.
     */
    @Parameter(property = PropertyNames.RETRIES, defaultValue = "3")
    int retries;

    /** The largest response body accepted, in MiB (index pages, metadata, wheels read whole). */
    @Parameter(property = PropertyNames.MAX_RESPONSE_SIZE, defaultValue = "64")
    long maxResponseSize;

    /**
     * Where index pages and metadata are cached; default {@code $XDG_CACHE_HOME/smvm} or
     * {@code ~/.cache/smvm} ({@code %LOCALAPPDATA%\smvm\cache} on Windows, {@code ~/Library/Caches/smvm} on macOS).
     */
    @Parameter(property = PropertyNames.CACHE_DIRECTORY)
    File cacheDirectory;

    /** Seconds a cached index page is used before it is revalidated (metadata addressed by a file hash never expires). */
    @Parameter(property = PropertyNames.CACHE_TTL, defaultValue = "600")
    long cacheTtl;

    /** Use no disk cache: every page and metadata file is requested. */
    @Parameter(property = PropertyNames.NO_CACHE, defaultValue = "false")
    boolean noCache;

    /**
     * No request leaves the machine: only {@code file://} indexes, find-links directories and the cache are
     * used. Maven's {@code -o} does the same.
     */
    @Parameter(property = PropertyNames.OFFLINE, defaultValue = "false")
    boolean offline;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    /**
     * How a project found on more than one index is read: {@code first-index} (only from the first index
     * that has it; extra indexes come before {@code indexUrl}, as in uv) or {@code unsafe-merge} (files from
     * all of them, as pip does). Either way such a project gets a warning.
     */
    @Parameter(property = PropertyNames.INDEX_STRATEGY, defaultValue = "first-index")
    String indexStrategy;

    PolicySettings policySettings() throws MojoExecutionException {
        double ratio;
        try {
            ratio = Double.parseDouble(threshold.strip());
        } catch (NumberFormatException e) {
            throw parameterError("threshold", PropertyNames.THRESHOLD,
                    "'" + threshold + "' is not a number: use a ratio in [0, 1] such as 0.9", e);
        }
        OnDegraded action;
        try {
            action = OnDegraded.parse(onDegraded);
        } catch (IllegalArgumentException e) {
            throw parameterError("onDegraded", PropertyNames.ON_DEGRADED, e.getMessage(), e);
        }
        try {
            return new PolicySettings(ratio, names(critical), names(ignore), action, failOnError);
        } catch (IllegalArgumentException e) {
            throw parameterError("threshold", PropertyNames.THRESHOLD, e.getMessage(), e);
        }
    }

    /** Runs the assessment, mapping every input and configuration problem to a message naming its source. */
    AssessmentRun.Result assess() throws MojoExecutionException {
        try (Prober prober = new Prober(probeTimeout())) {
            return assess(new Discovery(DefaultDiscoveryContext.system(), new CachingProbe(prober, probeMemory()), 2,
                    getLog()::debug));
        }
    }

    /** {@link #assess()} with a given discovery, so that a goal can share its probes. */
    AssessmentRun.Result assess(Discovery discovery) throws MojoExecutionException {
        PolicySettings policy = policySettings();
        AssessmentRun.Config config = config();
        try {
            return AssessmentRun.run(config, policy, discovery, System.getenv(), getLog()::debug);
        } catch (RequirementsFileException e) {
            throw new MojoExecutionException("Cannot read the requirements: " + e.getMessage(), e);
        } catch (InvalidConfigurationException e) {
            throw parameterError(e.parameter(), propertyOf(e.parameter()), e.getMessage(), e);
        }
    }

    /** Told about each {@code wheel-health.json} document right after it is written. */
    @FunctionalInterface
    interface ReportListener {
        void written(ObjectNode document) throws MojoExecutionException;
    }

    /**
     * Runs the assessment and writes {@code wheel-health.json}; when it cannot run, writes the
     * {@code assessment_failed} report, sets {@code smvm.wheel.status} and rethrows.
     */
    AssessmentRun.Result assessAndReport() throws MojoExecutionException {
        return assessAndReport(document -> { });
    }

    /**
     * {@link #assessAndReport()}, then {@code listener} with the document written, also the
     * {@code assessment_failed} one (a listener failure then is added to the assessment's as suppressed).
     */
    AssessmentRun.Result assessAndReport(ReportListener listener) throws MojoExecutionException {
        File file = reportFile();
        AssessmentRun.Result result;
        try {
            result = assess();
        } catch (MojoExecutionException e) {
            ObjectNode failed = WheelHealthReport.failed(e.getMessage(), parsedThreshold(), Instant.now());
            write(file, failed);
            project.getProperties().setProperty(PropertyNames.WHEEL_STATUS, Verdict.WheelStatus.ASSESSMENT_FAILED.id());
            try {
                listener.written(failed);
            } catch (MojoExecutionException | RuntimeException other) {
                e.addSuppressed(other);
            }
            throw e;
        }
        result.warnings().forEach(getLog()::warn);
        result.notes().forEach(getLog()::info);
        ObjectNode document = WheelHealthReport.toJson(result.outcome(), policySettings().threshold(),
                policySettings().ignore(), Instant.now(), result.sources(), result.indexSources());
        // the document is written while the listener renders the other reports from it (both only read it)
        FutureTask<Void> json = new FutureTask<>(() -> {
            WheelHealthReport.write(file.toPath(), document);
            return null;
        });
        Thread writer = new Thread(json, "smvm-json");
        writer.setDaemon(true);
        writer.start();
        try {
            listener.written(document);
        } catch (MojoExecutionException | RuntimeException e) {
            try {
                joinWrite(file, json);
            } catch (MojoExecutionException other) {
                e.addSuppressed(other);
            }
            throw e;
        }
        joinWrite(file, json);
        getLog().info("Wrote " + file);
        return result;
    }

    private void joinWrite(File file, Future<Void> json) throws MojoExecutionException {
        try {
            json.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("Interrupted while writing " + file, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw cannotWrite(file, io);
            }
            throw new MojoExecutionException("Cannot write " + file + ": " + e.getCause(), e.getCause());
        }
    }

    private static MojoExecutionException cannotWrite(File file, IOException e) {
        return new MojoExecutionException("Cannot write " + file + " (<outputDirectory>, "
                + PropertyNames.OUTPUT_DIRECTORY + "): " + e.getMessage(), e);
    }

    /** {@code wheel-health.json} in the output directory. */
    File reportFile() {
        return new File(outputDirectory, WheelHealthReport.FILE_NAME);
    }

    double parsedThreshold() {
        try {
            return Double.parseDouble(threshold.strip());
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private void write(File file, ObjectNode document) throws MojoExecutionException {
        try {
            WheelHealthReport.write(file.toPath(), document);
        } catch (IOException e) {
            throw cannotWrite(file, e);
        }
    }

    /** The files the requirements are read from (for staleness checks). */
    List<Path> inputFiles() throws MojoExecutionException {
        AssessmentRun.Config config = config();
        List<Path> files = new ArrayList<>(config.sources().requirementFiles());
        files.addAll(config.sources().constraintFiles());
        if (config.sources().pyproject() != null) {
            files.add(config.sources().pyproject());
        }
        if (config.sources().pylock() != null) {
            files.add(config.sources().pylock());
        }
        if (project.getFile() != null) {
            files.add(project.getFile().toPath());
        }
        return files;
    }

    AssessmentRun.Config config() throws MojoExecutionException {
        List<Path> requirementFiles = new ArrayList<>();
        if (requirements == null || requirements.isEmpty()) {
            File fallbackFile = new File(project.getBasedir(), "requirements.txt");
            if (fallbackFile.isFile()) {
                requirementFiles.add(fallbackFile.toPath());
            }
        } else {
            for (File file : requirements) {
                requirementFiles.add(existing(file, "requirements", PropertyNames.REQUIREMENTS));
            }
        }
        List<Path> constraintFiles = new ArrayList<>();
        for (File file : list(constraints)) {
            constraintFiles.add(existing(file, "constraints", PropertyNames.CONSTRAINTS));
        }
        RequirementsLoader.Sources sources = new RequirementsLoader.Sources(requirementFiles, constraintFiles,
                pyproject == null ? null : existing(pyproject, "pyproject", PropertyNames.PYPROJECT),
                new LinkedHashSet<>(list(pyprojectExtras)), new LinkedHashSet<>(list(dependencyGroups)),
                pylock == null ? null : existing(pylock, "pylock", PropertyNames.PYLOCK), list(packages));
        IndexSettings indexSettings = indexSettings();
        IndexAuthentication authentication = authentication(indexSettings);
        try {
            return new AssessmentRun.Config(sources,
                    request("primary", PropertyNames.PRIMARY, primary),
                    request("fallback", PropertyNames.FALLBACK, fallback),
                    list(targets), indexSettings, transitive, pre,
                    NetworkSettings.of(httpTimeout, concurrency, retries, maxResponseSize, cacheDirectory(), cacheTtl,
                            offline || (session != null && session.isOffline()))
                            .withProxy(ProxySettings.resolve(settings, settingsDecrypter, System.getenv())),
                    strategy(), authentication);
        } catch (InvalidConfigurationException e) {
            throw parameterError(e.parameter(), propertyOf(e.parameter()), e.getMessage(), e);
        }
    }

    /** The pom's index settings, completed from pip's configuration with {@code usePipConfig}. */
    IndexSettings indexSettings() throws MojoExecutionException {
        String bundle = caBundle == null ? null : caBundle.getAbsolutePath();
        if (!usePipConfig) {
            return IndexSettings.ofPom(blankToNull(indexUrl), list(extraIndexUrls), list(findLinks), noIndex, bundle);
        }
        PipConfig pip;
        try {
            pip = new PipConfigReader(PipConfigReader.TextFiles.system()).read(System.getenv(),
                    Path.of(System.getProperty("user.home")), System.getProperty("os.name"));
        } catch (PipConfigException e) {
            throw parameterError("usePipConfig", PropertyNames.USE_PIP_CONFIG, "pip's configuration cannot be read: "
                    + e.getMessage() + "; fix it, or set usePipConfig to false to ignore pip's configuration", e);
        }
        return IndexSettings.resolve(blankToNull(indexUrl), list(extraIndexUrls), list(findLinks), noIndex, bundle, pip,
                true);
    }

    /** The credentials named by {@code indexServerId} and {@code extraIndexServerIds}, looked up in settings.xml. */
    IndexAuthentication authentication(IndexSettings indexSettings) throws MojoExecutionException {
        IndexCredentials index = indexServerId == null || indexServerId.isBlank() ? null
                : ServerCredentials.lookup(settings, settingsDecrypter, indexServerId, "indexServerId",
                        PropertyNames.INDEX_SERVER_ID);
        List<String> ids = list(extraIndexServerIds);
        Map<String, IndexCredentials> extras = new java.util.LinkedHashMap<>();
        if (!ids.isEmpty()) {
            List<String> urls = indexSettings.extraIndexUrls();
            if (ids.size() != urls.size()) {
                throw parameterError("extraIndexServerIds", PropertyNames.EXTRA_INDEX_SERVER_IDS, ids.size()
                        + " server ids for " + urls.size() + " extra indexes: give one per entry of <extraIndexUrls>, "
                        + "in the same order, and '-' for an index without credentials", null);
            }
            for (int i = 0; i < ids.size(); i++) {
                String id = ids.get(i).strip();
                if (!id.equals("-")) {
                    extras.put(urls.get(i), ServerCredentials.lookup(settings, settingsDecrypter, id,
                            "extraIndexServerIds", PropertyNames.EXTRA_INDEX_SERVER_IDS));
                }
            }
        }
        return new IndexAuthentication(index, extras, netrc());
    }

    /**
     * The netrc pip would read ({@code NETRC}, else {@code ~/.netrc}); a malformed or unreadable one is
     * skipped with a warning naming the file (and line), as pip skips it.
     */
    Netrc netrc() {
        Optional<Path> file = Netrc.locate(System.getenv(), Path.of(System.getProperty("user.home")), Files::isRegularFile);
        return file.isEmpty() ? Netrc.empty() : readNetrc(file.get(), getLog()::warn);
    }

    /** The netrc in {@code file}; empty, with a warning naming the file (and line), when it cannot be used. */
    static Netrc readNetrc(Path file, java.util.function.Consumer<String> warn) {
        try {
            return Netrc.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (Netrc.MalformedException e) {
            warn.accept("netrc " + e.getMessage() + ": pip ignores a malformed netrc, so its credentials are not used");
        } catch (IOException | UncheckedIOException e) {
            warn.accept("netrc " + file + " cannot be read (" + e.getClass().getSimpleName()
                    + "): its credentials are not used");
        }
        return Netrc.empty();
    }

    private IndexStrategy strategy() throws MojoExecutionException {
        try {
            return IndexStrategy.parse(indexStrategy);
        } catch (IllegalArgumentException e) {
            throw parameterError("indexStrategy", PropertyNames.INDEX_STRATEGY, e.getMessage(), e);
        }
    }

    /** The disk cache directory, or {@code null} with {@code noCache}. */
    private Path cacheDirectory() {
        if (noCache) {
            return null;
        }
        if (cacheDirectory != null) {
            return cacheDirectory.toPath().toAbsolutePath();
        }
        return DiskCache.defaultDirectory(System.getenv(), Path.of(System.getProperty("user.home")),
                System.getProperty("os.name"));
    }

    private static Path existing(File file, String parameter, String property) throws MojoExecutionException {
        if (!file.isFile()) {
            throw parameterError(parameter, property, file + " does not exist or is not a file", null);
        }
        return file.toPath();
    }

    static MojoExecutionException parameterError(String parameter, String property, String message, Throwable cause) {
        return new MojoExecutionException("Invalid <" + parameter + ">"
                + (property == null ? "" : " (" + property + ")") + ": " + message, cause);
    }

    private static String propertyOf(String parameter) {
        return Map.ofEntries(
                Map.entry("requirements", PropertyNames.REQUIREMENTS),
                Map.entry("targets", PropertyNames.TARGETS),
                Map.entry("indexUrl", PropertyNames.INDEX_URL),
                Map.entry("findLinks", PropertyNames.FIND_LINKS),
                Map.entry("noIndex", PropertyNames.NO_INDEX),
                Map.entry("concurrency", PropertyNames.CONCURRENCY),
                Map.entry("httpTimeout", PropertyNames.HTTP_TIMEOUT),
                Map.entry("retries", PropertyNames.RETRIES),
                Map.entry("maxResponseSize", PropertyNames.MAX_RESPONSE_SIZE),
                Map.entry("cacheTtl", PropertyNames.CACHE_TTL),
                Map.entry("extraIndexServerIds", PropertyNames.EXTRA_INDEX_SERVER_IDS),
                Map.entry("caBundle", PropertyNames.CA_BUNDLE),
                Map.entry("usePipConfig", PropertyNames.USE_PIP_CONFIG)).get(parameter);
    }

    private static <T> List<T> list(List<T> values) {
        if (values == null) {
            return List.of();
        }
        List<T> result = new ArrayList<>();
        for (T value : values) {
            if (value != null && !(value instanceof String s && s.isBlank())) {
                result.add(value);
            }
        }
        return result;
    }

    private static Set<String> names(List<String> values) {
        Set<String> result = new LinkedHashSet<>();
        for (String value : list(values)) {
            result.add(Names.normalize(value.strip()));
        }
        return result;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
