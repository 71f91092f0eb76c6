package io.github.smvm.venv;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Where things are inside a virtual environment: {@code bin/python} on POSIX, {@code Scripts\python.exe}
 * on Windows. Pure: the operating system is a parameter.
 *
 * @param windows whether the environment uses the Windows layout
 */
public record VenvLayout(boolean windows) {

    public static final VenvLayout POSIX = new VenvLayout(false);
    public static final VenvLayout WINDOWS = new VenvLayout(true);

    /** The layout for an {@code os.name} system property value, e.g. {@code Windows 11} or {@code Linux}. */
    public static VenvLayout forOsName(String osName) {
        return osName != null && osName.toLowerCase(Locale.ROOT).startsWith("windows") ? WINDOWS : POSIX;
    }

    /** The directory of the environment's executables and scripts. */
    public Path scripts(Path venv) {
        Objects.requireNonNull(venv, "venv");
        return venv.resolve(windows ? "Scripts" : "bin");
    }

    /** The environment's interpreter. */
    public Path python(Path venv) {
        return scripts(venv).resolve(windows ? "python.exe" : "python");
    }

    /** The file every venv has; its presence tells a venv from any other directory. */
    public Path config(Path venv) {
        return venv.resolve("pyvenv.cfg");
    }

    /** The null device, which pip reads as "no configuration file" in {@code PIP_CONFIG_FILE}. */
    public String nullDevice() {
        return windows ? "nul" : "/dev/null";
    }
}
