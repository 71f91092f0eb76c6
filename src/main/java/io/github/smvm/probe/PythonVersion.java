package io.github.smvm.probe;

import java.util.Comparator;
import java.util.Objects;

/**
 * {@code sys.version_info} of an interpreter.
 *
 * @param releaseLevel {@code alpha}, {@code beta}, {@code candidate} or {@code final}
 */
public record PythonVersion(int major, int minor, int micro, String releaseLevel, int serial)
        implements Comparable<PythonVersion> {

    private static final Comparator<PythonVersion> ORDER = Comparator
            .comparingInt(PythonVersion::major)
            .thenComparingInt(PythonVersion::minor)
            .thenComparingInt(PythonVersion::micro)
            .thenComparingInt(v -> levelRank(v.releaseLevel()))
            .thenComparingInt(PythonVersion::serial);

    public PythonVersion {
        Objects.requireNonNull(releaseLevel, "releaseLevel");
    }

    public static PythonVersion of(int major, int minor, int micro) {
        return new PythonVersion(major, minor, micro, "final", 0);
    }

    public boolean isFinal() {
        return "final".equals(releaseLevel);
    }

    /** {@code 3.12}. */
    public String majorMinor() {
        return major + "." + minor;
    }

    /** Like packaging's python_full_version for final releases: {@code 3.12.1}, or {@code 3.14.0rc1}. */
    @Override
    public String toString() {
        String base = major + "." + minor + "." + micro;
        if (isFinal()) {
            return base;
        }
        String tag = switch (releaseLevel) {
            case "alpha" -> "a";
            case "beta" -> "b";
            case "candidate" -> "rc";
            default -> releaseLevel;
        };
        return base + tag + serial;
    }

    private static int levelRank(String level) {
        return switch (level) {
            case "alpha" -> 0;
            case "beta" -> 1;
            case "candidate" -> 2;
            case "final" -> 3;
            default -> -1;
        };
    }

    @Override
    public int compareTo(PythonVersion o) {
        return ORDER.compare(this, o);
    }
}
