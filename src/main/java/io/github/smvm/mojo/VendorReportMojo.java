package io.github.smvm.mojo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.smvm.assess.AssessmentRun;
import io.github.smvm.assess.IndexSettings;
import io.github.smvm.probe.CachingProbe;
import io.github.smvm.probe.DefaultDiscoveryContext;
import io.github.smvm.probe.Discovery;
import io.github.smvm.probe.InterpreterRequest;
import io.github.smvm.probe.InterpreterSurvey;
import io.github.smvm.probe.Prober;
import io.github.smvm.process.ProcessRunner;
import io.github.smvm.report.WheelHealthReport;
import io.github.smvm.vendor.FallbackLog;
import io.github.smvm.vendor.HostFacts;
import io.github.smvm.vendor.ImpactSettings;
import io.github.smvm.vendor.InvalidAssessmentException;
import io.github.smvm.vendor.KnownSecrets;
import io.github.smvm.vendor.ProbedInterpreter;
import io.github.smvm.vendor.RuntimeFacts;
import io.github.smvm.vendor.SecretScrubber;
import io.github.smvm.vendor.SystemHostFacts;
import io.github.smvm.vendor.VendorReport;
import io.github.smvm.vendor.VendorReportFiles;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes a support report for the vendors of the packages that lack wheels (or for the platform team
 * that runs the index): {@code vendor-support-report.json} and, to paste into an issue tracker,
 * {@code vendor-support-report.md}. Everything in it is observed: the assessment
 * ({@code wheel-health.json}, or an assessment run now when that file is missing), the fallback log,
 * this machine's operating system, architecture, C library, compilers and Python interpreters, and
 * the Java and Maven versions. Credentials never reach either file. Never fails because wheels are
 * missing: reporting that is its job.
 */
