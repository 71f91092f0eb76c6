package io.github.smvm.mojo;

import io.github.smvm.fallback.AssessmentSummary;
import io.github.smvm.fallback.FallbackDecision;
import io.github.smvm.fallback.FallbackInputs;
import io.github.smvm.fallback.FallbackRecords;
import io.github.smvm.fallback.FallbackRun;
import io.github.smvm.process.ProcessRunner;
import io.github.smvm.requirements.RequirementsFileException;
import io.github.smvm.venv.VenvException;
import io.github.smvm.venv.VenvLayout;
import io.github.smvm.venv.VenvSync;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import io.github.smvm.fs.AtomicFiles;
import io.github.smvm.index.TlsTrust;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Makes the project's virtual environment match the interpreter the assessment selected: builds it
 * beside the old one, installs the requirements from wheels, imports every installed module, and only
 * then swaps it in, keeping the old one as a backup. Records the choice in {@code .smvm_config} and
 * {@code .smvm/wheel-fallback.log}.
 */
@Mojo(name = "fallback", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class FallbackMojo extends AbstractAssessmentMojo {

    /** Skips this goal only. */
    @Parameter(property = PropertyNames.FALLBACK_SKIP, defaultValue = "false")
    boolean skipFallback;

    /** The virtual environment to build or keep up to date. */
    @Parameter(property = PropertyNames.VENV, defaultValue = "${project.basedir}/.venv")
    File venv;

    /** Build on the fallback interpreter whatever the assessment says. */
    @Parameter(property = PropertyNames.FALLBACK_FORCE, defaultValue = "false")
    boolean force;

    /** Rebuild on the primary once it is healthy again; {@code false} keeps an environment on the fallback. */
    @Parameter(property = PropertyNames.RESTORE_PRIMARY, defaultValue = "true")
    boolean restorePrimary;

    /** Install with {@code --only-binary=:all:}. */
    @Parameter(property = PropertyNames.ONLY_BINARY, defaultValue = "true")
    boolean onlyBinary;

    /** Modules to import in the new environment besides those of the installed distributions. */
    @Parameter(property = PropertyNames.VERIFY_IMPORTS)
    List<String> verifyImports;

    /** How many {@code <venv>.backup.<timestamp>} directories to keep. */
    @Parameter(property = PropertyNames.KEEP_BACKUPS, defaultValue = "3")
    int keepBackups;

    /** Seconds {@code pip install} may take. */
    @Parameter(property = PropertyNames.INSTALL_TIMEOUT, defaultValue = "1200")
    int installTimeout;

    /** Seconds to wait for another build that holds the environment's lock. */
    @Parameter(property = PropertyNames.LOCK_TIMEOUT, defaultValue = "1800")
    int lockTimeout;

    @Override
    String goal() {
        return "fallback";
    }

    @Override
    String skipProperty() {
        return PropertyNames.FALLBACK_SKIP;
    }

    @Override
    boolean skipGoal() {
        return skipFallback;
    }

    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        if (keepBackups < 0) {
            throw parameterError("keepBackups", PropertyNames.KEEP_BACKUPS, keepBackups
                    + " is not a number of backups: use 0 or more (default 3)", null);
        }
        if (installTimeout <= 0 || lockTimeout <= 0) {
            throw parameterError(installTimeout <= 0 ? "installTimeout" : "lockTimeout",
                    installTimeout <= 0 ? PropertyNames.INSTALL_TIMEOUT : PropertyNames.LOCK_TIMEOUT,
                    "not a positive number of seconds", null);
        }
        AssessmentSummary assessment = assessment();
        FallbackInputs inputs;
        try {
            inputs = FallbackInputs.of(config(), onlyBinary, System.getenv());
            inputs.warnings().forEach(getLog()::warn);
        } catch (RequirementsFileException e) {
            throw new MojoExecutionException("Cannot read the requirements: " + e.getMessage(), e);
        } catch (FallbackInputs.Offline e) {
            throw new MojoExecutionException("smvm:fallback cannot install offline: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw parameterError("requirements", PropertyNames.REQUIREMENTS, e.getMessage(), e);
        }
        inputs = withPipBundle(inputs);
        List<String> imports = new ArrayList<>();
        if (verifyImports != null) {
            verifyImports.stream().filter(m -> m != null && !m.isBlank()).map(String::strip).forEach(imports::add);
        }
        Path basedir = project.getBasedir().toPath();
        Path venvPath = venv.toPath().toAbsolutePath().normalize();
        VenvLayout layout = VenvLayout.forOsName(System.getProperty("os.name"));
        FallbackRecords records = new FallbackRecords(basedir.resolve(".smvm_config"),
                basedir.resolve(".smvm").resolve("wheel-fallback.log"));
        VenvSync sync = new VenvSync(ProcessRunner.system(), layout, Clock.systemUTC(),
                (stage, detail) -> getLog().debug("fallback: " + stage.name().toLowerCase(Locale.ROOT) + ": " + detail));
        FallbackRun.Options options = new FallbackRun.Options(venvPath, force, restorePrimary, imports, keepBackups,
                venvPath.resolveSibling("requirements.lock"), new VenvSync.Timeouts(Duration.ofMinutes(5),
                        Duration.ofSeconds(installTimeout), Duration.ofMinutes(2), Duration.ofSeconds(lockTimeout)));
        FallbackRun.Outcome outcome;
        try {
            outcome = new FallbackRun(sync, layout, records, Clock.systemUTC()).run(assessment, inputs.pip(),
                    FallbackRun.digest(inputs.requirementLines(), inputs.pip(), imports), options, getLog()::info);
        } catch (FallbackDecision.Refused e) {
            throw new MojoFailureException(e.getMessage());
        } catch (VenvException e) {
            throw new MojoFailureException("Building the environment at " + venvPath + " failed at step '"
                    + e.step().id() + "': " + e.getMessage()
                    + (e.detail() == null ? "" : "\n" + e.detail().strip())
                    + "\nThe environment that was at " + venvPath + " is unchanged. Logged in " + records.log());
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write the fallback records (" + records.config() + ", "
                    + records.log() + "): " + e.getMessage(), e);
        }
        VenvSync.Result result = outcome.result();
        project.getProperties().setProperty(PropertyNames.SELECTED_PYTHON, result.python().toString());
        project.getProperties().setProperty(PropertyNames.SELECTED_VERSION, result.pythonVersion());
        project.getProperties().setProperty(PropertyNames.WHEEL_STATUS, assessment.wheelStatus());
        if (result.recovered() != null) {
            getLog().warn("Recovered from an interrupted run: " + result.recovered());
        }
        getLog().info(String.format(Locale.ROOT, "%s: Python %s (%s), %d packages, %s in %.1f s%s", venvPath,
                result.pythonVersion(), outcome.decision().role(), result.packages().size(),
                result.upToDate() ? "up to date, nothing changed" : "built and verified",
                result.duration().toMillis() / 1000.0,
                result.backup() == null ? "" : "; previous environment kept at " + result.backup()));
        getLog().info("Event " + outcome.event() + " logged in " + records.log());
    }

    /**
     * pip's {@code cert} replaces its default authorities, while {@code caBundle} adds to the JDK's: so with
     * {@code caBundle}, pip gets {@code pip-ca-bundle.pem} in the output directory, the JDK's default
     * authorities followed by the bundle's. pip's own {@code cert} is passed as it is (pip's meaning).
     */
    private FallbackInputs withPipBundle(FallbackInputs inputs) throws MojoExecutionException {
        if (caBundle == null || inputs.pip().cert() == null || inputs.pip().noIndex()) {
            return inputs;
        }
        Path combined = outputDirectory.toPath().resolve("pip-ca-bundle.pem");
        try {
            String pem = TlsTrust.withBundle(caBundle.toPath().toAbsolutePath()).combinedPem();
            Files.createDirectories(combined.getParent());
            AtomicFiles.write(combined, pem.getBytes(StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw parameterError("caBundle", PropertyNames.CA_BUNDLE, e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write " + combined + " (pip's CA bundle): " + e.getMessage(), e);
        }
        getLog().info("pip trusts " + combined + ": the JDK's default authorities and " + caBundle);
        return new FallbackInputs(inputs.pip().withCert(combined.toString()), inputs.requirementLines(),
                inputs.warnings());
    }

    /** The assessment of this build: the report, or a new assessment when it is missing or older than the inputs. */
    private AssessmentSummary assessment() throws MojoExecutionException {
        File file = reportFile();
        String why = null;
        if (!file.isFile()) {
            why = file + " does not exist";
        } else {
            Instant written = Instant.ofEpochMilli(file.lastModified());
            for (Path input : inputFiles()) {
                try {
                    if (Files.getLastModifiedTime(input).toInstant().isAfter(written)) {
                        why = input + " changed after " + file + " was written";
                        break;
                    }
                } catch (IOException e) {
                    why = "cannot read " + input + ": " + e.getMessage();
                }
            }
        }
        if (why != null) {
            getLog().info("Assessing first: " + why);
            assessAndReport();
        }
        try {
            return AssessmentSummary.read(file.toPath());
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot read the assessment " + file + ": " + e.getMessage()
                    + "; run mvn smvm:assess", e);
        }
    }
}
