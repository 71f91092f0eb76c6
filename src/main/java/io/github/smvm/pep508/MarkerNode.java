package io.github.smvm.pep508;

import java.util.List;

/** The parsed marker tree, shaped like packaging's nested lists so that str() can match it. */
sealed interface MarkerNode permits MarkerNode.Group, MarkerNode.Comparison {

    /** A variable name (normalised: dots to underscores, aliases resolved) or a literal string. */
    record Operand(boolean variable, String value) {
        String serialize() {
            return variable ? value : "\"" + value + "\"";
        }
    }

    /** {@code lhs op rhs}; op is one of the comparison operators, {@code in} or {@code not in}. */
    record Comparison(Operand lhs, String op, Operand rhs) implements MarkerNode {
    }

    /** Atoms joined by {@code and}/{@code or}; {@code ops.size() == atoms.size() - 1}. */
    record Group(List<MarkerNode> atoms, List<String> ops) implements MarkerNode {
        public Group {
            atoms = List.copyOf(atoms);
            ops = List.copyOf(ops);
        }
    }
}