@Mojo(name = "vendor-report", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class VendorReportMojo extends AbstractAssessmentMojo {

    /** Skips this goal only. */
    @Parameter(property = PropertyNames.VENDOR_REPORT_SKIP, defaultValue = "false")
    boolean skipVendorReport;

    /** Write the report only when something is missing; when everything is healthy, log why nothing was written. */
    @Parameter(property = PropertyNames.VENDOR_REPORT_ONLY_WHEN_DEGRADED, defaultValue = "true")
    boolean onlyWhenDegraded;

    /** Who or how many are affected, for {@code business_impact.affected_users} (free text). */
    @Parameter(property = PropertyNames.VENDOR_REPORT_AFFECTED_USERS)
    String affectedUsers;

    /** When a fix is needed or expected, for {@code business_impact.estimated_resolution_time} (free text). */
    @Parameter(property = PropertyNames.VENDOR_REPORT_ESTIMATED_RESOLUTION_TIME)
    String estimatedResolutionTime;

    /** Whom the vendor should answer, for {@code business_impact.contact} (free text). */
    @Parameter(property = PropertyNames.VENDOR_REPORT_CONTACT)
    String contact;

    /** The fallback goal's log; a missing file means no fallback was tried. */
    @Parameter(property = PropertyNames.VENDOR_REPORT_FALLBACK_LOG,
            defaultValue = "${project.basedir}/.smvm/wheel-fallback.log")
    File fallbackLog;

    @Override
    String goal() {
        return "vendor-report";
    }

    @Override
    String skipProperty() {
        return PropertyNames.VENDOR_REPORT_SKIP;
    }

    @Override
    boolean skipGoal() {
        return skipVendorReport;
    }

    @Override
    void run() throws MojoExecutionException {
        File healthFile = new File(outputDirectory, WheelHealthReport.FILE_NAME);
        String logName = display(fallbackLog);
        FallbackLog.Read log = FallbackLog.read(fallbackLog.toPath(), logName);
        log.warnings().forEach(getLog()::warn);
        Map<String, InterpreterRequest> requests = new LinkedHashMap<>();
        requests.put("primary", request("primary", PropertyNames.PRIMARY, primary));
        requests.put("fallback", request("fallback", PropertyNames.FALLBACK, fallback));

        VendorReport report;
        try (Prober prober = new Prober(probeTimeout())) {
            Discovery discovery = new Discovery(DefaultDiscoveryContext.system(), new CachingProbe(prober, probeMemory()), 2,
                    getLog()::debug);
            JsonNode health;
            String origin;
            if (healthFile.isFile()) {
                health = readAssessment(healthFile);
                origin = display(healthFile);
                getLog().info("Reporting on the assessment in " + origin
                        + (health.hasNonNull("timestamp") ? " of " + health.get("timestamp").asText() : ""));
            } else {
                getLog().info(display(healthFile) + " does not exist: running the assessment");
                AssessmentRun.Result result = assess(discovery);
                result.warnings().forEach(getLog()::warn);
                result.notes().forEach(getLog()::info);
                health = WheelHealthReport.toJson(result.outcome(), policySettings().threshold(),
                        policySettings().ignore(), Instant.now(), result.sources(), result.indexSources());
                getLog().info("Assessed from " + String.join(", ", result.sources()) + ": wheel status "
                        + result.outcome().verdict().status().id());
                origin = "an assessment run by smvm:vendor-report";
            }
            VendorReport.Judgement judgement = judge(health, origin, log);
            if (onlyWhenDegraded && !judgement.degraded()) {
                getLog().info("Skipping the vendor report: " + judgement.reason() + " (wheel status "
                        + judgement.wheelStatus() + "); set " + PropertyNames.VENDOR_REPORT_ONLY_WHEN_DEGRADED
                        + "=false to write it anyway");
                deleteStale();
                return;
            }
            InterpreterSurvey survey = InterpreterSurvey.run(discovery, requests);
            HostFacts host = SystemHostFacts.system(ProcessRunner.system()).gather();
            report = build(new VendorReport.Inputs(health, origin, log, logName, host, ProbedInterpreter.of(survey),
                    new RuntimeFacts(System.getProperty("java.version"), System.getProperty("java.vendor"),
                            runtimeInformation == null ? null : runtimeInformation.getMavenVersion()),
                    new ImpactSettings(affectedUsers, estimatedResolutionTime, contact), Instant.now()));
        }
        SecretScrubber scrubber = new SecretScrubber(secrets());
        getLog().debug("Scrubbing " + scrubber.knownValues() + " known secret values from the report");
        VendorReportFiles.Written written;
        try {
            written = VendorReportFiles.write(outputDirectory.toPath(), report, scrubber);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write the vendor report to " + outputDirectory
                    + " (<outputDirectory>, " + PropertyNames.OUTPUT_DIRECTORY + "): " + e.getMessage(), e);
        }
        VendorReport.Judgement judgement = report.judgement();
        getLog().info("Wrote " + display(written.json().toFile()) + " and " + display(written.markdown().toFile())
                + ": severity " + judgement.severity() + ", " + judgement.affectedPackages().size() + " affected package"
                + (judgement.affectedPackages().size() == 1 ? "" : "s")
                + (judgement.affectedPackages().isEmpty() ? "" : " (" + String.join(", ", judgement.affectedPackages()) + ")"));
        getLog().info("Next: paste " + written.markdown().getFileName() + " into the vendor's issue tracker "
                + "(or attach " + written.json().getFileName() + ")");
    }

    private JsonNode readAssessment(File file) throws MojoExecutionException {
        try {
            return new ObjectMapper().readTree(file);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot read " + display(file) + ": " + e.getMessage()
                    + ". Run mvn smvm:assess to write it again, or delete it to let smvm:vendor-report assess", e);
        }
    }

    private VendorReport.Judgement judge(JsonNode health, String origin, FallbackLog.Read log)
            throws MojoExecutionException {
        try {
            return VendorReport.judge(health, origin, log);
        } catch (InvalidAssessmentException e) {
            throw new MojoExecutionException("Cannot report on " + origin + ": " + e.getMessage(), e);
        }
    }

    private static VendorReport build(VendorReport.Inputs inputs) throws MojoExecutionException {
        try {
            return VendorReport.build(inputs);
        } catch (InvalidAssessmentException e) {
            throw new MojoExecutionException("Cannot report on " + inputs.wheelHealthOrigin() + ": " + e.getMessage(), e);
        }
    }

    private void deleteStale() throws MojoExecutionException {
        try {
            for (Path deleted : VendorReportFiles.deleteStale(outputDirectory.toPath())) {
                getLog().info("Deleted the report of an earlier run: " + display(deleted.toFile()));
            }
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot delete the earlier vendor report in " + outputDirectory + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Every secret value the build knows of: settings.xml servers and proxies, configured URLs, secret-named
     * variables, the environment's proxy passwords.
     */
    private List<String> secrets() {
        List<String> secrets = new ArrayList<>(SettingsSecrets.of(settings, settingsDecrypter, getLog()::debug));
        List<String> urls = new ArrayList<>();
        if (indexUrl != null) {
            urls.add(indexUrl);
        }
        if (extraIndexUrls != null) {
            urls.addAll(extraIndexUrls);
        }
        if (findLinks != null) {
            urls.addAll(findLinks);
        }
        try {
            // locations from pip's configuration (PIP_INDEX_URL, pip.conf) may carry credentials too
            IndexSettings merged = indexSettings();
            if (merged.indexUrl() != null) {
                urls.add(merged.indexUrl());
            }
            urls.addAll(merged.extraIndexUrls());
            urls.addAll(merged.findLinks());
        } catch (MojoExecutionException e) {
            getLog().debug("pip's configuration not read for the secrets: " + e.getMessage());
        }
        secrets.addAll(KnownSecrets.ofUrls(urls));
        secrets.addAll(KnownSecrets.ofEnvironment(System.getenv()));
        try {
            // a proxy password of the environment (HTTPS_PROXY=http://user:password@host:port)
            secrets.addAll(ProxySettings.resolve(null, null, System.getenv()).secrets());
        } catch (MojoExecutionException e) {
            getLog().debug("the environment's proxy not read for the secrets: " + e.getMessage());
        }
        return secrets;
    }

    /** The path relative to the project's directory when it is inside it. */
    private String display(File file) {
        Path path = file.toPath().toAbsolutePath().normalize();
        Path base = project.getBasedir().toPath().toAbsolutePath().normalize();
        return path.startsWith(base) ? base.relativize(path).toString() : path.toString();
    }
}
