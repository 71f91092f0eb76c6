package io.github.smvm.requirements;

import java.util.ArrayList;
import java.util.List;

/** The PEP 508 strings of the pom's {@code <packages>} as requirement entries. */
public final class PomPackages {

    private PomPackages() {
    }

    /**
     * @param packages the {@code <packages>} values in pom order; {@code null} means none
     * @return one entry per value, trimmed, with origin {@code pom <packages>[i]} (0-based)
     * @throws RequirementsFileException for a blank value, naming its index
     */
    public static List<RequirementEntry> entries(List<String> packages) {
        List<RequirementEntry> out = new ArrayList<>();
        if (packages == null) {
            return out;
        }
        for (int i = 0; i < packages.size(); i++) {
            String value = packages.get(i);
            RequirementSource origin = new RequirementSource(null, 0, "pom <packages>[" + i + "]");
            if (value == null || value.isBlank()) {
                throw new RequirementsFileException(origin, "is empty; write a PEP 508 requirement such as tinyjson>=1.0,"
                        + " or remove the element");
            }
            out.add(RequirementEntry.of(value.strip(), origin));
        }
        return out;
    }
}
