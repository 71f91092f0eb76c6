package io.github.smvm.tags;

/**
 * Why a wheel tag does not fit an environment. Declared from least to most informative (like
 * uv's {@code IncompatibleTag}): a later constant means the wheel came closer to fitting, so
 * {@link #compareTo} picks the reason to report.
 */
public enum IncompatibleReason {
    /** No supported tag has the wheel's interpreter (e.g. {@code cp39} on a {@code cp313} environment). */
    PYTHON,
    /** The interpreter fits but not with the wheel's ABI (e.g. {@code cp312-cp312} on {@code cp313}). */
    ABI,
    /** The platform does not fit in a way not classified below (e.g. below the oldest supported version). */
    PLATFORM,
    /** The wheel is for another operating system (e.g. {@code win_amd64} on Linux). */
    PLATFORM_OS,
    /** Right operating system, other architecture (e.g. {@code aarch64} on {@code x86_64}). */
    PLATFORM_ARCH,
    /** Linux wheel for the other C library (manylinux on musl or musllinux on glibc). */
    PLATFORM_LIBC,
    /** musllinux wheel needing a newer musl than the environment's. */
    PLATFORM_MUSL_TOO_NEW,
    /** manylinux wheel needing a newer glibc than the environment's. */
    PLATFORM_GLIBC_TOO_NEW,
    /** macOS wheel needing a newer macOS than the environment's. */
    PLATFORM_MACOS_TOO_NEW
}
