package io.github.smvm.pep508;

import io.github.smvm.pep440.InvalidSpecifierException;
import io.github.smvm.pep440.SpecifierSet;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A PEP 508 dependency specifier, e.g. {@code name[extra1, extra2] >= 1.0 ; python_version < "3.11"}
 * or {@code name @ https://host/name-1.0.whl}, parsed as packaging 24.1's {@code Requirement}
 * (parenthesised specifiers, whitespace rules and error messages included).
 */
public final class Requirement {

    private final String name;
    private final SortedSet<String> rawExtras;
    private final SortedSet<String> extras;
    private final SpecifierSet specifier;
    private final String url;
    private final Marker marker;

    private Requirement(String name, SortedSet<String> rawExtras, SpecifierSet specifier, String url, Marker marker) {
        this.name = name;
        this.rawExtras = Collections.unmodifiableSortedSet(rawExtras);
        SortedSet<String> normalized = new TreeSet<>();
        for (String extra : rawExtras) {
            normalized.add(Names.normalize(extra));
        }
        this.extras = Collections.unmodifiableSortedSet(normalized);
        this.specifier = specifier;
        this.url = url;
        this.marker = marker;
    }

    /**
     * Parses a dependency specifier.
     *
     * @throws InvalidRequirementException with packaging's reason and span (column)
     */
    public static Requirement parse(String text) {
        Objects.requireNonNull(text, "text");
        Parser.ParsedRequirement parsed;
        try {
            parsed = Parser.requirement(text);
        } catch (Tokenizer.SyntaxError e) {
            throw new InvalidRequirementException(text, e.reason, e.start, e.end);
        }
        SpecifierSet specifier;
        try {
            specifier = SpecifierSet.parse(parsed.specifier());
        } catch (InvalidSpecifierException e) {
            throw new InvalidRequirementException(text, e.getMessage(), 0, text.length());
        }
        return new Requirement(parsed.name(), new TreeSet<>(parsed.extras()), specifier,
                parsed.url().isEmpty() ? null : parsed.url(), parsed.marker() == null ? null : Marker.of(parsed.marker()));
    }

    /** The project name as written. */
    public String name() {
        return name;
    }

    /** The PEP 503-normalised project name. */
    public String normalizedName() {
        return Names.normalize(name);
    }

    /** The requested extras, PEP 503-normalised and sorted. */
    public SortedSet<String> extras() {
        return extras;
    }

    /** The extras as written (sorted, duplicates removed). */
    public SortedSet<String> rawExtras() {
        return rawExtras;
    }

    /** The version specifiers; empty when none (or for a URL requirement). */
    public SpecifierSet specifier() {
        return specifier;
    }

    /** The URL of a {@code name @ url} requirement. */
    public Optional<String> url() {
        return Optional.ofNullable(url);
    }

    public Optional<Marker> marker() {
        return Optional.ofNullable(marker);
    }

    /** packaging's {@code str(Requirement)}, e.g. {@code name[a,b]>=1.0; python_version < "3.11"}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(name);
        if (!rawExtras.isEmpty()) {
            sb.append('[').append(String.join(",", rawExtras)).append(']');
        }
        sb.append(specifier);
        if (url != null) {
            sb.append("@ ").append(url);
            if (marker != null) {
                sb.append(' ');
            }
        }
        if (marker != null) {
            sb.append("; ").append(marker);
        }
        return sb.toString();
    }

    /** Equal as packaging: normalised name, extras as written, specifier set, URL and marker. */
    @Override
    public boolean equals(Object obj) {
        return obj instanceof Requirement r && normalizedName().equals(r.normalizedName())
                && rawExtras.equals(r.rawExtras) && specifier.equals(r.specifier) && Objects.equals(url, r.url)
                && Objects.equals(marker, r.marker);
    }

    @Override
    public int hashCode() {
        return Objects.hash(normalizedName(), rawExtras, specifier, url, marker);
    }
}
