package io.github.smvm.pep440;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A comma-separated set of {@link Specifier} clauses, all of which must match; the empty set
 * matches every version. Semantics follow {@code packaging.specifiers.SpecifierSet} (24.1).
 */
public final class SpecifierSet {

    private static final SpecifierSet EMPTY = new SpecifierSet(Set.of());

    private final Set<Specifier> specifiers;

    private SpecifierSet(Set<Specifier> specifiers) {
        this.specifiers = specifiers;
    }

    /** The set that matches every version. */
    public static SpecifierSet empty() {
        return EMPTY;
    }

    /**
     * Parses {@code >=1.0, !=1.5.*, <2}: clauses split on commas, blank clauses ignored,
     * duplicates (by {@link Specifier#equals}) collapsed.
     *
     * @throws InvalidSpecifierException naming the first invalid clause
     */
    public static SpecifierSet parse(String text) {
        Objects.requireNonNull(text, "text");
        Set<Specifier> result = new LinkedHashSet<>();
        for (String part : text.split(",", -1)) {
            String clause = PythonText.strip(part);
            if (clause.isEmpty()) {
                continue;
            }
            try {
                result.add(Specifier.parse(clause));
            } catch (InvalidSpecifierException e) {
                throw new InvalidSpecifierException(text, "Invalid specifier set '" + text + "': " + e.getMessage());
            }
        }
        return result.isEmpty() ? EMPTY : new SpecifierSet(Collections.unmodifiableSet(result));
    }

    /** The clauses, in the order first written. */
    public Set<Specifier> specifiers() {
        return specifiers;
    }

    public boolean isEmpty() {
        return specifiers.isEmpty();
    }

    /**
     * null for the empty set; otherwise whether any clause names a pre-release
     * (packaging's {@code SpecifierSet.prereleases}).
     */
    public Boolean prereleases() {
        if (specifiers.isEmpty()) {
            return null;
        }
        for (Specifier s : specifiers) {
            if (s.prereleases()) {
                return true;
            }
        }
        return false;
    }

    /** Same as {@code contains(version, null)}. */
    public boolean contains(Version version) {
        return contains(version, null);
    }

    /**
     * Whether every clause matches {@code version}.
     *
     * <p>Pre-release rule (as pip): with {@code prereleases == null} a pre-release or dev release
     * matches only when some clause itself names a pre-release (e.g. {@code >=1.0b1}); so the
     * empty set never matches a pre-release by default. {@code true}/{@code false} force it.
     */
    public boolean contains(Version version, Boolean prereleases) {
        Objects.requireNonNull(version, "version");
        Boolean pre = prereleases != null ? prereleases : prereleases();
        if (!Boolean.TRUE.equals(pre) && version.isPrerelease()) {
            return false;
        }
        for (Specifier s : specifiers) {
            if (!s.contains(version, pre)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The versions that match, in input order, exactly as packaging 24.1's
     * {@code SpecifierSet.filter}:
     *
     * <ul>
     *   <li>non-empty set: a version is kept when {@link #contains(Version, Boolean)} with
     *       {@code prereleases} (or, when null, {@link #prereleases()}) is true. There is no
     *       fallback to pre-releases: {@code >=1.2.3} filters {@code [1.2, 1.5a1]} to nothing.
     *   <li>empty set: final releases are kept; pre-releases are kept if {@code prereleases} is
     *       true, or, when it is null, if no final release is present at all
     *       ({@code [1.5a1]} stays {@code [1.5a1]}, {@code [1.3, 1.5a1]} becomes {@code [1.3]}).
     * </ul>
     */
    public List<Version> filter(Collection<Version> versions, Boolean prereleases) {
        Boolean pre = prereleases != null ? prereleases : prereleases();
        List<Version> result = new ArrayList<>();
        if (!specifiers.isEmpty()) {
            boolean allow = Boolean.TRUE.equals(pre);
            for (Version v : versions) {
                boolean all = true;
                for (Specifier s : specifiers) {
                    if (!s.contains(v, allow)) {
                        all = false;
                        break;
                    }
                }
                if (all) {
                    result.add(v);
                }
            }
            return result;
        }
        List<Version> foundPre = new ArrayList<>();
        for (Version v : versions) {
            if (v.isPrerelease() && !Boolean.TRUE.equals(pre)) {
                if (result.isEmpty()) {
                    foundPre.add(v);
                }
            } else {
                result.add(v);
            }
        }
        if (result.isEmpty() && !foundPre.isEmpty() && pre == null) {
            return foundPre;
        }
        return result;
    }

    /** Equal when the clauses are equal as sets. */
    @Override
    public boolean equals(Object obj) {
        return obj instanceof SpecifierSet s && specifiers.equals(s.specifiers);
    }

    @Override
    public int hashCode() {
        return specifiers.hashCode();
    }

    /** Clauses sorted and joined by commas, e.g. {@code !=1.0.1,>=1.0}; packaging's {@code str(SpecifierSet)}. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        for (Specifier s : specifiers) {
            parts.add(s.toString());
        }
        parts.sort(PythonText::compare);
        return String.join(",", parts);
    }
}
