package io.github.smvm.fallback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.smvm.assess.AssessmentRun;
import io.github.smvm.assess.IndexAuthentication;
import io.github.smvm.assess.IndexSettings;
import io.github.smvm.assess.NetworkSettings;
import io.github.smvm.assess.RequirementsLoader;
import io.github.smvm.index.IndexCredentials;
import io.github.smvm.index.IndexStrategy;
import io.github.smvm.index.TlsTrust;
import io.github.smvm.process.ProcessResult;
import io.github.smvm.process.ProcessRunner;
import io.github.smvm.process.ProcessSpec;
import io.github.smvm.probe.InterpreterRequest;
import io.github.smvm.testing.PyenvInterpreters;
import io.github.smvm.testing.TestCertificates;
import io.github.smvm.testing.TestIndex;
import io.github.smvm.venv.PipSettings;
import io.github.smvm.venv.VenvLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the fallback's pip gets offline (no index, local find-links only, or a clear failure before anything
 * is built) and with a CA bundle, checked with real pip ({@code pip download}) against loopback indexes.
 */
class OfflineAndTlsPipTest {

    @TempDir
    static Path shared;

    @TempDir
    Path tmp;

    private static TestIndex.Served http;
    private static TestIndex.Served https;
    private static Path wheels;

    @BeforeAll
    static void start() {
        TestIndex index = new TestIndex();
        index.wheel("demo", "1.0", "demo-1.0-py3-none-any.whl");
        wheels = shared.resolve("wheels");
        index.writeTo(wheels);
        http = index.serve(TestIndex.Format.HTML);
        https = index.serveHttps(TestIndex.Format.HTML, TestCertificates.shared().serverContext());
    }

    @AfterAll
    static void stop() {
        http.close();
        https.close();
    }

    private FallbackInputs inputs(String requirementsText, String indexUrl, List<String> findLinks, boolean offline,
            String caBundle, IndexAuthentication auth) throws Exception {
        Path requirements = Files.writeString(tmp.resolve("requirements.txt"), requirementsText);
        AssessmentRun.Config config = new AssessmentRun.Config(
                new RequirementsLoader.Sources(List.of(requirements), List.of(), null, Set.of(), Set.of(), null, List.of()),
                InterpreterRequest.parse("3.12"), InterpreterRequest.parse("3.11"), List.of(),
                IndexSettings.ofPom(indexUrl, List.of(), findLinks, null, caBundle), true, false,
                NetworkSettings.defaults().withOffline(offline), IndexStrategy.FIRST_INDEX, auth);
        return FallbackInputs.of(config, true, Map.of());
    }

    /** {@code pip download} of the requirements into a fresh directory with pip's environment from {@code pip}. */
    private ProcessResult pipDownload(PipSettings pip) throws Exception {
        return pipDownload(pip, Map.of());
    }

    /**
     * @param inherited variables the build's own environment has besides pip's ({@code REQUESTS_CA_BUNDLE}
     *     and {@code CURL_CA_BUNDLE} of the machine are removed first)
     */
    private ProcessResult pipDownload(PipSettings pip, Map<String, String> inherited) throws Exception {
        Path python = PyenvInterpreters.version("3.12.").orElse(null);
        assumeTrue(python != null, "needs CPython 3.12 with pip under " + PyenvInterpreters.root() + "/versions");
        List<String> command = new ArrayList<>(List.of(python.toString(), "-I", "-m", "pip", "download", "--no-deps",
                "--no-cache-dir", "-d", tmp.resolve("downloaded").toString()));
        command.addAll(pip.installArguments(null));
        ProcessSpec.Builder spec = ProcessSpec.builder(command).removeEnvironmentPrefix("PIP_")
                .removeEnvironmentPrefix("PYTHON").removeEnvironment("REQUESTS_CA_BUNDLE")
                .removeEnvironment("CURL_CA_BUNDLE").timeout(Duration.ofSeconds(120));
        inherited.forEach(spec::environment);
        pip.environment(VenvLayout.POSIX).forEach(spec::environment);
        return ProcessRunner.system().run(spec.build());
    }

    @Test
    void offlinePipGetsNoIndexAndOnlyTheLocalFindLinksAndInstallsFromThem() throws Exception {
        String remote = http.simpleUrl().resolve("/files/").toString();
        FallbackInputs inputs = inputs("demo==1.0\n", http.simpleUrl().toString(), List.of(wheels.resolve("demo")
                .toString(), remote), true, null, IndexAuthentication.none());
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("PIP_CONFIG_FILE", "/dev/null");
        expected.put("PIP_DISABLE_PIP_VERSION_CHECK", "1");
        expected.put("PIP_NO_INPUT", "1");
        expected.put("PIP_NO_INDEX", "1");
        expected.put("PIP_FIND_LINKS", wheels.resolve("demo").toString());
        assertEquals(expected, inputs.pip().environment(VenvLayout.POSIX));
        assertEquals(List.of("offline: find-links " + remote + " is not given to pip"), inputs.warnings());
        ProcessResult result = pipDownload(inputs.pip());
        assertEquals(0, result.exitCode(), result::describe);
        assertTrue(Files.isRegularFile(tmp.resolve("downloaded").resolve("demo-1.0-py3-none-any.whl")));
        assertEquals(0, http.pageRequests(), "pip asked the index while offline");
    }

