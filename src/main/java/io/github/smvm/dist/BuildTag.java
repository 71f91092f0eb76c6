package io.github.smvm.dist;

import io.github.smvm.pep440.PythonText;
import java.math.BigInteger;
import java.util.Objects;

/**
 * A wheel build tag split like packaging's {@code (int, str)} tuple: the leading digits as a number
 * and the rest as written. Ordered by number, then by rest (code point order); a wheel without a
 * build tag sorts before any wheel with one.
 */
public record BuildTag(BigInteger number, String rest) implements Comparable<BuildTag> {

    public BuildTag {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(rest, "rest");
    }

    @Override
    public int compareTo(BuildTag o) {
        int c = number.compareTo(o.number);
        return c != 0 ? c : PythonText.compare(rest, o.rest);
    }

    @Override
    public String toString() {
        return number + rest;
    }
}
