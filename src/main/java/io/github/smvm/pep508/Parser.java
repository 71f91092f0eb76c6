package io.github.smvm.pep508;

import io.github.smvm.pep508.MarkerNode.Comparison;
import io.github.smvm.pep508.MarkerNode.Group;
import io.github.smvm.pep508.MarkerNode.Operand;
import io.github.smvm.pep508.Tokenizer.Rule;
import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser for PEP 508 dependency specifiers and markers, following the grammar
 * (and so the error messages and spans) of packaging 24.1's {@code _parser}.
 */
final class Parser {

    record ParsedRequirement(String name, String url, List<String> extras, String specifier, Group marker) {
    }

    private Parser() {
    }

    // requirement = WS? IDENTIFIER WS? extras WS? requirement_details
    static ParsedRequirement requirement(String source) {
        Tokenizer t = new Tokenizer(source);
        t.consume(Rule.WS);
        String name = t.expect(Rule.IDENTIFIER, "package name at the start of dependency specifier").text();
        t.consume(Rule.WS);
        List<String> extras = extras(t);
        t.consume(Rule.WS);

        String url = "";
        String specifier = "";
        Group marker = null;
        if (t.check(Rule.AT)) {
            // AT URL (WS requirement_marker?)?
            t.read();
            t.consume(Rule.WS);
            int urlStart = t.position;
            url = t.expect(Rule.URL, "URL after @").text();
            if (!t.check(Rule.END, true)) {
                t.expect(Rule.WS, "whitespace after URL");
                if (!t.check(Rule.END, true)) {
                    marker = requirementMarker(t, urlStart, "URL and whitespace");
                }
            }
        } else {
            // specifier WS? (requirement_marker)?
            int specifierStart = t.position;
            specifier = specifier(t);
            t.consume(Rule.WS);
            if (!t.check(Rule.END, true)) {
                marker = requirementMarker(t, specifierStart,
                        specifier.isEmpty() ? "name and no valid version specifier" : "version specifier");
            }
        }
        t.expect(Rule.END, "end of dependency specifier");
        return new ParsedRequirement(name, url, extras, specifier, marker);
    }

    // requirement_marker = SEMICOLON marker WS?
    private static Group requirementMarker(Tokenizer t, int spanStart, String after) {
        if (!t.check(Rule.SEMICOLON)) {
            throw t.error("Expected end or semicolon (after " + after + ")", spanStart, t.position);
        }
        t.read();
        Group marker = marker(t);
        t.consume(Rule.WS);
        return marker;
    }

    // extras = (LEFT_BRACKET wsp* extras_list? wsp* RIGHT_BRACKET)?
    private static List<String> extras(Tokenizer t) {
        List<String> extras = new ArrayList<>();
        if (!t.check(Rule.LEFT_BRACKET, true)) {
            return extras;
        }
        t.check(Rule.LEFT_BRACKET);
        int open = t.position;
        t.read();
        t.consume(Rule.WS);
        // extras_list = identifier (wsp* ',' wsp* identifier)*
        if (t.check(Rule.IDENTIFIER)) {
            extras.add(t.read().text());
            while (true) {
                t.consume(Rule.WS);
                if (t.check(Rule.IDENTIFIER, true)) {
                    throw t.error("Expected comma between extra names");
                } else if (!t.check(Rule.COMMA)) {
                    break;
                }
                t.read();
                t.consume(Rule.WS);
                extras.add(t.expect(Rule.IDENTIFIER, "extra name after comma").text());
            }
        }
        t.consume(Rule.WS);
        if (!t.check(Rule.RIGHT_BRACKET)) {
            throw t.error("Expected matching RIGHT_BRACKET for LEFT_BRACKET, after extras", open, t.position);
        }
        t.read();
        return extras;
    }

    // specifier = LEFT_PARENTHESIS WS? version_many WS? RIGHT_PARENTHESIS | WS? version_many WS?
    private static String specifier(Tokenizer t) {
        Integer open = null;
        if (t.check(Rule.LEFT_PARENTHESIS)) {
            open = t.position;
            t.read();
        }
        t.consume(Rule.WS);
        String parsed = versionMany(t);
        t.consume(Rule.WS);
        if (open != null) {
            if (!t.check(Rule.RIGHT_PARENTHESIS)) {
                throw t.error("Expected matching RIGHT_PARENTHESIS for LEFT_PARENTHESIS, after version specifier",
                        open, t.position);
            }
            t.read();
        }
        return parsed;
    }

