package io.github.smvm.pep440;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PEP 440 version, parsed and normalised the way {@code packaging.version.Version} (24.1) does.
 *
 * <p>Equality and ordering follow packaging: trailing zeros of the release do not matter
 * ({@code 1.0 == 1.0.0}), developmental releases of a final release sort before its
 * pre-releases ({@code 1.0.dev0 < 1.0a0}), post-releases sort after the release, and a local
 * version sorts after the same public version without one, with numeric local segments comparing
 * numerically and above alphanumeric ones.
 *
 * <p>Known divergences from packaging: numbers that do not fit in a {@code long} are rejected
 * (Python integers are unbounded); letters are matched case-insensitively in ASCII only (Python's
 * regex also folds a few non-ASCII letters such as the Kelvin sign).
 */
public final class Version implements Comparable<Version> {

    /** A normalised pre-release segment: label {@code a}, {@code b} or {@code rc}, and its number. */
    public record PreRelease(String label, long number) {
        public PreRelease {
            Objects.requireNonNull(label, "label");
        }

        @Override
        public String toString() {
            return label + number;
        }

        // equals and hashCode written out: see Tag.equals
        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof PreRelease p && number == p.number && label.equals(p.label);
        }

        @Override
        public int hashCode() {
            return label.hashCode() * 31 + Long.hashCode(number);
        }
    }

    private static final String WS = "[" + PythonText.WHITESPACE_CLASS_BODY + "]*";

    private static final Pattern PATTERN = Pattern.compile(
            WS
                    + "v?"
                    + "(?:"
                    + "(?:(?<epoch>[0-9]+)!)?"
                    + "(?<release>[0-9]+(?:\\.[0-9]+)*)"
                    + "(?<pre>[-_.]?(?<prel>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?<pren>[0-9]+)?)?"
                    + "(?<post>(?:-(?<postn1>[0-9]+))|(?:[-_.]?(?<postl>post|rev|r)[-_.]?(?<postn2>[0-9]+)?))?"
                    + "(?<dev>[-_.]?(?<devl>dev)[-_.]?(?<devn>[0-9]+)?)?"
                    + ")"
                    + "(?:\\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?"
                    + WS,
            Pattern.CASE_INSENSITIVE);

    private static final Pattern LOCAL_SEPARATOR = Pattern.compile("[-_.]");

    private final long epoch;
    private final long[] release;
    private final PreRelease pre;
    private final Long post;
    private final Long dev;
    /** Normalised local segments (lower case, numeric ones without leading zeros), or null. */
    private final List<String> local;
    /** Release without trailing zeros, for equality, hashing and ordering. */
    private final long[] trimmedRelease;

    private Version(long epoch, long[] release, PreRelease pre, Long post, Long dev, List<String> local) {
        this.epoch = epoch;
        this.release = release;
        this.pre = pre;
        this.post = post;
        this.dev = dev;
        this.local = local;
        int n = release.length;
        while (n > 0 && release[n - 1] == 0) {
            n--;
        }
        this.trimmedRelease = Arrays.copyOf(release, n);
    }

    /**
     * Parses a version string, accepting every spelling PEP 440 normalises (leading {@code v},
     * any case, {@code .}/{@code -}/{@code _} separators, alternate pre/post spellings, implicit
     * post releases such as {@code 1.0-1}, surrounding whitespace).
     *
     * @throws InvalidVersionException if the text is not a PEP 440 version
     */
    public static Version parse(String text) {
        Objects.requireNonNull(text, "text");
        long[] plain = plainRelease(text);
        if (plain != null) {
            return new Version(0, plain, null, null, null, null);
        }
        Matcher m = PATTERN.matcher(text);
        if (!m.matches()) {
            throw new InvalidVersionException(text, "Invalid version: '" + text + "' is not a PEP 440 version;"
                    + " expected [N!]N(.N)*[{a|b|rc}N][.postN][.devN][+local], for example 1.0, 2!1.4.2rc1 or 1.0.post1+ubuntu.1");
        }
        long epoch = m.group("epoch") == null ? 0 : number(text, m.group("epoch"));
        long[] release = releaseNumbers(text, m.group("release"));
        PreRelease pre = null;
        if (m.group("pre") != null) {
            String label = switch (m.group("prel").toLowerCase(Locale.ROOT)) {
                case "alpha", "a" -> "a";
                case "beta", "b" -> "b";
                default -> "rc";
            };
            pre = new PreRelease(label, m.group("pren") == null ? 0 : number(text, m.group("pren")));
        }
        Long post = null;
        if (m.group("postn1") != null) {
            post = number(text, m.group("postn1"));
        } else if (m.group("postl") != null) {
            post = m.group("postn2") == null ? 0 : number(text, m.group("postn2"));
        }
        Long dev = null;
        if (m.group("dev") != null) {
            dev = m.group("devn") == null ? 0 : number(text, m.group("devn"));
        }
        List<String> local = null;
        if (m.group("local") != null) {
            List<String> segments = new ArrayList<>();
            for (String segment : LOCAL_SEPARATOR.split(m.group("local"))) {
                segments.add(isDigits(segment) ? stripLeadingZeros(segment) : segment.toLowerCase(Locale.ROOT));
            }
            local = Collections.unmodifiableList(segments);
        }
        return new Version(epoch, release, pre, post, dev, local);
    }

    /**
     * The release numbers of a text that is only ASCII digits and single dots between them ({@code 1.26.4}),
     * the spelling of most versions on a page, read without the regular expression; {@code null} for any
     * other text (which the expression then reads, and may reject). Numbers too large for a {@code long}
     * are rejected here as there.
     */
    private static long[] plainRelease(String text) {
        int n = text.length();
        if (n == 0) {
            return null;
        }
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '.' ? i == 0 || i == n - 1 || text.charAt(i - 1) == '.' : c < '0' || c > '9') {
                return null;
            }
        }
        return releaseNumbers(text, text);
    }

    /** The numbers of a release part ({@code 1.26.4}: digits and single dots); errors quote {@code text}. */
    private static long[] releaseNumbers(String text, String release) {
        int segments = 1;
        for (int i = release.indexOf('.'); i >= 0; i = release.indexOf('.', i + 1)) {
            segments++;
        }
        long[] numbers = new long[segments];
        int from = 0;
        for (int k = 0; k < segments; k++) {
            int at = release.indexOf('.', from);
            int end = at < 0 ? release.length() : at;
            numbers[k] = number(text, release.substring(from, end));
            from = end + 1;
        }
        return numbers;
    }

    /** Like {@link #parse(String)} but returns empty instead of throwing. */
    public static Optional<Version> tryParse(String text) {
        try {
            return Optional.of(parse(text));
        } catch (InvalidVersionException e) {
            return Optional.empty();
        }
    }

    private static long number(String text, String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new InvalidVersionException(text, "Invalid version: '" + text + "' has the number " + digits
                    + ", which is larger than " + Long.MAX_VALUE + ", the largest supported version number");
        }
    }

    static boolean isDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static String stripLeadingZeros(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return digits.substring(i);
    }

    /** The epoch, 0 when absent. */
    public long epoch() {
        return epoch;
    }

    /** The release segments as written (trailing zeros kept), e.g. [1, 0] for 1.0. */
    public List<Long> release() {
        List<Long> result = new ArrayList<>(release.length);
        for (long segment : release) {
            result.add(segment);
        }
        return Collections.unmodifiableList(result);
    }

    /** The first release segment. */
    public long major() {
        return release.length > 0 ? release[0] : 0;
    }

    /** The second release segment, 0 when absent. */
    public long minor() {
        return release.length > 1 ? release[1] : 0;
    }

    /** The third release segment, 0 when absent. */
    public long micro() {
        return release.length > 2 ? release[2] : 0;
    }

    public Optional<PreRelease> pre() {
        return Optional.ofNullable(pre);
    }

    public OptionalLong post() {
        return post == null ? OptionalLong.empty() : OptionalLong.of(post);
    }

    public OptionalLong dev() {
        return dev == null ? OptionalLong.empty() : OptionalLong.of(dev);
    }

    /** The normalised local version label (segments joined by {@code .}), e.g. {@code ubuntu.1}. */
    public Optional<String> local() {
        return local == null ? Optional.empty() : Optional.of(String.join(".", local));
    }

    /** True for pre-releases and developmental releases (packaging's {@code is_prerelease}). */
    public boolean isPrerelease() {
        return pre != null || dev != null;
    }

    public boolean isDevrelease() {
        return dev != null;
    }

    public boolean isPostrelease() {
        return post != null;
    }

    /** This version without its local label. */
    public Version publicVersion() {
        return local == null ? this : new Version(epoch, release, pre, post, dev, null);
    }

    /** Only epoch and release, e.g. {@code 1!2.0} for {@code 1!2.0rc1.post3+x}. */
    public Version baseVersion() {
        return pre == null && post == null && dev == null && local == null
                ? this
                : new Version(epoch, release, null, null, null, null);
    }

    /** The normalised string of {@link #publicVersion()} (packaging's {@code public}). */
    public String toPublicString() {
        return publicVersion().toString();
    }

    /** The normalised form, identical to packaging's {@code str(Version(...))}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (epoch != 0) {
            sb.append(epoch).append('!');
        }
        for (int i = 0; i < release.length; i++) {
            if (i > 0) {
                sb.append('.');
            }
            sb.append(release[i]);
        }
        if (pre != null) {
            sb.append(pre.label()).append(pre.number());
        }
        if (post != null) {
            sb.append(".post").append(post);
        }
        if (dev != null) {
            sb.append(".dev").append(dev);
        }
        if (local != null) {
            sb.append('+').append(String.join(".", local));
        }
        return sb.toString();
    }

    @Override
    public int compareTo(Version o) {
        int c = Long.compare(epoch, o.epoch);
        if (c != 0) {
            return c;
        }
        c = Arrays.compare(trimmedRelease, o.trimmedRelease);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(preRank(), o.preRank());
        if (c != 0) {
            return c;
        }
        if (pre != null) {
            c = PythonText.compare(pre.label(), o.pre.label());
            if (c != 0) {
                return c;
            }
            c = Long.compare(pre.number(), o.pre.number());
            if (c != 0) {
                return c;
            }
        }
        // post: absent sorts first
        c = compareNullable(post, o.post, -1);
        if (c != 0) {
            return c;
        }
        // dev: absent sorts last
        c = compareNullable(dev, o.dev, 1);
        if (c != 0) {
            return c;
        }
        return compareLocal(local, o.local);
    }

    /** 0: dev release of a final release (sorts first), 1: has a pre-release, 2: neither. */
    private int preRank() {
        if (pre == null && post == null && dev != null) {
            return 0;
        }
        return pre == null ? 2 : 1;
    }

    private static int compareNullable(Long a, Long b, int absentSign) {
        if (a == null && b == null) {
            return 0;
        }
        if (a == null) {
            return absentSign;
        }
        if (b == null) {
            return -absentSign;
        }
        return Long.compare(a, b);
    }

    private static int compareLocal(List<String> a, List<String> b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            String x = a.get(i);
            String y = b.get(i);
            boolean xNum = isDigits(x);
            boolean yNum = isDigits(y);
            int c;
            if (xNum && yNum) {
                c = x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
            } else if (xNum != yNum) {
                c = xNum ? 1 : -1;
            } else {
                c = x.compareTo(y);
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof Version v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            // versions are hashed into sets and maps many times (every file of a page, every decision): once each
            h = Objects.hash(epoch, Arrays.hashCode(trimmedRelease), pre, post, dev, local);
            hash = h;
        }
        return h;
    }

    /** {@link #hashCode()}, made on first use; 0 until then (like {@link String}'s). */
    private int hash;
}
