package io.github.smvm.assess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.smvm.index.IndexStrategy;
import io.github.smvm.pipconfig.PipConfig;
import io.github.smvm.pipconfig.PipConfigReader;
import io.github.smvm.policy.OnDegraded;
import io.github.smvm.policy.PolicySettings;
import io.github.smvm.probe.InterpreterRequest;
import io.github.smvm.report.WheelHealthReport;
import io.github.smvm.testing.EmptyMachine;
import io.github.smvm.testing.TestCertificates;
import io.github.smvm.testing.TestIndex;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole assessments against an HTTPS index whose certificate a test CA signed: trusted only through
 * {@code caBundle} or pip's {@code cert}, and then with the same answers as the same index over HTTP.
 */
class TlsAssessmentTest {

    private static final String TARGET = "cp312-manylinux_2_28_x86_64";

    @TempDir
    static Path tmp;

    private static TestCertificates certificates;
    private static TestIndex.Served https;
    private static TestIndex.Served http;
    private final List<String> log = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        certificates = TestCertificates.shared();
        TestIndex index = new TestIndex();
        index.wheel("app", "1.0", "app-1.0-py3-none-any.whl", null, List.of("lib>=1"));
        index.wheel("lib", "1.0", "lib-1.0-py3-none-any.whl");
        index.wheel("lib", "2.0", "lib-2.0-cp311-cp311-manylinux_2_28_x86_64.whl");
        https = index.serveHttps(TestIndex.Format.JSON, certificates.serverContext());
        http = index.serve(TestIndex.Format.JSON);
    }

    @AfterAll
    static void stop() {
        https.close();
        http.close();
    }

    private ObjectNode assess(IndexSettings settings) {
        AssessmentRun.Config config = new AssessmentRun.Config(new RequirementsLoader.Sources(List.of(), List.of(),
                null, Set.of(), Set.of(), null, List.of("app", "lib")), InterpreterRequest.parse("3.12"),
                InterpreterRequest.parse("3.11"), List.of(TARGET), settings, true, false,
                NetworkSettings.of(10, 2, 0, 64, null, 600, false), IndexStrategy.FIRST_INDEX);
        AssessmentRun.Result result = AssessmentRun.run(config, new PolicySettings(0.9, Set.of(), Set.of(),
                OnDegraded.FALLBACK, false), EmptyMachine.discovery(tmp), Map.of(), log::add);
        return WheelHealthReport.toJson(result.outcome(), 0.9, Instant.EPOCH, result.sources(), result.indexSources());
    }

    /** Each package of the target as "name status version reason". */
    private static List<String> packages(ObjectNode report) {
        List<String> result = new ArrayList<>();
        for (JsonNode e : report.get("environments")) {
            if (e.get("id").asText().equals(TARGET)) {
                for (JsonNode p : e.get("packages")) {
                    result.add(p.get("name").asText() + " " + p.get("status").asText() + " " + p.get("version").asText()
                            + " " + p.get("reason").asText().replace(https.simpleUrl().toString(), "INDEX")
                                    .replace(http.simpleUrl().toString(), "INDEX"));
                }
            }
        }
        return result;
    }

    @Test
    void withoutACaBundleEveryPackageIsATlsErrorNamingTheHostAndTheJdkDefaults() {
        List<String> packages = packages(assess(IndexSettings.ofPom(https.simpleUrl().toString(), List.of(), List.of(),
                null)));
        String tls = "TLS: the certificate of 127.0.0.1:" + https.port() + " is not trusted (trusted: JDK defaults): "
                + "unable to find valid certification path to requested target; give its CA in a PEM file with "
                + "<caBundle> (smvm.caBundle)";
        assertEquals(List.of("app error null could not read INDEX: every source failed for app: INDEX: " + tls,
                "lib error null could not read INDEX: every source failed for lib: INDEX: " + tls), packages);
    }

    @Test
    void withTheCaBundleTheAnswersAreThoseOfTheSameIndexOverHttp() {
        List<String> overHttp = packages(assess(IndexSettings.ofPom(http.simpleUrl().toString(), List.of(), List.of(),
                null)));
        List<String> overHttps = packages(assess(IndexSettings.ofPom(https.simpleUrl().toString(), List.of(), List.of(),
                null, certificates.caPem().toString())));
        assertEquals("app wheel 1.0 null", overHttp.get(0));
        assertTrue(overHttp.get(1).startsWith("lib older_wheel 1.0 "), overHttp::toString);
        assertEquals(overHttp, overHttps);
        assertTrue(log.contains("TLS: trusting JDK defaults + " + certificates.caPem()), log::toString);
    }

    @Test
    void pipsCertFromItsEnvironmentIsTrustedToo() throws Exception {
        PipConfig pip = new PipConfigReader(file -> Optional.empty()).read(Map.of("PIP_CERT",
                certificates.caPem().toString(), "PIP_CONFIG_FILE", "/dev/null"), tmp, "Linux");
        IndexSettings settings = IndexSettings.resolve(https.simpleUrl().toString(), List.of(), List.of(), null, pip,
                true);
        ObjectNode report = assess(settings);
        assertEquals(packages(assess(IndexSettings.ofPom(http.simpleUrl().toString(), List.of(), List.of(), null))),
                packages(report));
        assertTrue(log.contains("TLS: trusting JDK defaults + " + certificates.caPem() + " (pip's cert, PIP_CERT)"),
                log::toString);
        JsonNode sources = null;
        for (JsonNode e : report.get("environments")) {
            if (e.get("id").asText().equals(TARGET)) {
                sources = e.get("index_sources");
            }
        }
        String text = String.valueOf(sources);
        assertTrue(text.contains("{\"setting\":\"cert\",\"value\":\"" + certificates.caPem()
                + "\",\"origin\":\"PIP_CERT\"}"), text);
    }

    @Test
    void thePomsCaBundleWinsOverPipsCert() throws Exception {
        PipConfig pip = new PipConfigReader(file -> Optional.empty()).read(Map.of("PIP_CERT", "/nonexistent/pip.pem",
                "PIP_CONFIG_FILE", "/dev/null"), tmp, "Linux");
        IndexSettings settings = IndexSettings.resolve(https.simpleUrl().toString(), List.of(), List.of(), null,
                certificates.caPem().toString(), pip, true);
        assertEquals(certificates.caPem().toString(), settings.cert());
        assertEquals("pom", settings.origins().get("cert"));
        assertEquals(packages(assess(IndexSettings.ofPom(http.simpleUrl().toString(), List.of(), List.of(), null))),
                packages(assess(settings)));
    }

    @Test
    void aMissingCaBundleFailsNamingTheParameterAndThePath() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class, () -> assess(
                IndexSettings.ofPom(https.simpleUrl().toString(), List.of(), List.of(), null,
                        tmp.resolve("missing.pem").toString())));
        assertEquals("caBundle", e.parameter());
        assertEquals(tmp.resolve("missing.pem") + " does not exist: give a PEM file holding the CA certificates",
                e.getMessage());
    }

    @Test
    void aBadPipCertFailsNamingWhereItCameFrom() throws Exception {
        PipConfig pip = new PipConfigReader(file -> Optional.empty()).read(Map.of("PIP_CERT", tmp.toString(),
                "PIP_CONFIG_FILE", "/dev/null"), tmp, "Linux");
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class, () -> assess(
                IndexSettings.resolve(https.simpleUrl().toString(), List.of(), List.of(), null, pip, true)));
        assertEquals("usePipConfig", e.parameter());
        assertEquals("pip's cert (PIP_CERT): " + tmp + " is a directory: give one PEM file holding the CA "
                + "certificates (-----BEGIN CERTIFICATE----- blocks)", e.getMessage());
    }
}
