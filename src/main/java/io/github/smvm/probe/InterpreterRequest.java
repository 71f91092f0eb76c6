package io.github.smvm.probe;

import io.github.smvm.pep440.InvalidSpecifierException;
import io.github.smvm.pep440.SpecifierSet;
import io.github.smvm.pep440.Version;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the user asked for: any interpreter, a version ({@code 3.12}, {@code 3.11.13}), a version
 * range ({@code >=3.11.4,<3.12}), a command name ({@code python3.12}) or a path
 * ({@code /opt/py/bin/python}, {@code ./venv/bin/python}, {@code ~/py/bin/python3}).
 */
public final class InterpreterRequest {

    /** The kinds of request. */
    public enum Kind {
        /** No constraint: the first working interpreter in discovery order. */
        ANY,
        /** A version prefix: {@code 3}, {@code 3.12} (any 3.12.x) or {@code 3.11.13} (exactly). */
        VERSION,
        /** A specifier such as {@code >=3.11.4,<3.12}. */
        RANGE,
        /** An executable name looked up on {@code PATH}. */
        COMMAND,
        /** A file system path (or a directory holding the interpreter, such as a venv). */
        PATH
    }

    private static final Pattern VERSION = Pattern.compile("\\d+(\\.\\d+){0,2}");
    private static final Pattern COMMAND = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.+-]*");

    private final Kind kind;
    private final String text;
    private final SpecifierSet range;

    private InterpreterRequest(Kind kind, String text, SpecifierSet range) {
        this.kind = kind;
        this.text = text;
        this.range = range;
    }

    /** Any interpreter. */
    public static InterpreterRequest any() {
        return new InterpreterRequest(Kind.ANY, "any", null);
    }

    /**
     * Reads a request. Blank, {@code any} and {@code *} mean any interpreter.
     *
     * @throws IllegalArgumentException with a message explaining the accepted forms
     */
    public static InterpreterRequest parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || t.equals("*") || t.equalsIgnoreCase("any")) {
            return any();
        }
        char c = t.charAt(0);
        if (c == '<' || c == '>' || c == '=' || c == '!' || t.startsWith("~=")) {
            return new InterpreterRequest(Kind.RANGE, t, range(t));
        }
        if (t.contains("/") || t.contains("\\") || t.startsWith(".") || t.startsWith("~")
                || (t.length() >= 2 && Character.isLetter(t.charAt(0)) && t.charAt(1) == ':')) {
            return new InterpreterRequest(Kind.PATH, t, null);
        }
        if (VERSION.matcher(t).matches()) {
            return new InterpreterRequest(Kind.VERSION, t,
                    SpecifierSet.parse("==" + t + (t.split("\\.").length < 3 ? ".*" : "")));
        }
        if (COMMAND.matcher(t).matches()) {
            return new InterpreterRequest(Kind.COMMAND, t, null);
        }
        throw new IllegalArgumentException("cannot read the Python interpreter request '" + t
                + "': use a version (3.12, 3.11.13), a range (>=3.11.4,<3.12), a command name "
                + "(python3.12) or a path (/usr/bin/python3, ./venv/bin/python)");
    }

    public Kind kind() {
        return kind;
    }

    /** The request as written (trimmed). */
    public String text() {
        return text;
    }

    /** The path or command text for {@link Kind#PATH} and {@link Kind#COMMAND}. */
    public Optional<String> pathOrCommand() {
        return kind == Kind.PATH || kind == Kind.COMMAND ? Optional.of(text) : Optional.empty();
    }

    /** Whether discovery has to look at every source and compare versions. */
    public boolean isVersionConstraint() {
        return kind == Kind.VERSION || kind == Kind.RANGE;
    }

    /**
     * Whether the interpreter satisfies this request's version constraint. Path, command and any
     * requests accept every interpreter.
     */
    public boolean matches(InterpreterInfo info) {
        return matches(info.version());
    }

    public boolean matches(PythonVersion v) {
        return range == null || range.contains(Version.parse(v.toString()), true);
    }

    private static SpecifierSet range(String text) {
        try {
            return SpecifierSet.parse(text);
        } catch (InvalidSpecifierException e) {
            throw new IllegalArgumentException("cannot read the Python version range '" + text + "': "
                    + e.getMessage() + "; write PEP 440 specifiers such as >=3.11.4,<3.12 or ~=3.11", e);
        }
    }

    /** {@code 3.12 (any 3.12.x)}, {@code >=3.11,<3.12}, {@code command python3}, ... */
    public String describe() {
        return switch (kind) {
            case ANY -> "any Python";
            case VERSION -> text.split("\\.").length < 3 ? text + ".x" : text;
            case RANGE -> "Python " + text;
            case COMMAND -> "command '" + text + "'";
            case PATH -> "path " + text;
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InterpreterRequest r && r.kind == kind && r.text.equals(text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, text);
    }

    @Override
    public String toString() {
        return text;
    }
}
