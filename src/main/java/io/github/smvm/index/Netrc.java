package io.github.smvm.index;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code .netrc} file, parsed as Python's {@code netrc} module parses it (pip takes its credentials from
 * there through requests' {@code get_netrc_auth}): whitespace-separated tokens, across lines;
 * {@code machine NAME} or {@code default} followed by {@code login}/{@code user}, {@code account} and
 * {@code password} values; {@code macdef NAME} and the lines after it up to an empty line are skipped;
 * {@code #} starts a comment to the end of the line; a value may be quoted ({@code "a b"}, with {@code \}
 * escaping the next character; an unclosed quote runs to the end of the file, and a keyword at the end of the
 * file has an empty value, as in Python). A later entry for the same machine replaces an earlier one, and
 * {@code default} answers for every other host, as in Python.
 *
 * <p>Pure: it takes the file's text. {@link #toString()} shows no password.
 */
public final class Netrc {

    /** The credentials of one host: {@code login} (or, when it is empty, {@code account}) and the password. */
    public record Login(String user, String password) {
        public Login {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "Login[user=" + user + ", password=****]";
        }
    }

    /** A file that cannot be parsed: pip then uses none of it. */
    public static final class MalformedException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final int line;

        MalformedException(String source, int line, String problem) {
            super(source + " line " + line + ": " + problem);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    private final String source;
    private final Map<String, Login> machines;
    private final Login fallback;

    private Netrc(String source, Map<String, Login> machines, Login fallback) {
        this.source = source;
        this.machines = Map.copyOf(machines);
        this.fallback = fallback;
    }

    /** A netrc with no entries. */
    public static Netrc empty() {
        return new Netrc("(none)", Map.of(), null);
    }

    /**
     * The file pip reads: {@code NETRC} when set, else {@code ~/.netrc}, else {@code ~/_netrc}; empty when
     * none of them exists ({@code exists} answers for a path).
     */
    public static Optional<Path> locate(Map<String, String> environment, Path home,
            java.util.function.Predicate<Path> exists) {
        String named = environment.get("NETRC");
        if (named != null) {
            Path path = Path.of(named.startsWith("~/") ? home + named.substring(1) : named);
            return exists.test(path) ? Optional.of(path) : Optional.empty();
        }
        for (String name : List.of(".netrc", "_netrc")) {
            Path path = home.resolve(name);
            if (exists.test(path)) {
                return Optional.of(path);
            }
        }
        return Optional.empty();
    }

    /**
     * @param source the file's name, for messages
     * @throws MalformedException naming {@code source} and the line, for a token out of place or a
     *     {@code macdef} without the empty line that ends it
     */
    public static Netrc parse(String text, String source) {
        Lexer lexer = new Lexer(text, source);
        Map<String, Login> machines = new LinkedHashMap<>();
        Login fallback = null;
        while (true) {
            Token token = lexer.next();
            if (token == null) {
                break;
            }
            String machine;
            switch (token.text) {
                case "machine" -> machine = lexer.value(token);
                case "default" -> machine = null;
                case "macdef" -> {
                    lexer.value(token);
                    lexer.skipMacro(token.line);
                    continue;
                }
                default -> throw new MalformedException(source, token.line, "'" + token.text
                        + "' where machine, default or macdef was expected");
            }
            String login = "";
            String account = "";
            String password = "";
            while (true) {
                Token key = lexer.peek();
                if (key == null || key.text.equals("machine") || key.text.equals("default")
                        || key.text.equals("macdef")) {
                    break;
                }
                lexer.next();
                switch (key.text) {
                    case "login", "user" -> login = lexer.value(key);
                    case "account" -> account = lexer.value(key);
                    case "password" -> password = lexer.value(key);
                    default -> throw new MalformedException(source, key.line, "'" + key.text + "' in the entry of "
                            + (machine == null ? "default" : "machine " + machine)
                            + " where login, account or password was expected");
                }
            }
            Login entry = new Login(login.isEmpty() ? account : login, password);
            if (machine == null) {
                fallback = entry;
            } else {
                machines.put(machine, entry);
            }
        }
        return new Netrc(source, machines, fallback);
    }

    /** The credentials for {@code host} (its own entry, else {@code default}). */
    public Optional<Login> forHost(String host) {
        if (host == null) {
            return Optional.empty();
        }
        Login login = machines.get(host);
        return Optional.ofNullable(login != null ? login : fallback);
    }

    /** The file's name. */
    public String source() {
        return source;
    }

    public boolean isEmpty() {
        return machines.isEmpty() && fallback == null;
    }

    /** Every password in the file, for scrubbing. */
    public List<String> passwords() {
        List<String> result = new ArrayList<>();
        machines.values().forEach(l -> result.add(l.password()));
        if (fallback != null) {
            result.add(fallback.password());
        }
        result.removeIf(String::isEmpty);
        return result;
    }

    @Override
    public String toString() {
        return "Netrc[" + source + ", machines=" + machines.keySet() + (fallback == null ? "" : ", default") + "]";
    }

    private record Token(String text, int line) {
    }

    /** Tokens of the file, with line numbers; comments dropped. */
    private static final class Lexer {
        private final String text;
        private final String source;
        private int pos;
        private int line = 1;
        private Token peeked;

        Lexer(String text, String source) {
            this.text = text;
            this.source = source;
        }

        Token peek() {
            if (peeked == null) {
                peeked = read(true);
            }
            return peeked;
        }

        Token next() {
            Token t = peek();
            peeked = null;
            return t;
        }

        /** The value after keyword {@code key}. */
        String value(Token key) {
            // a value is read as it is, even one starting with '#' (as Python does)
            Token value = peeked != null ? next() : read(false);
            return value == null ? "" : value.text; // Python's value at the end of the file
        }

        /** Skips a macro's lines: the rest of the macdef line, then every line up to an empty one. */
        void skipMacro(int start) {
            if (peeked != null) {
                throw new IllegalStateException("macdef after a peek");
            }
            int end = text.indexOf('\n', pos);
            if (end < 0) {
                throw new MalformedException(source, line, "macdef has no empty line after it");
            }
            pos = end + 1;
            line++;
            while (true) {
                int eol = text.indexOf('\n', pos);
                if (eol < 0) {
                    // the last line read, as Python counts
                    throw new MalformedException(source, pos < text.length() ? line : line - 1,
                            "macdef on line " + start + " has no empty line after it");
                }
                String macroLine = text.substring(pos, eol);
                pos = eol + 1;
                line++;
                if (macroLine.isEmpty() || macroLine.equals("\r")) {
                    return;
                }
            }
        }

        private Token read(boolean comments) {
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == '\n') {
                    line++;
                    pos++;
                } else if (Character.isWhitespace(c)) {
                    pos++;
                } else if (c == '#' && comments) {
                    while (pos < text.length() && text.charAt(pos) != '\n') {
                        pos++;
                    }
                } else {
                    break;
                }
            }
            if (pos >= text.length()) {
                return null;
            }
            int start = line;
            StringBuilder token = new StringBuilder();
            if (text.charAt(pos) == '"') {
                pos++;
                while (true) {
                    if (pos >= text.length()) {
                        break; // Python takes the rest of the file
                    }
                    char c = text.charAt(pos++);
                    if (c == '"') {
                        break;
                    }
                    if (c == '\\' && pos < text.length()) {
                        c = text.charAt(pos++);
                    }
                    if (c == '\n') {
                        line++;
                    }
                    token.append(c);
                }
                return new Token(token.toString(), start);
            }
            while (pos < text.length() && !Character.isWhitespace(text.charAt(pos))) {
                char c = text.charAt(pos++);
                if (c == '\\' && pos < text.length()) {
                    c = text.charAt(pos++);
                }
                token.append(c);
            }
            return new Token(token.toString(), start);
        }
    }
}
