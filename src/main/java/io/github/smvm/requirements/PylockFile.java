package io.github.smvm.requirements;

import java.util.List;

/**
 * A pylock.toml as read.
 *
 * @param lockVersion    {@code lock-version} as written
 * @param requiresPython the top-level {@code requires-python}, or {@code null}
 * @param environments   the top-level {@code environments} markers (empty when absent)
 * @param packages       the packages in file order
 * @param warnings       things that were accepted with a warning (newer minor lock-version, ...)
 */
public record PylockFile(String lockVersion, String requiresPython, List<String> environments,
        List<LockedPackage> packages, List<String> warnings) {

    public PylockFile {
        environments = List.copyOf(environments);
        packages = List.copyOf(packages);
        warnings = List.copyOf(warnings);
    }
}
