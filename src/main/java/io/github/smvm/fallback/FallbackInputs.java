package io.github.smvm.fallback;

import io.github.smvm.assess.AssessmentRun;
import io.github.smvm.assess.RequirementsLoader;
import io.github.smvm.assess.TopLevelRequirement;
import io.github.smvm.pep508.Requirement;
import io.github.smvm.venv.PipSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The requirements and sources of an assessment, as pip installs them: requirements and constraints
 * files are passed to pip as they are (so pip reads their includes, hashes and options itself); the
 * requirements of pyproject.toml, pylock.toml and the pom become lines of a generated file.
 *
 * @param requirementLines everything read, for the inputs digest
 */
public record FallbackInputs(PipSettings pip, List<String> requirementLines) {

    /**
     * @param environment what {@code ${VAR}} in requirements files expands to
     * @throws io.github.smvm.requirements.RequirementsFileException for malformed input (file and line)
     */
    public static FallbackInputs of(AssessmentRun.Config config, boolean onlyBinary, Map<String, String> environment) {
        RequirementsLoader.Sources sources = config.sources();
        RequirementsLoader loader = new RequirementsLoader(environment);
        RequirementsLoader.Loaded all = loader.load(sources);
        RequirementsLoader.Sources others = new RequirementsLoader.Sources(List.of(), List.of(), sources.pyproject(),
                sources.pyprojectExtras(), sources.dependencyGroups(), sources.pylock(), sources.packages());
        List<String> extra = new ArrayList<>();
        if (!others.isEmpty()) {
            loader.load(others).requirements().forEach(top -> extra.add(top.written()));
        }
        boolean hashes = all.requirements().stream().anyMatch(top -> !top.hashes().isEmpty());
        List<String> lines = new ArrayList<>();
        for (TopLevelRequirement top : all.requirements()) {
            lines.add(top.written() + " " + String.join(" ", sortedHashes(top.hashes())));
        }
        for (Requirement constraint : all.constraints()) {
            lines.add("constraint " + constraint);
        }
        PipSettings pip = new PipSettings(sources.requirementFiles(), sources.constraintFiles(), extra,
                config.indexUrl(), config.extraIndexUrls(), config.findLinks(), config.noIndex(), onlyBinary,
                config.pre(), hashes, config.indexSettings().cert());
        return new FallbackInputs(pip, lines);
    }

    private static List<String> sortedHashes(Set<String> hashes) {
        return hashes.stream().sorted().toList();
    }
}
