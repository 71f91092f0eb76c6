package io.github.smvm.tags;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A platform tag read back into its parts, for explaining incompatibilities. */
sealed interface PlatformTag {

    Pattern MANYLINUX = Pattern.compile("manylinux_(\\d+)_(\\d+)_(.+)");
    Pattern LEGACY_MANYLINUX = Pattern.compile("manylinux(1|2010|2014)_(.+)");
    Pattern MUSLLINUX = Pattern.compile("musllinux_(\\d+)_(\\d+)_(.+)");
    Pattern LINUX = Pattern.compile("linux_(.+)");
    Pattern MACOS = Pattern.compile("macosx_(\\d+)_(\\d+)_(.+)");
    Pattern WINDOWS = Pattern.compile("win32|win_(.+)");

    /** Operating-system family: {@code linux}, {@code macos}, {@code windows}, {@code any}, or the tag's first word. */
    String family();

    String text();

    record Manylinux(String text, int major, int minor, String arch) implements PlatformTag {
        @Override
        public String family() {
            return "linux";
        }
    }

    record Musllinux(String text, int major, int minor, String arch) implements PlatformTag {
        @Override
        public String family() {
            return "linux";
        }
    }

    record PlainLinux(String text, String arch) implements PlatformTag {
        @Override
        public String family() {
            return "linux";
        }
    }

    record MacOs(String text, int major, int minor, String format) implements PlatformTag {
        @Override
        public String family() {
            return "macos";
        }

        boolean newerThan(int otherMajor, int otherMinor) {
            return major > otherMajor || (major == otherMajor && minor > otherMinor);
        }
    }

    record Windows(String text, String arch) implements PlatformTag {
        @Override
        public String family() {
            return "windows";
        }
    }

    record Any(String text) implements PlatformTag {
        @Override
        public String family() {
            return "any";
        }
    }

    record Other(String text) implements PlatformTag {
        @Override
        public String family() {
            int underscore = text.indexOf('_');
            return underscore < 0 ? text : text.substring(0, underscore);
        }
    }

    static PlatformTag parse(String text) {
        try {
            return parseStrict(text);
        } catch (NumberFormatException e) {
            return new Other(text);
        }
    }

    private static PlatformTag parseStrict(String text) {
        Matcher m;
        if (text.equals("any")) {
            return new Any(text);
        }
        if ((m = MANYLINUX.matcher(text)).matches()) {
            return new Manylinux(text, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3));
        }
        if ((m = LEGACY_MANYLINUX.matcher(text)).matches()) {
            int minor = switch (m.group(1)) {
                case "1" -> 5;
                case "2010" -> 12;
                default -> 17;
            };
            return new Manylinux(text, 2, minor, m.group(2));
        }
        if ((m = MUSLLINUX.matcher(text)).matches()) {
            return new Musllinux(text, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3));
        }
        if ((m = LINUX.matcher(text)).matches()) {
            return new PlainLinux(text, m.group(1));
        }
        if ((m = MACOS.matcher(text)).matches()) {
            return new MacOs(text, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3));
        }
        if ((m = WINDOWS.matcher(text)).matches()) {
            return new Windows(text, m.group(1) == null ? "x86" : m.group(1));
        }
        return new Other(text);
    }

    static String familyName(String family) {
        return switch (family) {
            case "linux" -> "Linux";
            case "macos" -> "macOS";
            case "windows" -> "Windows";
            default -> family;
        };
    }
}
