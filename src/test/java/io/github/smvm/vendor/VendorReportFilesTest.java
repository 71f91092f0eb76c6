package io.github.smvm.vendor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VendorReportFilesTest {

    private static final String URL_PASSWORD = "s3cr3t";
    private static final String TOKEN = "tok-9a8b7c6d";
    private static final String SETTINGS_PASSWORD = "settings-Pa55*word";
    private static final String HEADER = "hdr-0f1e2d3c4b";

    @TempDir
    Path temp;

    /** Secrets planted where a careless report would copy them: index URLs, reasons, pip's error, impact fields. */
    @Test
    void plantedSecretsReachNeitherFile() throws Exception {
        String index = "http://user:" + URL_PASSWORD + "@127.0.0.1:8080/simple/?token=" + TOKEN;
        ObjectNode health = new HealthFixture("fallback_available", "missing_wheels_primary", "fallback")
                .interpreter("primary", "3.12.1", "cp312", "manylinux_2_36_x86_64", false)
                .pkg("fastcalc~=2.0", "fastcalc", "error", null, "could not read " + index + "fastcalc/: HTTP status 401 "
                        + "(Authorization: Basic dXNlcjpzM2NyM3Q=)")
                .interpreter("fallback", "3.11.7", "cp311", "manylinux_2_36_x86_64", true)
                .json();
        for (var env : health.get("environments")) {
            ((ArrayNode) env.get("indexes")).removeAll().add(index);
        }
        FallbackLog.Read log = FallbackLog.parse(List.of(new ObjectMapper().createObjectNode()
                .put("timestamp", "2026-11-22T10:16:00Z").put("event", "wheel_fallback_failed")
                .put("error", "ERROR: 403 for " + index + " with password " + SETTINGS_PASSWORD + " and header " + HEADER)
                .toString()), "log");
        VendorReport report = VendorReport.build(new VendorReport.Inputs(health, "wheel-health.json", log, "log",
                HealthFixture.host(), HealthFixture.interpreters(), HealthFixture.runtime(),
                new ImpactSettings("ask " + SETTINGS_PASSWORD, null, "ops@example.org"), HealthFixture.NOW));
        List<String> secrets = new ArrayList<>(List.of(SETTINGS_PASSWORD, HEADER));
        secrets.addAll(KnownSecrets.ofUrls(List.of(index)));

        VendorReportFiles.Written written = VendorReportFiles.write(temp, report, new SecretScrubber(secrets));

        for (Path file : List.of(written.json(), written.markdown())) {
            String text = Files.readString(file);
            for (String secret : List.of(URL_PASSWORD, TOKEN, SETTINGS_PASSWORD, "settings-Pa55\\*word", HEADER,
                    "dXNlcjpzM2NyM3Q", "user:")) {
                assertFalse(text.contains(secret), file.getFileName() + " contains " + secret);
            }
        }
        var json = new ObjectMapper().readTree(written.json().toFile());
        assertEquals("[\"http://127.0.0.1:8080/simple/?token=****\"]", json.get("environment").get("indexes").toString());
        assertEquals("ERROR: 403 for http://127.0.0.1:8080/simple/?token=**** with password **** and header ****",
                json.get("issue_details").get("error_messages").get(1).get("message").asText());
        assertEquals("ask ****", json.get("business_impact").get("affected_users").asText());
        assertTrue(Files.readString(written.markdown()).contains("`http://127.0.0.1:8080/simple/?token=****`"));
    }

    @Test
    void staleFilesAreDeletedAndNamed() throws Exception {
        Files.writeString(temp.resolve(VendorReport.JSON_FILE), "{}");
        assertEquals(List.of(temp.resolve(VendorReport.JSON_FILE)), VendorReportFiles.deleteStale(temp));
        assertEquals(List.of(), VendorReportFiles.deleteStale(temp));
    }
}
