package io.github.smvm.pep508;

import io.github.smvm.pep440.Specifier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Context-sensitive tokenizer for PEP 508 text: the caller asks whether a given kind of token
 * comes next, as packaging's tokenizer does, so error positions and messages match it.
 */
final class Tokenizer {

    /** Python's {@code \w} (Unicode letters, digits, numbers and underscore). */
    private static final String W = "[\\p{L}\\p{N}_]";
    private static final String START = "(?<!" + W + ")";
    private static final String BOUNDARY = "(?:(?<=" + W + ")(?!" + W + ")|(?<!" + W + ")(?=" + W + "))";

    enum Rule {
        LEFT_PARENTHESIS("\\("),
        RIGHT_PARENTHESIS("\\)"),
        LEFT_BRACKET("\\["),
        RIGHT_BRACKET("\\]"),
        SEMICOLON(";"),
        COMMA(","),
        QUOTED_STRING("'[^']*'|\"[^\"]*\""),
        OP("===|==|~=|!=|<=|>=|<|>"),
        BOOLOP(START + "(?:or|and)" + BOUNDARY),
        IN(START + "in" + BOUNDARY),
        NOT(START + "not" + BOUNDARY),
        VARIABLE(START + "(?:python_version|python_full_version|os[._]name|sys[._]platform|platform_(?:release|system)"
                + "|platform[._](?:version|machine|python_implementation)|python_implementation"
                + "|implementation_(?:name|version)|extra)" + BOUNDARY),
        SPECIFIER(null),
        AT("@"),
        URL("[^ \\t]+"),
        IDENTIFIER(START + "[a-zA-Z0-9][a-zA-Z0-9._-]*" + BOUNDARY),
        VERSION_PREFIX_TRAIL("\\.\\*"),
        VERSION_LOCAL_LABEL_TRAIL("\\+[a-z0-9]+(?:[-_.][a-z0-9]+)*"),
        WS("[ \\t]+"),
        END(null);

        private final Pattern pattern;

        Rule(String regex) {
            this.pattern = regex == null ? null : Pattern.compile(regex);
        }
    }

    record Token(Rule rule, String text, int position) {
    }

    /** Internal parse failure; the public entry points turn it into their own exception type. */
    static final class SyntaxError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String reason;
        final int start;
        final int end;

        SyntaxError(String reason, int start, int end) {
            super(reason, null, false, false);
            this.reason = reason;
            this.start = start;
            this.end = end;
        }
    }

    final String source;
    int position;
    private Token next;

    Tokenizer(String source) {
        this.source = source;
    }

    void consume(Rule rule) {
        if (check(rule)) {
            read();
        }
    }

    boolean check(Rule rule) {
        return check(rule, false);
    }

    /** Whether the next token is of this kind; unless peeking, it must then be {@link #read()}. */
    boolean check(Rule rule, boolean peek) {
        if (next != null) {
            throw new IllegalStateException("cannot check for " + rule + ", already have " + next);
        }
        int length = match(rule);
        if (length < 0) {
            return false;
        }
        if (!peek) {
            next = new Token(rule, source.substring(position, position + length), position);
        }
        return true;
    }

    private int match(Rule rule) {
        if (rule == Rule.END) {
            // Python's $: the end, or just before a final newline.
            boolean atEnd = position == source.length()
                    || (position == source.length() - 1 && source.charAt(position) == '\n');
            return atEnd ? 0 : -1;
        }
        if (rule == Rule.SPECIFIER) {
            return Specifier.tokenLength(source, position);
        }
        Matcher m = rule.pattern.matcher(source);
        m.region(position, source.length());
        m.useTransparentBounds(true);
        m.useAnchoringBounds(false);
        return m.lookingAt() ? m.end() - position : -1;
    }

    Token expect(Rule rule, String expected) {
        if (!check(rule)) {
            throw error("Expected " + expected);
        }
        return read();
    }

    Token read() {
        Token token = next;
        if (token == null) {
            throw new IllegalStateException("no token checked");
        }
        position += token.text().length();
        next = null;
        return token;
    }

    SyntaxError error(String reason) {
        return new SyntaxError(reason, position, position);
    }

    SyntaxError error(String reason, int start, int end) {
        return new SyntaxError(reason, start, end);
    }
}
