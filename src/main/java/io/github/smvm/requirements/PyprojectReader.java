package io.github.smvm.requirements;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the requirements a {@code pyproject.toml} declares statically: {@code [project]
 * dependencies} (PEP 621), selected {@code [project.optional-dependencies]} extras and selected
 * PEP 735 {@code [dependency-groups]} (with {@code {include-group = "..."}} expanded).
 *
 * <p>Extra and group names are matched after normalisation (PEP 685 / PEP 503: lower case, runs of
 * {@code -_.} become {@code -}). TOML values carry no line numbers here, so origins have line 0 and
 * a description such as {@code pyproject.toml [project] dependencies[3]} (0-based index).
 */
public final class PyprojectReader {

    /** Reads {@code [project] dependencies} plus the selected extras and groups. */
    public List<RequirementEntry> read(Path pyproject, Set<String> extras, Set<String> groups) {
        return read(pyproject, true, extras, groups);
    }

    /**
     * @param projectDependencies whether to read {@code [project] dependencies}; with {@code false}
     *                            and no extras, a file without a {@code [project]} table is fine
     *                            (dependency groups only)
     * @param extras              extras to add, any spelling
     * @param groups              dependency groups to add, any spelling
     */
    public List<RequirementEntry> read(Path pyproject, boolean projectDependencies, Set<String> extras,
            Set<String> groups) {
        JsonNode root = TomlFiles.read(pyproject, "pyproject.toml");
        List<RequirementEntry> out = new ArrayList<>();
        if (projectDependencies || !extras.isEmpty()) {
            JsonNode project = root.get("project");
            if (project == null) {
                throw new RequirementsFileException(pyproject, 0, 0, "has no [project] table, so its dependencies"
                        + " cannot be read statically (PEP 621); declare them in [project] dependencies or use a"
                        + " requirements file");
            }
            if (!project.isObject()) {
                throw new RequirementsFileException(pyproject, 0, 0, "[project] must be a table, not "
                        + TomlFiles.typeOf(project));
            }
            Set<String> dynamic = dynamicFields(pyproject, project);
            if (projectDependencies) {
                if (dynamic.contains("dependencies")) {
                    throw dynamicError(pyproject, "dependencies");
                }
                readStrings(pyproject, project.get("dependencies"), "[project] dependencies", out);
            }
            if (!extras.isEmpty()) {
                if (dynamic.contains("optional-dependencies")) {
                    throw dynamicError(pyproject, "optional-dependencies");
                }
                readExtras(pyproject, project.get("optional-dependencies"), extras, out);
            }
        }
        if (!groups.isEmpty()) {
            new Groups(pyproject, root.get("dependency-groups")).expandAll(groups, out);
        }
        return out;
    }

    private static Set<String> dynamicFields(Path file, JsonNode project) {
        JsonNode dynamic = project.get("dynamic");
        Set<String> result = new HashSet<>();
        if (dynamic == null) {
            return result;
        }
        if (!dynamic.isArray()) {
            throw new RequirementsFileException(file, 0, 0, "[project] dynamic must be an array of strings, not "
                    + TomlFiles.typeOf(dynamic));
        }
        for (JsonNode field : dynamic) {
            if (field.isTextual()) {
                result.add(field.asText());
            }
        }
        return result;
    }

    private static RequirementsFileException dynamicError(Path file, String field) {
        return new RequirementsFileException(file, 0, 0, "[project] " + field + " is dynamic (listed in [project]"
                + " dynamic): the build backend computes it, so it cannot be read statically; list the requirements"
                + " in [project] " + field + " or use a requirements file");
    }

    private static void readExtras(Path file, JsonNode table, Set<String> extras, List<RequirementEntry> out) {
        Map<String, String> byNormal = normalisedKeys(file, table, "[project.optional-dependencies]", "extra");
        Set<String> done = new HashSet<>();
        for (String extra : extras) {
            String normal = RequirementsFileParser.canonicalName(extra);
            String key = byNormal.get(normal);
            if (key == null) {
                throw new RequirementsFileException(file, 0, 0, "unknown extra '" + extra + "'; "
                        + (byNormal.isEmpty() ? "the project declares no extras"
                                : "available extras: " + String.join(", ", byNormal.values())));
            }
            if (done.add(normal)) {
                readStrings(file, table.get(key), "[project.optional-dependencies] " + key, out);
            }
        }
    }

