package io.github.smvm.assess;

import io.github.smvm.pep508.DependencySyntaxException;
import io.github.smvm.pep508.Requirement;
import io.github.smvm.requirements.LockedPackage;
import io.github.smvm.requirements.PipOptions;
import io.github.smvm.requirements.PomPackages;
import io.github.smvm.requirements.PylockFile;
import io.github.smvm.requirements.PylockReader;
import io.github.smvm.requirements.PyprojectReader;
import io.github.smvm.requirements.RequirementEntry;
import io.github.smvm.requirements.RequirementInputs;
import io.github.smvm.requirements.RequirementKind;
import io.github.smvm.requirements.RequirementsFileException;
import io.github.smvm.requirements.RequirementsFileParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads every requirement source the user configured into one list of top-level requirements, with
 * the pip options found in requirements files. Every malformed input fails with
 * {@link RequirementsFileException}, whose message names the file and the line.
 */
public final class RequirementsLoader {

    /**
     * What to read.
     *
     * @param requirementFiles requirements files ({@code -r})
     * @param constraintFiles constraints files ({@code -c})
     * @param pyproject a pyproject.toml, or {@code null}
     * @param pyprojectExtras optional-dependency extras of the pyproject.toml to include
     * @param dependencyGroups PEP 735 dependency groups of the pyproject.toml to include
     * @param pylock a pylock.toml, or {@code null}
     * @param packages PEP 508 strings from the pom
     */
    public record Sources(List<Path> requirementFiles, List<Path> constraintFiles, Path pyproject,
            Set<String> pyprojectExtras, Set<String> dependencyGroups, Path pylock, List<String> packages) {

        public Sources {
            requirementFiles = List.copyOf(requirementFiles);
            constraintFiles = List.copyOf(constraintFiles);
            pyprojectExtras = Set.copyOf(pyprojectExtras);
            dependencyGroups = Set.copyOf(dependencyGroups);
            packages = List.copyOf(packages);
        }

        public boolean isEmpty() {
            return requirementFiles.isEmpty() && pyproject == null && pylock == null && packages.isEmpty();
        }
    }

    /**
     * Everything read.
     *
     * @param warnings things accepted but ignored, each naming its place
     */
    public record Loaded(List<TopLevelRequirement> requirements, List<Requirement> constraints, PipOptions options,
            List<String> warnings) {

        public Loaded {
            requirements = List.copyOf(requirements);
            constraints = List.copyOf(constraints);
            warnings = List.copyOf(warnings);
        }
    }

    private final Map<String, String> environment;

    /** @param environment the variables {@code ${VAR}} in requirements files expand to */
    public RequirementsLoader(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    public Loaded load(Sources sources) {
        List<TopLevelRequirement> requirements = new ArrayList<>();
        List<Requirement> constraints = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        PipOptions options = PipOptions.NONE;
        if (!sources.requirementFiles().isEmpty() || !sources.constraintFiles().isEmpty()) {
            RequirementInputs inputs = new RequirementsFileParser(environment)
                    .parse(sources.requirementFiles(), sources.constraintFiles());
            inputs.requirements().forEach(entry -> requirements.add(toRequirement(entry)));
            inputs.constraints().forEach(entry -> constraints.add(parse(entry)));
            options = inputs.options();
            warnings.addAll(inputs.warnings());
        }
        if (sources.pyproject() != null) {
            new PyprojectReader().read(sources.pyproject(), sources.pyprojectExtras(), sources.dependencyGroups())
                    .forEach(entry -> requirements.add(toRequirement(entry)));
        }
        if (sources.pylock() != null) {
            PylockFile lock = new PylockReader().read(sources.pylock());
            warnings.addAll(lock.warnings());
            for (LockedPackage locked : lock.packages()) {
                requirements.add(new TopLevelRequirement(locked.name() + "==" + locked.version(),
                        locked.origin().description(), null, locked, Set.of()));
            }
        }
        PomPackages.entries(sources.packages()).forEach(entry -> requirements.add(toRequirement(entry)));
        return new Loaded(requirements, constraints, options, warnings);
    }

    private static TopLevelRequirement toRequirement(RequirementEntry entry) {
        if (entry.kind() != RequirementKind.NAMED) {
            throw new RequirementsFileException(entry.origin(), "'" + entry.text() + "' is a bare "
                    + entry.kind().name().toLowerCase() + " without a project name; write it as 'name @ <url>' "
                    + "so that it can be assessed");
        }
        if (entry.editable()) {
            throw new RequirementsFileException(entry.origin(), "editable requirement '" + entry.text()
                    + "' is built from source by pip and cannot be assessed for wheels; remove -e or list it "
                    + "as 'name @ <wheel url>'");
        }
        return new TopLevelRequirement(entry.text(), entry.origin().description(), parse(entry),
                null, new LinkedHashSet<>(entry.hashes()));
    }

    private static Requirement parse(RequirementEntry entry) {
        try {
            return Requirement.parse(entry.text());
        } catch (DependencySyntaxException e) {
            throw new RequirementsFileException(entry.origin(), "invalid requirement: " + e.getMessage());
        }
    }
}
