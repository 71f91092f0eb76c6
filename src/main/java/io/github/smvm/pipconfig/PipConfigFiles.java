package io.github.smvm.pipconfig;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The configuration files pip reads on a platform, in pip's order of precedence (lowest first), as
 * pip's {@code Configuration.iter_config_files} lists them:
 *
 * <ol>
 *   <li>global: each {@code $XDG_CONFIG_DIRS} entry (default {@code /etc/xdg}) {@code /pip/pip.conf},
 *       then {@code /etc/pip.conf}; macOS {@code /Library/Application Support/pip/pip.conf}; Windows
 *       {@code %PROGRAMDATA%\pip\pip.ini};
 *   <li>user, unless {@code PIP_CONFIG_FILE} names an existing file: the legacy {@code ~/.pip/pip.conf}
 *       ({@code ~\pip\pip.ini}), then {@code $XDG_CONFIG_HOME/pip/pip.conf} (default
 *       {@code ~/.config}); macOS {@code ~/Library/Application Support/pip/pip.conf}; Windows
 *       {@code %APPDATA%\pip\pip.ini};
 *   <li>site: {@code $VIRTUAL_ENV/pip.conf} ({@code pip.ini}) when a virtual environment is active (pip
 *       reads its interpreter's {@code sys.prefix});
 *   <li>{@code PIP_CONFIG_FILE}.
 * </ol>
 *
 * {@code PIP_CONFIG_FILE} set to the null device ({@code /dev/null}, {@code nul} on Windows) means no file
 * at all, as in pip. Pure: the caller says which files exist.
 */
public final class PipConfigFiles {

    /** Where a file comes from in pip's terms. */
    public enum Kind { GLOBAL, USER, SITE, ENV }

    /** One file to read. */
    public record Location(Kind kind, Path path) {
    }

    private PipConfigFiles() {}

    /**
     * @param exists whether a path is an existing file (only {@code PIP_CONFIG_FILE} needs it)
     */
    public static List<Location> locations(Map<String, String> environment, Path home, String osName,
            java.util.function.Predicate<Path> exists) {
        String os = osName.toLowerCase(Locale.ROOT);
        boolean windows = os.startsWith("windows");
        boolean mac = os.startsWith("mac");
        String basename = windows ? "pip.ini" : "pip.conf";
        String configFile = environment.get("PIP_CONFIG_FILE");
        List<Location> result = new ArrayList<>();
        if (configFile != null && isNullDevice(configFile, windows)) {
            return result;
        }
        if (windows) {
            String programData = environment.getOrDefault("PROGRAMDATA", "C:\\ProgramData");
            result.add(new Location(Kind.GLOBAL, Path.of(programData, "pip", basename)));
        } else if (mac) {
            result.add(new Location(Kind.GLOBAL, Path.of("/Library/Application Support/pip", basename)));
        } else {
            String dirs = environment.get("XDG_CONFIG_DIRS");
            if (dirs == null || dirs.isBlank()) {
                dirs = "/etc/xdg";
            }
            for (String dir : dirs.split(":")) {
                if (!dir.isBlank()) {
                    result.add(new Location(Kind.GLOBAL, Path.of(dir, "pip", basename)));
                }
            }
            result.add(new Location(Kind.GLOBAL, Path.of("/etc", basename)));
        }
        boolean envFileExists = configFile != null && !configFile.isEmpty() && exists.test(Path.of(configFile));
        if (!envFileExists) {
            result.add(new Location(Kind.USER, home.resolve(windows ? "pip" : ".pip").resolve(basename)));
            if (windows) {
                String appData = environment.get("APPDATA");
                Path base = appData != null && !appData.isBlank() ? Path.of(appData)
                        : home.resolve("AppData").resolve("Roaming");
                result.add(new Location(Kind.USER, base.resolve("pip").resolve(basename)));
            } else if (mac) {
                result.add(new Location(Kind.USER, home.resolve("Library/Application Support/pip").resolve(basename)));
            } else {
                String xdg = environment.get("XDG_CONFIG_HOME");
                Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                        : home.resolve(".config");
                result.add(new Location(Kind.USER, base.resolve("pip").resolve(basename)));
            }
        }
        String venv = environment.get("VIRTUAL_ENV");
        if (venv != null && !venv.isBlank()) {
            result.add(new Location(Kind.SITE, Path.of(venv, basename)));
        }
        if (configFile != null && !configFile.isEmpty()) {
            result.add(new Location(Kind.ENV, Path.of(configFile)));
        }
        return result;
    }

    static boolean isNullDevice(String path, boolean windows) {
        return windows ? path.equalsIgnoreCase("nul") : path.equals("/dev/null");
    }
}