    // version_many = (SPECIFIER (WS? COMMA WS? SPECIFIER)*)?
    private static String versionMany(Tokenizer t) {
        StringBuilder parsed = new StringBuilder();
        while (t.check(Rule.SPECIFIER)) {
            int spanStart = t.position;
            parsed.append(t.read().text());
            if (t.check(Rule.VERSION_PREFIX_TRAIL, true)) {
                throw t.error(".* suffix can only be used with `==` or `!=` operators", spanStart, t.position + 1);
            }
            if (t.check(Rule.VERSION_LOCAL_LABEL_TRAIL, true)) {
                throw t.error("Local version label can only be used with `==` or `!=` operators", spanStart, t.position);
            }
            t.consume(Rule.WS);
            if (!t.check(Rule.COMMA)) {
                break;
            }
            parsed.append(t.read().text());
            t.consume(Rule.WS);
        }
        return parsed.toString();
    }

    static Group fullMarker(String source) {
        Tokenizer t = new Tokenizer(source);
        Group marker = marker(t);
        t.expect(Rule.END, "end of marker expression");
        return marker;
    }

    // marker = marker_atom (BOOLOP marker_atom)+
    private static Group marker(Tokenizer t) {
        List<MarkerNode> atoms = new ArrayList<>();
        List<String> ops = new ArrayList<>();
        atoms.add(markerAtom(t));
        while (t.check(Rule.BOOLOP)) {
            ops.add(t.read().text());
            atoms.add(markerAtom(t));
        }
        return new Group(atoms, ops);
    }

    // marker_atom = WS? LEFT_PARENTHESIS WS? marker WS? RIGHT_PARENTHESIS WS? | WS? marker_item WS?
    private static MarkerNode markerAtom(Tokenizer t) {
        t.consume(Rule.WS);
        MarkerNode result;
        if (t.check(Rule.LEFT_PARENTHESIS, true)) {
            t.check(Rule.LEFT_PARENTHESIS);
            int open = t.position;
            t.read();
            t.consume(Rule.WS);
            result = marker(t);
            t.consume(Rule.WS);
            if (!t.check(Rule.RIGHT_PARENTHESIS)) {
                throw t.error("Expected matching RIGHT_PARENTHESIS for LEFT_PARENTHESIS, after marker expression",
                        open, t.position);
            }
            t.read();
        } else {
            result = markerItem(t);
        }
        t.consume(Rule.WS);
        return result;
    }

    // marker_item = WS? marker_var WS? marker_op WS? marker_var WS?
    private static Comparison markerItem(Tokenizer t) {
        t.consume(Rule.WS);
        Operand lhs = markerVar(t);
        t.consume(Rule.WS);
        String op = markerOp(t);
        t.consume(Rule.WS);
        Operand rhs = markerVar(t);
        t.consume(Rule.WS);
        return new Comparison(lhs, op, rhs);
    }

    // marker_var = VARIABLE | QUOTED_STRING
    private static Operand markerVar(Tokenizer t) {
        if (t.check(Rule.VARIABLE)) {
            String name = t.read().text().replace('.', '_');
            if (name.equals("python_implementation")) {
                name = "platform_python_implementation";
            }
            return new Operand(true, name);
        } else if (t.check(Rule.QUOTED_STRING)) {
            Tokenizer.Token token = t.read();
            return new Operand(false, PythonStringLiteral.evaluate(token.text(), token.position()));
        }
        throw t.error("Expected a marker variable or quoted string");
    }

    // marker_op = IN | NOT IN | OP
    private static String markerOp(Tokenizer t) {
        if (t.check(Rule.IN)) {
            t.read();
            return "in";
        } else if (t.check(Rule.NOT)) {
            t.read();
            t.expect(Rule.WS, "whitespace after 'not'");
            t.expect(Rule.IN, "'in' after 'not'");
            return "not in";
        } else if (t.check(Rule.OP)) {
            return t.read().text();
        }
        throw t.error("Expected marker operator, one of <=, <, !=, ==, >=, >, ~=, ===, in, not in");
    }
}
