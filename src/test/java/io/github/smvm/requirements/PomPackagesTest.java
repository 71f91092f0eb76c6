package io.github.smvm.requirements;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PomPackagesTest {

    @Test
    void turnsEachPackageIntoATrimmedEntryWithItsIndex() {
        List<RequirementEntry> entries = PomPackages.entries(List.of(" tinyjson>=1.0 ", "fastcalc~=2.0"));
        assertEquals(List.of("tinyjson>=1.0", "fastcalc~=2.0"), entries.stream().map(RequirementEntry::text).toList());
        assertEquals(new RequirementSource(null, 0, "pom <packages>[1]"), entries.get(1).origin());
        assertNull(entries.get(0).origin().file());
        assertEquals(RequirementKind.NAMED, entries.get(0).kind());
    }

    @Test
    void noPackagesGiveNoEntries() {
        assertEquals(List.of(), PomPackages.entries(null));
        assertEquals(List.of(), PomPackages.entries(List.of()));
    }

    @Test
    void blankPackageIsAnErrorNamingTheIndex() {
        RequirementsFileException e = assertThrows(RequirementsFileException.class,
                () -> PomPackages.entries(List.of("tinyjson", "  ")));
        assertEquals("pom <packages>[1]: is empty; write a PEP 508 requirement such as tinyjson>=1.0, or remove the"
                + " element", e.getMessage());
        assertNull(e.file());
    }

    @Test
    void nullPackageIsAnErrorNamingTheIndex() {
        RequirementsFileException e = assertThrows(RequirementsFileException.class,
                () -> PomPackages.entries(Arrays.asList((String) null)));
        assertEquals("pom <packages>[0]: is empty; write a PEP 508 requirement such as tinyjson>=1.0, or remove the"
                + " element", e.getMessage());
    }
}
