package io.github.smvm.probe;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a candidate's name says about the Python version it runs, so that discovery can leave out
 * candidates that cannot be the newest match without running them: {@code python3.12} runs some 3.12.x,
 * {@code python3} some 3.x; a pyenv, asdf or mise directory named {@code 3.12.1} holds 3.12.1, one named
 * {@code 3.13.0t} or {@code 3.12-dev} some 3.13.x or 3.12.x; a uv directory
 * {@code cpython-3.12.4-linux-x86_64-gnu} holds 3.12.4. Any other name says nothing (no hint).
 *
 * @param major the major version
 * @param minor the minor version, or -1 when the name does not say
 * @param micro the micro version, or -1 when the name does not say
 */
record VersionHint(int major, int minor, int micro) {

    private static final Pattern EXECUTABLE = Pattern.compile("(?i)python(\\d+)(?:\\.(\\d+))?(?:\\.exe)?");
    private static final Pattern VERSION_DIRECTORY = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?(.*)");
    private static final Pattern UV_DIRECTORY =
            Pattern.compile("(?:cpython|pypy|graalpy)-(\\d+)\\.(\\d+)\\.(\\d+)(?:(\\+[a-z]+)?-.*)?");
    /** Unknown parts can be anything, so they sort above every known value. */
    static final Comparator<VersionHint> NEWEST_FIRST = Comparator.nullsFirst(
            Comparator.comparingInt((VersionHint h) -> -h.major)
                    .thenComparingInt(h -> h.minor < 0 ? Integer.MIN_VALUE : -h.minor)
                    .thenComparingInt(h -> h.micro < 0 ? Integer.MIN_VALUE : -h.micro));
    /** The highest minor and micro version a name without them is taken to stand for. */
    private static final int HIGHEST_PART = 99;

    /** {@code python3.12}, {@code python3}, {@code python3.12.exe}; {@code null} for {@code python} and other names. */
    static VersionHint ofExecutableName(String name) {
        Matcher m = EXECUTABLE.matcher(name);
        if (!m.matches()) {
            return null;
        }
        return new VersionHint(Integer.parseInt(m.group(1)), m.group(2) == null ? -1 : Integer.parseInt(m.group(2)), -1);
    }

    /**
     * An installation directory's name: {@code 3.12.1}, {@code 3.13.0t}, {@code 3.12-dev},
     * {@code cpython-3.12.4-linux-x86_64-gnu}; {@code null} for names such as {@code pypy3.10-7.3.12} or
     * {@code myenv}. Anything after the version (a pre-release, {@code t}, {@code -dev}) leaves the micro
     * version open.
     */
    static VersionHint ofInstallDirectory(String name) {
        Matcher uv = UV_DIRECTORY.matcher(name);
        if (uv.matches()) {
            return new VersionHint(Integer.parseInt(uv.group(1)), Integer.parseInt(uv.group(2)),
                    uv.group(4) == null ? Integer.parseInt(uv.group(3)) : -1);
        }
        Matcher m = VERSION_DIRECTORY.matcher(name);
        if (!m.matches() || m.group(1).length() > 3 || m.group(2).length() > 3) {
            return null;
        }
        boolean exact = m.group(3) != null && m.group(4).isEmpty();
        return new VersionHint(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                exact ? Integer.parseInt(m.group(3)) : -1);
    }

    /** Whether some version this name stands for satisfies the version or range {@code request}. */
    boolean canMatch(InterpreterRequest request) {
        if (request.kind() == InterpreterRequest.Kind.VERSION) {
            String[] parts = request.text().split("\\.");
            int[] mine = {major, minor, micro};
            for (int i = 0; i < parts.length && i < 3; i++) {
                if (mine[i] >= 0 && mine[i] != Integer.parseInt(parts[i])) {
                    return false;
                }
            }
            return true;
        }
        if (request.kind() != InterpreterRequest.Kind.RANGE) {
            return true;
        }
        for (int mi = minor < 0 ? 0 : minor; mi <= (minor < 0 ? HIGHEST_PART : minor); mi++) {
            for (int mc = micro < 0 ? 0 : micro; mc <= (micro < 0 ? HIGHEST_PART : micro); mc++) {
                if (request.matches(PythonVersion.of(major, mi, mc))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether a version this name stands for can be chosen over {@code best}: newer, or as new and
     * from a source searched earlier ({@code searchedEarlier}), since ties go to the earlier source.
     */
    boolean canBeat(PythonVersion best, boolean searchedEarlier) {
        if (major != best.major()) {
            return major > best.major();
        }
        if (minor < 0) {
            return true;
        }
        if (minor != best.minor()) {
            return minor > best.minor();
        }
        if (micro < 0) {
            return true;
        }
        int order = PythonVersion.of(major, minor, micro).compareTo(best);
        return order > 0 || (order == 0 && searchedEarlier);
    }

    @Override
    public String toString() {
        return major + (minor < 0 ? ".x" : "." + minor + (micro < 0 ? ".x" : "." + micro));
    }
}
