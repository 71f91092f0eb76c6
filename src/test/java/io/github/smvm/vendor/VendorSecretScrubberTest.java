package io.github.smvm.vendor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VendorSecretScrubberTest {

    private final SecretScrubber scrubber = new SecretScrubber(List.of("s3cr3t-Pa$$", "tok-123456", "ab"));

    @Test
    void urlsLoseUserInfoAndQueryValuesWhereverTheyAppear() {
        assertEquals("ERROR: 401 from http://127.0.0.1:8080/simple/?token=****&x=****, retrying.",
                SecretScrubber.redactUrls("ERROR: 401 from http://user:pw@127.0.0.1:8080/simple/?token=abc&x=1, retrying."));
        assertEquals("(see https://host.example/simple/pkg/)",
                SecretScrubber.redactUrls("(see https://deploy:xyz@host.example/simple/pkg/)"));
        assertEquals("no URL here: user:pw@host", SecretScrubber.redactUrls("no URL here: user:pw@host"));
    }

    @Test
    void knownSecretsAndTheirUrlEncodedFormsAreMasked() {
        assertEquals("password **** and **** and ****", scrubber.scrub("password s3cr3t-Pa$$ and s3cr3t-Pa%24%24 and tok-123456"));
        // too short to replace without mangling the text
        assertEquals("about", scrubber.scrub("about"));
        assertTrue(scrubber.leaks("x tok-123456 y"));
        assertFalse(scrubber.leaks("x tok-12345 y"));
    }

    @Test
    void authorizationValuesAndTokenPairsAreMaskedEvenWhenUnknown() {
        assertEquals("Authorization: Bearer ****", scrubber.scrub("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.x.y"));
        assertEquals("\"authorization\": \"****\"", scrubber.scrub("\"authorization\": \"c2VjcmV0\""));
        assertEquals("header Basic **** sent", scrubber.scrub("header Basic dXNlcjpwYXNzd29yZA== sent"));
        assertEquals("api_key=**** password: **** PRIVATE_TOKEN=****",
                scrubber.scrub("api_key=k-9876 password: hunter22 PRIVATE_TOKEN=glpat-xyz"));
        assertEquals("a basic question", scrubber.scrub("a basic question"));
        assertEquals("uses Basic authentication", scrubber.scrub("uses Basic authentication"));
    }

    @Test
    void jsonTreesAreScrubbedInValuesAndFieldNames() throws Exception {
        JsonNode tree = new ObjectMapper().readTree("{\"a\": [\"tok-123456\", {\"tok-123456\": \"https://u:p@h/x?t=1\"}], "
                + "\"n\": 3, \"b\": true, \"z\": null}");
        assertEquals("{\"a\":[\"****\",{\"****\":\"https://h/x?t=****\"}],\"n\":3,\"b\":true,\"z\":null}",
                scrubber.scrub(tree).toString());
        assertEquals("{\"a\":[\"tok-123456\",{\"tok-123456\":\"https://u:p@h/x?t=1\"}],\"n\":3,\"b\":true,\"z\":null}",
                tree.toString(), "the input is not changed");
    }

    @Test
    void knownSecretsComeFromUrlsAndSecretNamedVariables() {
        assertEquals(List.of("pa:ss", "pa%3Ass", "tok", "tok", "a b", "a%20b"), KnownSecrets.ofUrls(List.of(
                "https://me:pa%3Ass@host/simple/?token=tok&q=a%20b", "not a url at all", "https://plain.example/simple/")));
        assertEquals(List.of("ghp_abcdefgh1234"), KnownSecrets.ofUrls(List.of("https://ghp_abcdefgh1234@host/")));
        assertEquals(List.of("glpat-0123456789"), KnownSecrets.ofEnvironment(new java.util.TreeMap<>(Map.of(
                "CI_JOB_TOKEN", "glpat-0123456789", "HOME", "/root/long-enough", "API_KEY", "short"))));
        assertTrue(KnownSecrets.isSecretName("Authorization"));
        assertTrue(KnownSecrets.isSecretName("PIP_PASSWORD"));
        assertFalse(KnownSecrets.isSecretName("PATH"));
    }
}
