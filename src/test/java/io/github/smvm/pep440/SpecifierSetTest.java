package io.github.smvm.pep440;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class SpecifierSetTest {

    private static final JsonNode VECTORS = Vectors.load("pep440.json");

    @TestFactory
    Stream<DynamicTest> matchesVersionsLikePackaging() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode set : VECTORS.get("specifier_sets")) {
            String text = set.get("specifiers").asText();
            tests.add(DynamicTest.dynamicTest("'" + text + "'", () -> {
                SpecifierSet s = SpecifierSet.parse(text);
                assertEquals(set.get("str").asText(), s.toString(), "str");
                List<List<String>> members = new ArrayList<>();
                for (Specifier spec : s.specifiers()) {
                    members.add(List.of(spec.operator(), spec.version()));
                }
                members.sort((a, b) -> (a.get(0) + "\0" + a.get(1)).compareTo(b.get(0) + "\0" + b.get(1)));
                List<List<String>> expectedMembers = new ArrayList<>();
                set.get("members").forEach(m -> expectedMembers.add(List.of(m.get(0).asText(), m.get(1).asText())));
                assertEquals(expectedMembers, members, "members");
                JsonNode pre = set.get("prereleases");
                if (pre.isTextual()) {
                    assertThrows(InvalidVersionException.class, s::prereleases);
                } else {
                    assertEquals(pre.isNull() ? null : pre.asBoolean(), s.prereleases(), "prereleases");
                }
                int checked = 0;
                for (JsonNode c : set.get("cases")) {
                    Version v = Version.parse(c.get("version").asText());
                    check(s, v, null, c.get("none"));
                    check(s, v, true, c.get("true"));
                    check(s, v, false, c.get("false"));
                    checked += 3;
                }
                assertTrue(checked > 100);
            }));
        }
        return tests.stream();
    }

    private static void check(SpecifierSet s, Version v, Boolean pre, JsonNode expected) {
        String what = "'" + s + "' contains " + v + " prereleases=" + pre;
        if (expected.isTextual()) {
            assertThrows(InvalidVersionException.class, () -> s.contains(v, pre), what);
        } else {
            assertEquals(expected.asBoolean(), s.contains(v, pre), what);
        }
    }

    @TestFactory
    Stream<DynamicTest> rejectsInvalidSpecifiersLikePackaging() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode row : VECTORS.get("invalid_specifiers")) {
            String text = row.asText();
            tests.add(DynamicTest.dynamicTest("'" + text + "'", () -> {
                InvalidSpecifierException e = assertThrows(InvalidSpecifierException.class, () -> SpecifierSet.parse(text));
                assertTrue(e.getMessage().startsWith("Invalid specifier set '" + text + "': Invalid specifier: '"),
                        e.getMessage());
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> filtersLikePackaging() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode row : VECTORS.get("filters")) {
            String spec = row.get("specifiers").asText();
            Boolean pre = row.get("prereleases").isNull() ? null : row.get("prereleases").asBoolean();
            List<Version> input = new ArrayList<>();
            row.get("versions").forEach(n -> input.add(Version.parse(n.asText())));
            List<String> expected = new ArrayList<>();
            row.get("result").forEach(n -> expected.add(n.asText()));
            tests.add(DynamicTest.dynamicTest("'" + spec + "' " + input + " prereleases=" + pre, () -> {
                List<String> actual = new ArrayList<>();
                SpecifierSet.parse(spec).filter(input, pre).forEach(v -> actual.add(v.toString()));
                assertEquals(expected, actual);
            }));
        }
        return tests.stream();
    }

    @Test
    void emptySetMatchesFinalReleasesButNotPrereleasesByDefault() {
        SpecifierSet empty = SpecifierSet.parse(" , ");
        assertTrue(empty.isEmpty());
        assertNull(empty.prereleases());
        assertTrue(empty.contains(Version.parse("1.0")));
        assertEquals(false, empty.contains(Version.parse("1.0a1")));
        assertTrue(empty.contains(Version.parse("1.0a1"), true));
    }

    @Test
    void prereleaseMatchesOnlyWhenASpecifierNamesOne() {
        assertEquals(false, SpecifierSet.parse(">=1.0").contains(Version.parse("2.0b1")));
        assertTrue(SpecifierSet.parse(">=1.0b1").contains(Version.parse("2.0b1")));
    }

    @Test
    void equalSpecifiersCollapseAndKeepTheFirstSpelling() {
        SpecifierSet s = SpecifierSet.parse("==1.0,==1.0.0");
        assertEquals(1, s.specifiers().size());
        assertEquals("==1.0", s.toString());
        assertEquals(Specifier.parse("== 1.0"), Specifier.parse("==1.0.0"));
    }

    @Test
    void rejectsPrefixMatchWithOrderingOperatorQuotingInput() {
        InvalidSpecifierException e = assertThrows(InvalidSpecifierException.class, () -> Specifier.parse(">=1.0.*"));
        assertEquals("Invalid specifier: '>=1.0.*'; expected an operator (~=, ==, !=, <=, >=, <, >, ===) followed by a"
                + " version, for example '>=1.0', '~=2.2', '==1.4.*' or '!=1.0+local'; '.*' and local versions are only"
                + " allowed with == and !=, and ~= needs at least two release segments", e.getMessage());
    }

    @Test
    void arbitraryEqualityComparesStrings() {
        assertTrue(Specifier.parse("===1.0").contains(Version.parse("1.0")));
        assertEquals(false, Specifier.parse("===1.0.0").contains(Version.parse("1.0")));
    }
}
