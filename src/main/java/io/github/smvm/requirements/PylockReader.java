package io.github.smvm.requirements;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a PEP 751 lock file ({@code pylock.toml}, {@code pylock.<name>.toml}).
 *
 * <p>{@code lock-version} must have major version 1: another major version is an error, a newer
 * minor version is read with a warning, as PEP 751 asks.
 */
public final class PylockReader {

    /** The lock-version this reader implements. */
    public static final String SUPPORTED_LOCK_VERSION = "1.0";

    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)");

    public PylockFile read(Path pylock) {
        JsonNode root = TomlFiles.read(pylock, "lock file");
        List<String> warnings = new ArrayList<>();
        String lockVersion = lockVersion(pylock, root, warnings);
        String requiresPython = optionalString(pylock, root, "requires-python", "");
        List<String> environments = new ArrayList<>();
        JsonNode envs = root.get("environments");
        if (envs != null) {
            if (!envs.isArray()) {
                throw new RequirementsFileException(pylock, 0, 0, "environments must be an array of marker strings,"
                        + " not " + TomlFiles.typeOf(envs));
            }
            for (JsonNode env : envs) {
                if (!env.isTextual()) {
                    throw new RequirementsFileException(pylock, 0, 0, "environments must be an array of marker"
                            + " strings, not contain " + TomlFiles.typeOf(env));
                }
                environments.add(env.asText());
            }
        }
        List<LockedPackage> packages = new ArrayList<>();
        JsonNode list = root.get("packages");
        if (list != null) {
            if (!list.isArray()) {
                throw new RequirementsFileException(pylock, 0, 0, "packages must be an array of tables"
                        + " ([[packages]]), not " + TomlFiles.typeOf(list));
            }
            for (int i = 0; i < list.size(); i++) {
                packages.add(lockedPackage(pylock, list.get(i), i, warnings));
            }
        }
        return new PylockFile(lockVersion, requiresPython, environments, packages, warnings);
    }

    private static String lockVersion(Path file, JsonNode root, List<String> warnings) {
        JsonNode node = root.get("lock-version");
        if (node == null) {
            throw new RequirementsFileException(file, 0, 0, "has no lock-version; a PEP 751 lock file starts with"
                    + " lock-version = \"" + SUPPORTED_LOCK_VERSION + "\"");
        }
        if (!node.isTextual()) {
            throw new RequirementsFileException(file, 0, 0, "lock-version must be a string such as \""
                    + SUPPORTED_LOCK_VERSION + "\", not " + TomlFiles.typeOf(node));
        }
        String version = node.asText();
        Matcher m = VERSION.matcher(version);
        if (!m.matches()) {
            throw new RequirementsFileException(file, 0, 0, "lock-version '" + version + "' is not of the form"
                    + " MAJOR.MINOR; supported: " + SUPPORTED_LOCK_VERSION);
        }
        if (!m.group(1).equals("1")) {
            throw new RequirementsFileException(file, 0, 0, "lock-version '" + version + "' is not supported;"
                    + " supported: " + SUPPORTED_LOCK_VERSION + " (major version 1)");
        }
        if (!m.group(2).equals("0")) {
            warnings.add(file + ": lock-version '" + version + "' is newer than " + SUPPORTED_LOCK_VERSION
                    + "; reading it as " + SUPPORTED_LOCK_VERSION + ", fields added since are ignored");
        }
        return version;
    }

    private static LockedPackage lockedPackage(Path file, JsonNode pkg, int index, List<String> warnings) {
        String where = "packages[" + index + "]";
        if (!pkg.isObject()) {
            throw new RequirementsFileException(new RequirementSource(file, 0, file + " " + where),
                    "must be a table, not " + TomlFiles.typeOf(pkg));
        }
        JsonNode nameNode = pkg.get("name");
        if (nameNode == null || !nameNode.isTextual() || nameNode.asText().isBlank()) {
            throw new RequirementsFileException(new RequirementSource(file, 0, file + " " + where),
                    "has no name; every [[packages]] entry needs name = \"...\"");
        }
        String name = nameNode.asText();
        RequirementSource origin = new RequirementSource(file, 0, file + " " + where + " (" + name + ")");
        String prefix = where + " (" + name + ") ";
        String version = optionalString(file, pkg, "version", prefix);
        String marker = optionalString(file, pkg, "marker", prefix);
        String requiresPython = optionalString(file, pkg, "requires-python", prefix);
        String indexUrl = optionalString(file, pkg, "index", prefix);
        List<LockedWheel> wheels = new ArrayList<>();
        JsonNode wheelList = pkg.get("wheels");
        if (wheelList != null) {
            if (!wheelList.isArray()) {
                throw new RequirementsFileException(origin, "wheels must be an array of tables, not "
                        + TomlFiles.typeOf(wheelList));
            }
            for (int w = 0; w < wheelList.size(); w++) {
                wheels.add(wheel(file, origin, wheelList.get(w), w, prefix, warnings));
            }
        }
        JsonNode sdist = pkg.get("sdist");
        if (sdist != null && !sdist.isObject()) {
            throw new RequirementsFileException(origin, "sdist must be a table, not " + TomlFiles.typeOf(sdist));
        }
        String otherSource = null;
        for (String kind : new String[] {"vcs", "directory", "archive"}) {
            if (pkg.has(kind)) {
                otherSource = kind;
                break;
            }
        }
        return new LockedPackage(name, version, marker, requiresPython, wheels, sdist != null, indexUrl, origin,
                otherSource);
    }

    private static LockedWheel wheel(Path file, RequirementSource pkgOrigin, JsonNode wheel, int w, String prefix,
            List<String> warnings) {
        String where = "wheels[" + w + "]";
        if (!wheel.isObject()) {
            throw new RequirementsFileException(pkgOrigin, where + " must be a table, not " + TomlFiles.typeOf(wheel));
        }
        String url = optionalString(file, wheel, "url", prefix + where + " ");
        String path = optionalString(file, wheel, "path", prefix + where + " ");
        if (url == null && path == null) {
            throw new RequirementsFileException(pkgOrigin, where + " has neither url nor path; PEP 751 requires one");
        }
        String name = optionalString(file, wheel, "name", prefix + where + " ");
        if (name == null) {
            name = lastSegment(url != null ? url : path);
        }
        List<String> hashes = new ArrayList<>();
        JsonNode hashTable = wheel.get("hashes");
        if (hashTable == null || hashTable.isEmpty()) {
            warnings.add(pkgOrigin + ": " + where + " (" + name + ") has no hashes; PEP 751 requires them");
        } else {
            if (!hashTable.isObject()) {
                throw new RequirementsFileException(pkgOrigin, where + " hashes must be a table of algorithm ="
                        + " \"hex digest\", not " + TomlFiles.typeOf(hashTable));
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = hashTable.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                hashes.add(e.getKey() + ":" + e.getValue().asText());
            }
        }
        JsonNode uploadTime = wheel.get("upload-time");
        JsonNode size = wheel.get("size");
        if (size != null && !size.canConvertToLong()) {
            throw new RequirementsFileException(pkgOrigin, where + " size must be an integer, not "
                    + TomlFiles.typeOf(size));
        }
        return new LockedWheel(name, url, path, hashes, uploadTime == null ? null : uploadTime.asText(),
                size == null ? null : size.asLong());
    }

    private static String lastSegment(String location) {
        String s = location;
        int cut = s.indexOf('#');
        if (cut >= 0) {
            s = s.substring(0, cut);
        }
        cut = s.indexOf('?');
        if (cut >= 0) {
            s = s.substring(0, cut);
        }
        int slash = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
        return s.substring(slash + 1);
    }

    private static String optionalString(Path file, JsonNode table, String key, String prefix) {
        JsonNode node = table.get(key);
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            throw new RequirementsFileException(file, 0, 0, prefix + key + " must be a string, not "
                    + TomlFiles.typeOf(node));
        }
        return node.asText();
    }
}