    @Test
    void offlineARequirementsFilesIndexUrlIsIgnoredByPip() throws Exception {
        FallbackInputs inputs = inputs("--index-url " + http.simpleUrl() + "\ndemo==1.0\n", null,
                List.of(wheels.resolve("demo").toUri().toString()), true, null, IndexAuthentication.none());
        ProcessResult result = pipDownload(inputs.pip());
        assertEquals(0, result.exitCode(), result::describe);
        assertEquals(0, http.pageRequests(), "pip asked the requirements file's index while offline");
    }

    @Test
    void offlineWithoutLocalFindLinksFailsBeforeAnythingIsBuiltNamingOfflineMode() {
        FallbackInputs.Offline e = assertThrows(FallbackInputs.Offline.class, () -> inputs("demo==1.0\n",
                http.simpleUrl().toString(), List.of(), true, null, IndexAuthentication.none()));
        assertEquals("the build is offline (Maven's -o or smvm.offline) and smvm:fallback keeps pip off the network "
                + "(PIP_NO_INDEX=1, local find-links only), and there is no local find-links directory to install "
                + "from, so the requirements can only come from an index over the network: run without "
                + "-o/smvm.offline, or set <findLinks> (smvm.findLinks) to a directory of wheels", e.getMessage());
    }

    @Test
    void offlineARequirementsFilesRemoteFindLinksFailsNamingIt() {
        String remote = "https://user:t0ken-SECRET@wheels.corp.example/links/";
        FallbackInputs.Offline e = assertThrows(FallbackInputs.Offline.class, () -> inputs("--find-links " + remote
                + "\ndemo==1.0\n", null, List.of(wheels.toString()), true, null, IndexAuthentication.none()));
        assertEquals("the build is offline (Maven's -o or smvm.offline) and smvm:fallback keeps pip off the network "
                + "(PIP_NO_INDEX=1, local find-links only), but a requirements file names the find-links location "
                + "https://wheels.corp.example/links/, which pip would read over the network: run without "
                + "-o/smvm.offline, or point it at a local directory", e.getMessage());
    }

    @Test
    void onlineTheIndexIsGivenToPipAsBefore() throws Exception {
        FallbackInputs inputs = inputs("demo==1.0\n", http.simpleUrl().toString(), List.of(), false, null,
                IndexAuthentication.none());
        assertEquals(http.simpleUrl().toString(), inputs.pip().environment(VenvLayout.POSIX).get("PIP_INDEX_URL"));
        assertEquals(null, inputs.pip().environment(VenvLayout.POSIX).get("PIP_NO_INDEX"));
    }

    @Test
    void pipTrustsTheHttpsIndexWithTheCombinedBundleAndNotWithoutIt() throws Exception {
        Path ca = TestCertificates.shared().caPem();
        FallbackInputs inputs = inputs("demo==1.0\n", https.simpleUrl().toString(), List.of(), false, ca.toString(),
                IndexAuthentication.none());
        assertEquals(ca.toString(), inputs.pip().cert());
        // without a bundle pip uses its own authorities (certifi), which do not include the test CA
        ProcessResult untrusted = pipDownload(inputs.pip().withCert(null));
        assertNotEquals(0, untrusted.exitCode(), untrusted::describe);
        assertTrue(untrusted.stdout().contains("CERTIFICATE_VERIFY_FAILED")
                || untrusted.stderr().contains("CERTIFICATE_VERIFY_FAILED"), untrusted::describe);
        // what smvm:fallback gives pip for <caBundle>: the JDK's authorities plus the bundle, as one file
        Path combined = Files.writeString(tmp.resolve("pip-ca-bundle.pem"), TlsTrust.withBundle(ca).combinedPem());
        // a REQUESTS_CA_BUNDLE the build inherits (CI images set it) would override pip's cert: it is replaced
        Path jdkOnly = Files.writeString(tmp.resolve("jdk-only.pem"), TlsTrust.withBundle(ca).combinedPem()
                .split("# CN=smvm test CA")[0]);
        ProcessResult trusted = pipDownload(inputs.pip().withCert(combined.toString()),
                Map.of("REQUESTS_CA_BUNDLE", jdkOnly.toString(), "CURL_CA_BUNDLE", jdkOnly.toString()));
        assertEquals(0, trusted.exitCode(), trusted::describe);
        assertTrue(Files.isRegularFile(tmp.resolve("downloaded").resolve("demo-1.0-py3-none-any.whl")));
        ProcessResult overridden = pipDownload(inputs.pip().withCert(null),
                Map.of("REQUESTS_CA_BUNDLE", jdkOnly.toString()));
        assertNotEquals(0, overridden.exitCode(), "the JDK-only bundle must not trust the test CA");
    }

    @Test
    void headersCannotBeGivenToPipAndSayWhichWereLeftOut() throws Exception {
        FallbackInputs inputs = inputs("demo==1.0\n", "https://corp.example/simple/", List.of(), false, null,
                new IndexAuthentication(new IndexCredentials("artifactory", "", null,
                        Map.of("X-JFrog-Art-Api", "AKCp-SECRET-9")), Map.of()));
        assertEquals(List.of("the <httpHeaders> of <server> 'artifactory' (X-JFrog-Art-Api) are not passed to pip, "
                + "which cannot send custom headers: pip reads https://corp.example/simple/ without them"),
                inputs.warnings());
        assertEquals("https://corp.example/simple/", inputs.pip().environment(VenvLayout.POSIX).get("PIP_INDEX_URL"));
        assertTrue(inputs.warnings().stream().noneMatch(w -> w.contains("SECRET")));
    }
}
