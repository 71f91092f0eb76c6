package io.github.smvm.pep440;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One PEP 440 version specifier clause such as {@code >=1.0}, {@code ~=2.2}, {@code ==1.4.*} or
 * {@code ===foo}, with the matching rules of {@code packaging.specifiers.Specifier} (24.1).
 *
 * <p>Equality ignores how the version was spelled: {@code ==1.0} equals {@code ==1.0.0}.
 */
public final class Specifier {

    private static final String WS = "[" + PythonText.WHITESPACE_CLASS_BODY + "]*";
    private static final String PRE = "(?:[-_.]?(?:alpha|beta|preview|pre|a|b|c|rc)[-_.]?[0-9]*)?";
    private static final String POST = "(?:(?:-[0-9]+)|(?:[-_.]?(?:post|rev|r)[-_.]?[0-9]*))?";
    private static final String DEV = "(?:[-_.]?dev[-_.]?[0-9]*)?";
    private static final String EPOCH = "v?(?:[0-9]+!)?";

    /** Operator followed by version, without anchors; the PEP 508 tokenizer uses it too. */
    private static final String OPERATOR_AND_VERSION =
            "(?<operator>~=|==|!=|<=|>=|<|>|===)"
                    + "(?<version>"
                    + "(?:(?<====)" + WS + "[^" + PythonText.WHITESPACE_CLASS_BODY + ";)]*)"
                    + "|(?:(?<===|!=)" + WS + EPOCH + "[0-9]+(?:\\.[0-9]+)*"
                    + "(?:\\.\\*|" + PRE + POST + DEV + "(?:\\+[a-z0-9]+(?:[-_.][a-z0-9]+)*)?)?)"
                    + "|(?:(?<=~=)" + WS + EPOCH + "[0-9]+(?:\\.[0-9]+)+" + PRE + POST + DEV + ")"
                    + "|(?:(?<!==|!=|~=)" + WS + EPOCH + "[0-9]+(?:\\.[0-9]+)*" + PRE + POST + DEV + ")"
                    + ")";

    private static final Pattern TOKEN = Pattern.compile(OPERATOR_AND_VERSION, Pattern.CASE_INSENSITIVE);
    private static final Pattern FULL = Pattern.compile(WS + OPERATOR_AND_VERSION + WS, Pattern.CASE_INSENSITIVE);
    private static final Pattern PREFIX = Pattern.compile("^([0-9]+)((?:a|b|c|rc)[0-9]+)$");
    private static final Pattern TRAILING_ZEROS = Pattern.compile("(\\.0)+$");

    private final String operator;
    private final String version;
    /** Parsed version for the operators that need one; null for prefix and arbitrary matches. */
    private final Version parsed;
    /**
     * What a candidate's public version must start with, split as packaging's {@code _version_split}: for
     * {@code ==}/{@code !=} with {@code .*} the version before it, for {@code ~=} all but its last release
     * segment; null for the other operators. Worked out once: a specifier is asked about many versions.
     */
    private final List<String> prefixSplit;
    /** {@link #prereleases()}, worked out once; null when it throws ({@code ===} with a text that is no version). */
    private final Boolean namesPrerelease;

    private Specifier(String operator, String version) {
        this.operator = operator;
        this.version = version;
        boolean prefix = version.endsWith(".*");
        this.parsed = operator.equals("===") || prefix ? null : Version.parse(version);
        if (prefix) {
            this.prefixSplit = versionSplit(canonicalize(version.substring(0, version.length() - 2), false));
        } else if (operator.equals("~=")) {
            List<String> kept = new ArrayList<>();
            for (String segment : versionSplit(version)) {
                if (!isNotSuffix(segment)) {
                    break;
                }
                kept.add(segment);
            }
            kept = kept.subList(0, Math.max(0, kept.size() - 1));
            this.prefixSplit = versionSplit(canonicalize(versionJoin(kept), false));
        } else {
            this.prefixSplit = null;
        }
        Boolean pre;
        try {
            pre = namesPrerelease(operator, version);
        } catch (InvalidVersionException e) {
            pre = null;
        }
        this.namesPrerelease = pre;
    }

