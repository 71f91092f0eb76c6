package io.github.smvm.probe;

import java.nio.file.Path;
import java.util.Map;

/** Minimal {@link InterpreterInfo} for tests with fake interpreters. */
final class FakeInfo {

    private FakeInfo() {
    }

    static InterpreterInfo of(Path probed, Path executable, PythonVersion v) {
        Path prefix = executable.getParent().getParent();
        return new InterpreterInfo(probed, v, v.toString(), "cpython", v.toString(), "CPython",
                "cpython-" + v.major() + v.minor(), "", null, null, false, false, 64, "linux-x86_64", "x86_64",
                "posix", "linux", "Linux", "6.0", "#1", new LibcInfo("glibc", "2.36", null), null,
                executable, prefix, prefix, false, null, null,
                new MarkerValues(Map.of("python_version", v.majorMinor())));
    }
}
