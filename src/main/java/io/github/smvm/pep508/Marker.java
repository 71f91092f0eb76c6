package io.github.smvm.pep508;

import io.github.smvm.pep440.InvalidSpecifierException;
import io.github.smvm.pep440.InvalidVersionException;
import io.github.smvm.pep440.PythonText;
import io.github.smvm.pep440.Specifier;
import io.github.smvm.pep440.Version;
import io.github.smvm.pep508.MarkerNode.Comparison;
import io.github.smvm.pep508.MarkerNode.Group;
import io.github.smvm.pep508.MarkerNode.Operand;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A parsed PEP 508 environment marker such as {@code python_version < "3.11" and os_name == "nt"}.
 *
 * <p>Behaves as packaging 24.1's {@code Marker}: {@code and} binds tighter than {@code or};
 * either side of a comparison may be the literal; dotted legacy names ({@code os.name},
 * {@code sys.platform}, {@code platform.version}, {@code platform.machine},
 * {@code platform.python_implementation}) and {@code python_implementation} are accepted and
 * normalised. A comparison is a PEP 440 version comparison when operator and literal form a valid
 * specifier (the environment value must then be a version, else evaluation fails as in packaging);
 * otherwise it is a Python string comparison ({@code in} is substring). Values compared with
 * {@code extra} are PEP 503-normalised on both sides.
 */
public final class Marker {

    private final Group root;
    private final String text;

    private Marker(Group root) {
        this.root = normalizeExtraValues(root);
        this.text = format(this.root, true);
    }

    /**
     * Parses a marker expression.
     *
     * @throws InvalidMarkerException with packaging's reason and span
     */
    public static Marker parse(String text) {
        Objects.requireNonNull(text, "text");
        try {
            return new Marker(Parser.fullMarker(text));
        } catch (Tokenizer.SyntaxError e) {
            throw new InvalidMarkerException(text, e.reason, e.start, e.end);
        }
    }

    static Marker of(Group root) {
        return new Marker(root);
    }

    /** Evaluates with {@code extra} empty (no extra requested). */
    public boolean evaluate(MarkerEnvironment environment) {
        return evaluate(environment, "");
    }

    /**
     * Evaluates for an install of the given extra ({@code null} or empty for none).
     *
     * @throws MarkerEvaluationException where packaging raises during evaluation
     */
    public boolean evaluate(MarkerEnvironment environment, String extra) {
        Objects.requireNonNull(environment, "environment");
        return evaluate(root, environment, extra == null ? "" : extra);
    }

    private boolean evaluate(Group group, MarkerEnvironment env, String extra) {
        // Every atom is evaluated (no short-circuit), like packaging, so errors surface the same way.
        List<List<Boolean>> groups = new ArrayList<>();
        groups.add(new ArrayList<>());
        for (int i = 0; i < group.atoms().size(); i++) {
            if (i > 0 && group.ops().get(i - 1).equals("or")) {
                groups.add(new ArrayList<>());
            }
            MarkerNode atom = group.atoms().get(i);
            boolean value = atom instanceof Group g ? evaluate(g, env, extra) : evaluate((Comparison) atom, env, extra);
            groups.get(groups.size() - 1).add(value);
        }
        boolean any = false;
        for (List<Boolean> and : groups) {
            any |= !and.contains(false);
        }
        return any;
    }

    private boolean evaluate(Comparison c, MarkerEnvironment env, String extra) {
        String key;
        String lhs;
        String rhs;
        if (c.lhs().variable()) {
            key = c.lhs().value();
            lhs = lookup(key, env, extra);
            rhs = c.rhs().value();
        } else {
            lhs = c.lhs().value();
            key = c.rhs().value();
            rhs = lookup(key, env, extra);
        }
        if (key.equals("extra")) {
            lhs = Names.normalize(lhs);
            rhs = Names.normalize(rhs);
        }
        return compare(lhs, c.op(), rhs);
    }

    private String lookup(String key, MarkerEnvironment env, String extra) {
        if (key.equals("extra")) {
            return extra;
        }
        return env.get(key).orElseThrow(() -> new MarkerEvaluationException(
                "Cannot evaluate marker '" + text + "': the environment does not define '" + key + "'", null));
    }

    private boolean compare(String lhs, String op, String rhs) {
        Specifier spec = null;
        try {
            spec = Specifier.parse(op + rhs);
        } catch (InvalidSpecifierException e) {
            // not a version comparison
        }
        if (spec != null) {
            Version version;
            try {
                version = Version.parse(lhs);
            } catch (InvalidVersionException e) {
                throw new MarkerEvaluationException("Cannot evaluate marker '" + text + "': '" + lhs + " " + op + " "
                        + rhs + "' is a version comparison but '" + lhs + "' is not a PEP 440 version", e);
            }
            return spec.contains(version, true);
        }
        int cmp = PythonText.compare(lhs, rhs);
        return switch (op) {
            case "in" -> rhs.contains(lhs);
            case "not in" -> !rhs.contains(lhs);
            case "<" -> cmp < 0;
            case "<=" -> cmp <= 0;
            case "==" -> cmp == 0;
            case "!=" -> cmp != 0;
            case ">=" -> cmp >= 0;
            case ">" -> cmp > 0;
            default -> throw new MarkerEvaluationException("Cannot evaluate marker '" + text + "': '" + op
                    + "' is only defined between versions, and '" + lhs + "' " + op + " '" + rhs
                    + "' is not a version comparison", null);
        };
    }

    /** packaging normalises the extra name only in a comparison that is the first item of the top level. */
    private static Group normalizeExtraValues(Group root) {
        if (!(root.atoms().get(0) instanceof Comparison c)) {
            return root;
        }
        Operand lhs = c.lhs();
        Operand rhs = c.rhs();
        if (lhs.variable() && lhs.value().equals("extra")) {
            rhs = new Operand(false, Names.normalize(rhs.value()));
        } else if (rhs.variable() && rhs.value().equals("extra")) {
            lhs = new Operand(false, Names.normalize(lhs.value()));
        } else {
            return root;
        }
        List<MarkerNode> atoms = new ArrayList<>(root.atoms());
        atoms.set(0, new Comparison(lhs, c.op(), rhs));
        return new Group(atoms, root.ops());
    }

    private static String format(MarkerNode node, boolean first) {
        if (node instanceof Group g) {
            if (g.atoms().size() == 1) {
                return format(g.atoms().get(0), true);
            }
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < g.atoms().size(); i++) {
                if (i > 0) {
                    sb.append(' ').append(g.ops().get(i - 1)).append(' ');
                }
                sb.append(format(g.atoms().get(i), false));
            }
            return first ? sb.toString() : "(" + sb + ")";
        }
        Comparison c = (Comparison) node;
        return c.lhs().serialize() + " " + c.op() + " " + c.rhs().serialize();
    }

    /** packaging's {@code str(Marker)}: single spaces, double quotes, redundant parentheses dropped. */
    @Override
    public String toString() {
        return text;
    }

    /** Equal when the normalised strings are equal, as in packaging. */
    @Override
    public boolean equals(Object obj) {
        return obj instanceof Marker m && text.equals(m.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