    /**
     * Parses one clause; whitespace around and between operator and version is allowed.
     *
     * @throws InvalidSpecifierException if the text is not one specifier clause
     */
    public static Specifier parse(String text) {
        Objects.requireNonNull(text, "text");
        Matcher m = FULL.matcher(text);
        if (!m.matches()) {
            throw new InvalidSpecifierException(text, "Invalid specifier: '" + text + "'; expected an operator"
                    + " (~=, ==, !=, <=, >=, <, >, ===) followed by a version, for example '>=1.0', '~=2.2',"
                    + " '==1.4.*' or '!=1.0+local'; '.*' and local versions are only allowed with == and !=,"
                    + " and ~= needs at least two release segments");
        }
        try {
            return new Specifier(PythonText.strip(m.group("operator")), PythonText.strip(m.group("version")));
        } catch (InvalidVersionException e) {
            throw new InvalidSpecifierException(text, "Invalid specifier: '" + text + "': " + e.getMessage());
        }
    }

    /**
     * Length of the specifier token (operator and version, as PEP 508's tokenizer reads it)
     * starting at {@code position} in {@code source}, or -1 when there is none.
     */
    public static int tokenLength(String source, int position) {
        Matcher m = TOKEN.matcher(source);
        m.region(position, source.length());
        m.useTransparentBounds(true);
        m.useAnchoringBounds(false);
        return m.lookingAt() ? m.end() - position : -1;
    }

    /** The operator, e.g. {@code >=}. */
    public String operator() {
        return operator;
    }

    /** The version text as written (stripped of surrounding whitespace), e.g. {@code 1.0.*}. */
    public String version() {
        return version;
    }

    /**
     * Whether this clause itself names a pre-release, so that pre-releases match it by default:
     * true for {@code ==}, {@code >=}, {@code <=}, {@code ~=} and {@code ===} with a pre-release
     * or dev-release version (as packaging's {@code Specifier.prereleases}).
     *
     * @throws InvalidVersionException for {@code ===} with a text that is not a version, as packaging does
     */
    public boolean prereleases() {
        return namesPrerelease != null ? namesPrerelease : namesPrerelease(operator, version);
    }

    private static boolean namesPrerelease(String operator, String version) {
        switch (operator) {
            case "==", ">=", "<=", "~=", "===" -> {
                String v = version;
                if (operator.equals("==") && v.endsWith(".*")) {
                    v = v.substring(0, v.length() - 2);
                }
                return Version.parse(v).isPrerelease();
            }
            default -> {
                return false;
            }
        }
    }

    /** Same as {@code contains(version, null)}. */
    public boolean contains(Version candidate) {
        return contains(candidate, null);
    }

    /**
     * Whether {@code candidate} satisfies this clause.
     *
     * @param prereleases null for the default (pre-releases match only if {@link #prereleases()}),
     *     true or false to allow or forbid pre-releases
     */
    public boolean contains(Version candidate, Boolean prereleases) {
        Objects.requireNonNull(candidate, "candidate");
        boolean allowPre = prereleases != null ? prereleases : prereleases();
        if (candidate.isPrerelease() && !allowPre) {
            return false;
        }
        return switch (operator) {
            case "~=" -> candidate.publicVersion().compareTo(parsed) >= 0 && startsWithPrefix(candidate);
            case "==" -> equal(candidate);
            case "!=" -> !equal(candidate);
            case "<=" -> candidate.publicVersion().compareTo(parsed) <= 0;
            case ">=" -> candidate.publicVersion().compareTo(parsed) >= 0;
            case "<" -> lessThan(candidate);
            case ">" -> greaterThan(candidate);
            case "===" -> candidate.toString().toLowerCase(Locale.ROOT).equals(version.toLowerCase(Locale.ROOT));
            default -> throw new IllegalStateException(operator);
        };
    }

    /** packaging's prefix match ({@code ==1.4.*}, and {@code ~=}'s second half). */
    private boolean startsWithPrefix(Version candidate) {
        // canonicalize_version of a parsed public version is its normalised text
        List<String> padded = padLeft(versionSplit(candidate.toPublicString()), prefixSplit);
        List<String> shortened = padded.subList(0, Math.min(padded.size(), prefixSplit.size()));
        return shortened.equals(prefixSplit);
    }

    private boolean equal(Version candidate) {
        if (prefixSplit != null) {
            return startsWithPrefix(candidate);
        }
        Version prospective = parsed.local().isEmpty() ? candidate.publicVersion() : candidate;
        return prospective.equals(parsed);
    }

