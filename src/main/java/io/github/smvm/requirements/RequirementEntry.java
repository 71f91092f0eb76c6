package io.github.smvm.requirements;

import java.util.List;
import java.util.Objects;

/**
 * One requirement as written, not yet parsed as PEP 508: the lead's PEP 508 parser reads
 * {@link #text()} later.
 *
 * @param text           the requirement text with comments, options and hashes removed, trimmed
 *                       (environment variables already expanded)
 * @param origin         where it was written
 * @param hashes         {@code --hash} values as written, {@code algorithm:hexdigest}, in order
 * @param constraint     it came from a constraints file ({@code -c})
 * @param editable       it was given with {@code -e}/{@code --editable}
 * @param kind           PEP 508 string, bare URL or bare path
 * @param configSettings {@code --config-settings}/{@code -C} values ({@code KEY=VALUE}), in order
 * @param globalOptions  {@code --global-option} values, in order
 */
public record RequirementEntry(
        String text,
        RequirementSource origin,
        List<String> hashes,
        boolean constraint,
        boolean editable,
        RequirementKind kind,
        List<String> configSettings,
        List<String> globalOptions) {

    public RequirementEntry {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(kind, "kind");
        hashes = List.copyOf(hashes);
        configSettings = List.copyOf(configSettings);
        globalOptions = List.copyOf(globalOptions);
    }

    /** A plain requirement (no options) whose kind is decided from the text. */
    public static RequirementEntry of(String text, RequirementSource origin) {
        return new RequirementEntry(text, origin, List.of(), false, false, RequirementKind.of(text), List.of(), List.of());
    }
}
