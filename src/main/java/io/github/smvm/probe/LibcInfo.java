package io.github.smvm.probe;

import java.util.Optional;

/**
 * The C library of a Linux interpreter.
 *
 * @param family {@code glibc}, {@code musl}, or {@code null} when unknown or not Linux
 * @param version {@code 2.36} (glibc) or {@code 1.2} (musl), {@code null} when unknown
 * @param loader the ELF program interpreter (PT_INTERP) of the Python executable, {@code null}
 *     when not an ELF file
 */
public record LibcInfo(String family, String version, String loader) {

    public static final LibcInfo NONE = new LibcInfo(null, null, null);

    public boolean isGlibc() {
        return "glibc".equals(family);
    }

    public boolean isMusl() {
        return "musl".equals(family);
    }

    public Optional<String> familyIfKnown() {
        return Optional.ofNullable(family);
    }

    public Optional<String> versionIfKnown() {
        return Optional.ofNullable(version);
    }

    /** {@code [major, minor]} of the version, empty when unknown or not numeric. */
    public Optional<int[]> majorMinor() {
        if (version == null) {
            return Optional.empty();
        }
        String[] parts = version.split("\\.");
        if (parts.length < 2) {
            return Optional.empty();
        }
        try {
            return Optional.of(new int[] {Integer.parseInt(parts[0]),
                    Integer.parseInt(parts[1].replaceAll("[^0-9].*$", ""))});
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
