package io.github.smvm.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deliberately small matcher for PEP 440-style specifiers on interpreter versions: comma-separated
 * clauses of {@code ==}, {@code !=}, {@code >=}, {@code <=}, {@code >}, {@code <}, {@code ~=},
 * {@code ===} with release numbers of at most three components ({@code 3}, {@code 3.11},
 * {@code 3.11.4}) and {@code .*} wildcards for {@code ==}/{@code !=}. Missing components count as
 * zero, as in PEP 440 ({@code 3.11 == 3.11.0}). Pre-, post- and dev-release suffixes are rejected;
 * interpreters are compared on major.minor.micro only.
 *
 * <p>Isolated on purpose: it is to be replaced by the project's full PEP 440 implementation.
 */
final class VersionRange {

    private static final Pattern CLAUSE = Pattern.compile(
            "\\s*(===|==|!=|~=|>=|<=|>|<)\\s*(\\d+(?:\\.\\d+){0,2})(\\.\\*)?\\s*");

    private enum Op { EQ, NE, GE, LE, GT, LT, COMPATIBLE, ARBITRARY }

    private record Clause(Op op, int[] release, boolean wildcard, String text) {
    }

    private final String text;
    private final List<Clause> clauses;

    private VersionRange(String text, List<Clause> clauses) {
        this.text = text;
        this.clauses = clauses;
    }

    /**
     * Parses {@code >=3.11.4,<3.12}.
     *
     * @throws IllegalArgumentException with a message naming the bad clause
     */
    static VersionRange parse(String text) {
        List<Clause> clauses = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            Matcher m = CLAUSE.matcher(part);
            if (!m.matches()) {
                throw new IllegalArgumentException("cannot read version clause '" + part.strip()
                        + "' in '" + text + "': expected an operator (==, !=, >=, <=, >, <, ~=) followed "
                        + "by a release number like 3.11 or 3.11.4");
            }
            Op op = switch (m.group(1)) {
                case "==" -> Op.EQ;
                case "!=" -> Op.NE;
                case ">=" -> Op.GE;
                case "<=" -> Op.LE;
                case ">" -> Op.GT;
                case "<" -> Op.LT;
                case "~=" -> Op.COMPATIBLE;
                default -> Op.ARBITRARY;
            };
            boolean wildcard = m.group(3) != null;
            if (wildcard && op != Op.EQ && op != Op.NE) {
                throw new IllegalArgumentException("'.*' is only allowed after == or != (in '" + part.strip()
                        + "')");
            }
            String[] nums = m.group(2).split("\\.");
            int[] release = new int[nums.length];
            for (int i = 0; i < nums.length; i++) {
                release[i] = Integer.parseInt(nums[i]);
            }
            if (op == Op.COMPATIBLE && release.length < 2) {
                throw new IllegalArgumentException("~= needs at least two components (in '" + part.strip()
                        + "')");
            }
            clauses.add(new Clause(op, release, wildcard, part.strip()));
        }
        return new VersionRange(text.strip(), List.copyOf(clauses));
    }

    /** A range matching versions that start with the given components: {@code 3.12} → 3.12.*. */
    static VersionRange prefix(String version) {
        return parse("==" + version + (version.split("\\.").length < 3 ? ".*" : ""));
    }

    boolean matches(int major, int minor, int micro) {
        int[] v = {major, minor, micro};
        for (Clause c : clauses) {
            if (!matches(c, v)) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(Clause c, int[] v) {
        return switch (c.op()) {
            case EQ -> c.wildcard() ? startsWith(v, c.release()) : compare(v, c.release()) == 0;
            case NE -> c.wildcard() ? !startsWith(v, c.release()) : compare(v, c.release()) != 0;
            case GE -> compare(v, c.release()) >= 0;
            case LE -> compare(v, c.release()) <= 0;
            case GT -> compare(v, c.release()) > 0;
            case LT -> compare(v, c.release()) < 0;
            case COMPATIBLE -> compare(v, c.release()) >= 0
                    && startsWith(v, java.util.Arrays.copyOf(c.release(), c.release().length - 1));
            case ARBITRARY -> (v[0] + "." + v[1] + "." + v[2]).equals(c.text().substring(3).strip());
        };
    }

    private static boolean startsWith(int[] v, int[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (i >= v.length ? prefix[i] != 0 : v[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int compare(int[] a, int[] b) {
        for (int i = 0; i < 3; i++) {
            int x = i < a.length ? a[i] : 0;
            int y = i < b.length ? b[i] : 0;
            if (x != y) {
                return Integer.compare(x, y);
            }
        }
        return 0;
    }

    @Override
    public String toString() {
        return text;
    }
}