    /** Normalised name to the key as written; duplicates after normalisation are an error. */
    private static Map<String, String> normalisedKeys(Path file, JsonNode table, String tableName, String what) {
        Map<String, String> byNormal = new LinkedHashMap<>();
        if (table == null) {
            return byNormal;
        }
        if (!table.isObject()) {
            throw new RequirementsFileException(file, 0, 0, tableName + " must be a table, not "
                    + TomlFiles.typeOf(table));
        }
        for (Iterator<String> it = table.fieldNames(); it.hasNext();) {
            String key = it.next();
            String previous = byNormal.put(RequirementsFileParser.canonicalName(key), key);
            if (previous != null) {
                throw new RequirementsFileException(file, 0, 0, tableName + " has " + what + "s '" + previous
                        + "' and '" + key + "', which are the same name after normalisation; keep one");
            }
        }
        return byNormal;
    }

    private static void readStrings(Path file, JsonNode array, String where, List<RequirementEntry> out) {
        if (array == null) {
            return;
        }
        if (!array.isArray()) {
            throw new RequirementsFileException(file, 0, 0, where + " must be an array of PEP 508 strings, not "
                    + TomlFiles.typeOf(array));
        }
        for (int i = 0; i < array.size(); i++) {
            out.add(entry(file, array.get(i), where + "[" + i + "]"));
        }
    }

    private static RequirementEntry entry(Path file, JsonNode value, String where) {
        RequirementSource origin = new RequirementSource(file, 0, file + " " + where);
        if (!value.isTextual()) {
            throw new RequirementsFileException(origin, "must be a PEP 508 string, not " + TomlFiles.typeOf(value));
        }
        String text = value.asText().strip();
        if (text.isEmpty()) {
            throw new RequirementsFileException(origin, "is an empty string; write a PEP 508 requirement");
        }
        return RequirementEntry.of(text, origin);
    }

    /** PEP 735 expansion. */
    private static final class Groups {
        private final Path file;
        private final JsonNode table;
        private final Map<String, String> byNormal;
        private final Set<String> expanded = new HashSet<>();
        private final Deque<String> stack = new ArrayDeque<>();

        Groups(Path file, JsonNode table) {
            this.file = file;
            this.table = table;
            this.byNormal = normalisedKeys(file, table, "[dependency-groups]", "group");
        }

        void expandAll(Set<String> groups, List<RequirementEntry> out) {
            for (String group : groups) {
                expand(lookup(group, null), out);
            }
        }

        private String lookup(String name, String includedFrom) {
            String key = byNormal.get(RequirementsFileParser.canonicalName(name));
            if (key == null) {
                String available = byNormal.isEmpty() ? "the file declares no dependency groups"
                        : "available groups: " + String.join(", ", byNormal.values());
                String place = includedFrom == null ? "" : "[dependency-groups] " + includedFrom + " includes ";
                throw new RequirementsFileException(file, 0, 0, place + "unknown dependency group '" + name + "'; "
                        + available);
            }
            return key;
        }

        private void expand(String key, List<RequirementEntry> out) {
            if (stack.contains(key)) {
                List<String> chain = new ArrayList<>(stack);
                chain = chain.subList(chain.indexOf(key), chain.size());
                throw new RequirementsFileException(file, 0, 0, "[dependency-groups] contain an include cycle: "
                        + String.join(" -> ", chain) + " -> " + key + "; a group must not include itself");
            }
            if (!expanded.add(key)) {
                return;
            }
            JsonNode items = table.get(key);
            String where = "[dependency-groups] " + key;
            if (!items.isArray()) {
                throw new RequirementsFileException(file, 0, 0, where + " must be an array, not "
                        + TomlFiles.typeOf(items));
            }
            stack.addLast(key);
            for (int i = 0; i < items.size(); i++) {
                JsonNode item = items.get(i);
                String itemWhere = where + "[" + i + "]";
                if (item.isObject()) {
                    JsonNode include = item.get("include-group");
                    if (include == null || item.size() != 1 || !include.isTextual()) {
                        throw new RequirementsFileException(new RequirementSource(file, 0, file + " " + itemWhere),
                                "a table in a dependency group must be {include-group = \"name\"}, not " + item);
                    }
                    expand(lookup(include.asText(), key), out);
                } else {
                    out.add(entry(file, item, itemWhere));
                }
            }
            stack.removeLast();
        }
    }

}
