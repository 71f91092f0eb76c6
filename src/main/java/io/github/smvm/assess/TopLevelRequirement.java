package io.github.smvm.assess;

import io.github.smvm.pep508.Requirement;
import io.github.smvm.requirements.LockedPackage;
import java.util.Objects;
import java.util.Set;

/**
 * A requirement as the user wrote it: a PEP 508 requirement (from requirements files, pyproject.toml
 * or the pom) or a package of a pylock.toml, with where it came from.
 *
 * @param written the text as written
 * @param origin where it was written, e.g. {@code requirements.txt:12}
 * @param requirement the parsed requirement, or {@code null} for a locked package
 * @param locked the locked package, or {@code null}
 * @param hashes {@code --hash} values ({@code sha256:hex})
 */
public record TopLevelRequirement(String written, String origin, Requirement requirement, LockedPackage locked,
        Set<String> hashes) {

    public TopLevelRequirement {
        Objects.requireNonNull(written, "written");
        if ((requirement == null) == (locked == null)) {
            throw new IllegalArgumentException("exactly one of requirement and locked must be set for " + written);
        }
        hashes = Set.copyOf(hashes);
    }

    public static TopLevelRequirement of(Requirement requirement, String origin, Set<String> hashes) {
        return new TopLevelRequirement(requirement.toString(), origin, requirement, null, hashes);
    }

    public String name() {
        return requirement != null ? requirement.normalizedName()
                : io.github.smvm.pep508.Names.normalize(locked.name());
    }
}
