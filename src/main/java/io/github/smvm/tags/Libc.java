package io.github.smvm.tags;

/** The C library a Linux interpreter is linked against, as far as wheel tags care. */
public sealed interface Libc {

    /** GNU libc {@code major.minor}: enables {@code manylinux} tags (PEP 513/571/599/600). */
    record Glibc(int major, int minor) implements Libc {
        public Glibc {
            requireVersion(major, minor, "glibc");
        }

        @Override
        public String toString() {
            return "glibc " + major + "." + minor;
        }
    }

    /** musl libc {@code major.minor}: enables {@code musllinux} tags (PEP 656). */
    record Musl(int major, int minor) implements Libc {
        public Musl {
            requireVersion(major, minor, "musl");
        }

        @Override
        public String toString() {
            return "musl " + major + "." + minor;
        }
    }

    /** Neither glibc nor musl was detected: only {@code linux_<arch>} applies. */
    record Unknown() implements Libc {
        @Override
        public String toString() {
            return "unknown libc";
        }
    }

    public static Libc glibc(int major, int minor) {
        return new Glibc(major, minor);
    }

    public static Libc musl(int major, int minor) {
        return new Musl(major, minor);
    }

    public static Libc unknown() {
        return new Unknown();
    }

    private static void requireVersion(int major, int minor, String what) {
        if (major < 0 || minor < 0) {
            throw new IllegalArgumentException(
                    "invalid " + what + " version '" + major + "." + minor + "': components must be >= 0");
        }
    }
}