    private boolean lessThan(Version candidate) {
        if (candidate.compareTo(parsed) >= 0) {
            return false;
        }
        return parsed.isPrerelease() || !candidate.isPrerelease()
                || !candidate.baseVersion().equals(parsed.baseVersion());
    }

    private boolean greaterThan(Version candidate) {
        if (candidate.compareTo(parsed) <= 0) {
            return false;
        }
        boolean sameBase = candidate.baseVersion().equals(parsed.baseVersion());
        if (!parsed.isPostrelease() && candidate.isPostrelease() && sameBase) {
            return false;
        }
        return candidate.local().isEmpty() || !sameBase;
    }

    /** packaging's canonicalize_version: normalised form, optionally without trailing {@code .0}s. */
    static String canonicalize(String text, boolean stripTrailingZero) {
        Version v;
        try {
            v = Version.parse(text);
        } catch (InvalidVersionException e) {
            return text;
        }
        StringBuilder sb = new StringBuilder();
        if (v.epoch() != 0) {
            sb.append(v.epoch()).append('!');
        }
        StringBuilder release = new StringBuilder();
        for (Long segment : v.release()) {
            if (release.length() > 0) {
                release.append('.');
            }
            release.append(segment);
        }
        String rel = release.toString();
        if (stripTrailingZero) {
            rel = TRAILING_ZEROS.matcher(rel).replaceFirst("");
        }
        sb.append(rel);
        v.pre().ifPresent(sb::append);
        v.post().ifPresent(p -> sb.append(".post").append(p));
        v.dev().ifPresent(d -> sb.append(".dev").append(d));
        v.local().ifPresent(l -> sb.append('+').append(l));
        return sb.toString();
    }

    private static List<String> versionSplit(String text) {
        List<String> result = new ArrayList<>();
        int bang = text.lastIndexOf('!');
        String epoch = bang < 0 ? "" : text.substring(0, bang);
        String rest = bang < 0 ? text : text.substring(bang + 1);
        result.add(epoch.isEmpty() ? "0" : epoch);
        for (String item : rest.split("\\.", -1)) {
            Matcher m = PREFIX.matcher(item);
            if (m.find()) {
                result.add(m.group(1));
                result.add(m.group(2));
            } else {
                result.add(item);
            }
        }
        return result;
    }

    private static String versionJoin(List<String> components) {
        return components.get(0) + "!" + String.join(".", components.subList(1, components.size()));
    }

    private static boolean isNotSuffix(String segment) {
        for (String prefix : new String[] {"dev", "a", "b", "rc", "post"}) {
            if (segment.startsWith(prefix)) {
                return false;
            }
        }
        return true;
    }

    /** The left result of packaging's _pad_version: zeros inserted after the numeric prefix. */
    private static List<String> padLeft(List<String> left, List<String> right) {
        int leftDigits = leadingDigits(left);
        int rightDigits = leadingDigits(right);
        List<String> result = new ArrayList<>(left.subList(0, leftDigits));
        for (int i = leftDigits; i < rightDigits; i++) {
            result.add("0");
        }
        result.addAll(left.subList(leftDigits, left.size()));
        return result;
    }

    private static int leadingDigits(List<String> items) {
        int n = 0;
        while (n < items.size() && Version.isDigits(items.get(n))) {
            n++;
        }
        return n;
    }

    /** Made on first use (specifiers are hashed into sets and maps often), by any thread: the result is the same. */
    private String canonicalVersion;

    private String canonicalVersion() {
        String canonical = canonicalVersion;
        if (canonical == null) {
            canonical = canonicalize(version, !operator.equals("~="));
            canonicalVersion = canonical;
        }
        return canonical;
    }

    /** Equal when operator and canonical version are equal ({@code ==1.0} equals {@code ==1.0.0}). */
    @Override
    public boolean equals(Object obj) {
        return obj instanceof Specifier s && operator.equals(s.operator) && canonicalVersion().equals(s.canonicalVersion());
    }

    @Override
    public int hashCode() {
        return Objects.hash(operator, canonicalVersion());
    }

    /** Operator and version as written, e.g. {@code >=1.0}; packaging's {@code str(Specifier)}. */
    @Override
    public String toString() {
        return operator + version;
    }
}
