package io.github.smvm.pep440;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class VersionTest {

    private static final JsonNode VECTORS = Vectors.load("pep440.json");

    @TestFactory
    Stream<DynamicTest> parsesAndNormalisesLikePackaging() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode row : VECTORS.get("valid_versions")) {
            String input = row.get("input").asText();
            tests.add(DynamicTest.dynamicTest("'" + input + "'", () -> {
                Version v = Version.parse(input);
                assertEquals(row.get("str").asText(), v.toString(), "str");
                assertEquals(row.get("epoch").asLong(), v.epoch(), "epoch");
                List<Long> release = new ArrayList<>();
                row.get("release").forEach(n -> release.add(n.asLong()));
                assertEquals(release, v.release(), "release");
                JsonNode pre = row.get("pre");
                assertEquals(pre.isNull() ? null : new Version.PreRelease(pre.get(0).asText(), pre.get(1).asLong()),
                        v.pre().orElse(null), "pre");
                assertEquals(row.get("post").isNull() ? null : row.get("post").asLong(),
                        v.post().isPresent() ? v.post().getAsLong() : null, "post");
                assertEquals(row.get("dev").isNull() ? null : row.get("dev").asLong(),
                        v.dev().isPresent() ? v.dev().getAsLong() : null, "dev");
                assertEquals(row.get("local").isNull() ? null : row.get("local").asText(), v.local().orElse(null), "local");
                assertEquals(row.get("public").asText(), v.toPublicString(), "public");
                assertEquals(row.get("base_version").asText(), v.baseVersion().toString(), "base_version");
                assertEquals(row.get("is_prerelease").asBoolean(), v.isPrerelease(), "is_prerelease");
                assertEquals(row.get("is_postrelease").asBoolean(), v.isPostrelease(), "is_postrelease");
                assertEquals(row.get("is_devrelease").asBoolean(), v.isDevrelease(), "is_devrelease");
                assertEquals(v, Version.parse(v.toString()), "round trip");
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> rejectsWhatPackagingRejects() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode row : VECTORS.get("invalid_versions")) {
            String input = row.asText();
            tests.add(DynamicTest.dynamicTest("'" + input + "'", () -> {
                InvalidVersionException e = assertThrows(InvalidVersionException.class, () -> Version.parse(input));
                assertTrue(e.getMessage().startsWith("Invalid version: '" + input + "'"), e.getMessage());
                assertEquals(input, e.input());
            }));
        }
        return tests.stream();
    }

    @Test
    void ordersEveryPairLikePackaging() {
        List<Version> versions = new ArrayList<>();
        List<Integer> ranks = new ArrayList<>();
        for (JsonNode row : VECTORS.get("ordering")) {
            versions.add(Version.parse(row.get("version").asText()));
            ranks.add(row.get("rank").asInt());
        }
        int checked = 0;
        for (int i = 0; i < versions.size(); i++) {
            for (int j = 0; j < versions.size(); j++) {
                Version a = versions.get(i);
                Version b = versions.get(j);
                int expected = Integer.signum(Integer.compare(ranks.get(i), ranks.get(j)));
                assertEquals(expected, Integer.signum(a.compareTo(b)), a + " vs " + b);
                assertEquals(expected == 0, a.equals(b), a + " equals " + b);
                if (expected == 0) {
                    assertEquals(a.hashCode(), b.hashCode(), a + " hash " + b);
                }
                checked++;
            }
        }
        assertTrue(checked > 9000);
    }

    @Test
    void treatsTrailingZerosAsEqualWithEqualHashCodes() {
        Version a = Version.parse("1.0");
        Version b = Version.parse("1.0.0.0");
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals("1.0.0.0", b.toString());
    }

    @Test
    void sortsDevBeforePreAndPostDevBeforePost() {
        assertTrue(Version.parse("1.0.dev0").compareTo(Version.parse("1.0a0")) < 0);
        assertTrue(Version.parse("1.0.post0.dev0").compareTo(Version.parse("1.0.post0")) < 0);
        assertTrue(Version.parse("1.0").compareTo(Version.parse("1.0.post0.dev0")) < 0);
    }

    @Test
    void comparesLocalSegmentsNumericallyAndAboveAlphanumeric() {
        assertTrue(Version.parse("1.0+10").compareTo(Version.parse("1.0+9")) > 0);
        assertTrue(Version.parse("1.0+1").compareTo(Version.parse("1.0+zzz")) > 0);
        assertEquals(Version.parse("1.0+abc.01"), Version.parse("1.0+ABC-1"));
        assertNotEquals(Version.parse("1.0+1"), Version.parse("1.0"));
    }

    @Test
    void keepsLargeReleaseSegments() {
        Version v = Version.parse("20241231235959.1");
        assertEquals(20241231235959L, v.major());
        assertEquals("20241231235959.1", v.toString());
    }

    @Test
    void rejectsNumbersBeyondLongWithMessageQuotingInput() {
        InvalidVersionException e =
                assertThrows(InvalidVersionException.class, () -> Version.parse("1.99999999999999999999"));
        assertEquals("Invalid version: '1.99999999999999999999' has the number 99999999999999999999, which is"
                + " larger than 9223372036854775807, the largest supported version number", e.getMessage());
    }

    @Test
    void readsDigitsAndDotsLikeEveryOtherSpelling() {
        // the plain spelling is read without the regular expression; these are its edges
        assertEquals(Version.parse("v01.002.0"), Version.parse("01.002.0"));
        assertEquals("1.2.0", Version.parse("01.002.0").toString());
        assertEquals(List.of(7L), Version.parse("7").release());
        for (String bad : List.of("1..0", "1.", ".1", "1.0.", "1. 0", "1.0\u0661")) {
            InvalidVersionException e = assertThrows(InvalidVersionException.class, () -> Version.parse(bad), bad);
            assertTrue(e.getMessage().contains("is not a PEP 440 version"), e.getMessage());
        }
        assertEquals(Version.parse("1.0"), Version.parse(" 1.0\n"));
    }

    @Test
    void explainsWhatAValidVersionLooksLike() {
        InvalidVersionException e = assertThrows(InvalidVersionException.class, () -> Version.parse("french toast"));
        assertEquals("Invalid version: 'french toast' is not a PEP 440 version; expected"
                + " [N!]N(.N)*[{a|b|rc}N][.postN][.devN][+local], for example 1.0, 2!1.4.2rc1 or 1.0.post1+ubuntu.1",
                e.getMessage());
    }

    @Test
    void tryParseReturnsEmptyForInvalid() {
        assertFalse(Version.tryParse("nope").isPresent());
        assertEquals(Version.parse("1.0"), Version.tryParse("v1.0").orElseThrow());
    }
}
