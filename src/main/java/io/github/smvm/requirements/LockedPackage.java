package io.github.smvm.requirements;

import java.util.List;

/**
 * One {@code [[packages]]} entry of a pylock.toml (PEP 751).
 *
 * @param name           the project name as written
 * @param version        the version, or {@code null} (allowed for some source trees)
 * @param marker         the environment marker, or {@code null}
 * @param requiresPython the {@code requires-python} specifier, or {@code null}
 * @param wheels         the wheels the lock lists
 * @param hasSdist       the lock lists an sdist
 * @param index          the index URL, or {@code null}
 * @param origin         {@code pylock.toml packages[3] (name)}, 0-based, line 0
 * @param otherSource    {@code "vcs"}, {@code "directory"} or {@code "archive"} when the package comes
 *                       from such a source instead of wheels/sdist, else {@code null}
 */
public record LockedPackage(
        String name,
        String version,
        String marker,
        String requiresPython,
        List<LockedWheel> wheels,
        boolean hasSdist,
        String index,
        RequirementSource origin,
        String otherSource) {

    public LockedPackage {
        wheels = List.copyOf(wheels);
    }
}
