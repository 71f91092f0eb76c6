package io.github.smvm.pipconfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what pip reads: the files of {@link PipConfigFiles} in order (a later file's
 * {@code section.key} replaces an earlier one's), then for each setting the {@code PIP_*} variable, else
 * the {@code [install]} section, else {@code [global]}, which is pip's order. Only the settings the
 * assessment uses are read: {@code index-url}, {@code extra-index-url}, {@code find-links} (lists split
 * on whitespace, as pip splits them), {@code no-index} (pip's booleans: {@code 1/0, true/false, yes/no,
 * on/off, y/n, t/f}) and {@code cert}. Keys are written with {@code -} or {@code _}, in any case.
 */
public final class PipConfigReader {

    /** Reads a file's text; empty when it does not exist. */
    @FunctionalInterface
    public interface TextFiles {
        Optional<String> read(Path file) throws IOException;

        /** The file system, UTF-8. */
        static TextFiles system() {
            return file -> {
                try {
                    return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8))
                            : Optional.empty();
                } catch (NoSuchFileException e) {
                    return Optional.empty();
                }
            };
        }
    }

    private static final List<String> SECTIONS = List.of("install", "global");

    private final TextFiles files;

    public PipConfigReader(TextFiles files) {
        this.files = files;
    }

    /**
     * @param environment the process environment ({@code PIP_*}, {@code PIP_CONFIG_FILE}, XDG and Windows
     *     directories, {@code VIRTUAL_ENV})
     * @throws PipConfigException when a file cannot be read or parsed, or a boolean is not one; names the
     *     file and line or the variable
     */
    public PipConfig read(Map<String, String> environment, Path home, String osName) throws PipConfigException {
        List<PipConfigFiles.Location> locations = PipConfigFiles.locations(environment, home, osName, p -> {
            try {
                return files.read(p).isPresent();
            } catch (IOException e) {
                return false;
            }
        });
        // "section.key" -> value and origin, later files replacing earlier ones
        Map<String, String[]> values = new LinkedHashMap<>();
        List<String> read = new ArrayList<>();
        for (PipConfigFiles.Location location : locations) {
            Optional<String> text;
            try {
                text = files.read(location.path());
            } catch (IOException e) {
                throw new PipConfigException("cannot read pip's configuration file " + location.path() + ": "
                        + e.getMessage(), e);
            }
            if (text.isEmpty()) {
                continue;
            }
            read.add(location.path().toString());
            Ini ini = Ini.parse(text.get(), location.path().toString());
            for (Map.Entry<String, Map<String, String>> section : ini.sections().entrySet()) {
                for (Map.Entry<String, String> e : section.getValue().entrySet()) {
                    values.put(section.getKey() + "." + normalise(e.getKey()),
                            new String[] {e.getValue(), location.path() + " [" + section.getKey() + "]"});
                }
            }
        }
        Map<String, String> variables = new LinkedHashMap<>();
        for (String key : List.of("index-url", "extra-index-url", "find-links", "no-index", "cert")) {
            String name = "PIP_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
            if (environment.containsKey(name)) {
                variables.put(key, name);
                read.add(name);
            }
        }
        return new PipConfig(
                text(resolve("index-url", values, variables, environment)),
                list(resolve("extra-index-url", values, variables, environment)),
                list(resolve("find-links", values, variables, environment)),
                bool(resolve("no-index", values, variables, environment)),
                text(resolve("cert", values, variables, environment)),
                read);
    }

    /**
     * The value and origin of a key: its variable, else [install], else [global]; null when unset. Empty
     * values are skipped, as pip ignores them ("Ignoring configuration key ... as its value is empty").
     */
    private static String[] resolve(String key, Map<String, String[]> values, Map<String, String> variables,
            Map<String, String> environment) {
        String variable = variables.get(key);
        if (variable != null && !environment.get(variable).isEmpty()) {
            return new String[] {environment.get(variable), variable};
        }
        for (String section : SECTIONS) {
            String[] v = values.get(section + "." + key);
            if (v != null && !v[0].isEmpty()) {
                return v;
            }
        }
        return null;
    }

    private static String normalise(String key) {
        String k = key.toLowerCase(Locale.ROOT).replace('_', '-');
        return k.startsWith("--") ? k.substring(2) : k;
    }

    private static Optional<PipConfig.Setting<String>> text(String[] v) {
        if (v == null || v[0].isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new PipConfig.Setting<>(v[0].strip(), v[1]));
    }

    /** Split on whitespace (a value of only whitespace is an empty list, as in pip). */
    private static Optional<PipConfig.Setting<List<String>>> list(String[] v) {
        if (v == null) {
            return Optional.empty();
        }
        String s = v[0].strip();
        List<String> items = s.isEmpty() ? List.of() : Arrays.asList(s.split("\\s+"));
        return Optional.of(new PipConfig.Setting<>(List.copyOf(items), v[1]));
    }

    private static Optional<PipConfig.Setting<Boolean>> bool(String[] v) throws PipConfigException {
        if (v == null || v[0].isBlank()) {
            return Optional.empty();
        }
        String s = v[0].strip().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "y", "yes", "t", "true", "on", "1" -> Optional.of(new PipConfig.Setting<>(true, v[1]));
            case "n", "no", "f", "false", "off", "0" -> Optional.of(new PipConfig.Setting<>(false, v[1]));
            default -> throw new PipConfigException(v[1] + ": no-index = '" + v[0].strip()
                    + "' is not a boolean pip accepts (1/0, true/false, yes/no, on/off)");
        };
    }
}
