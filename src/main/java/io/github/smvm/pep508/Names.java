package io.github.smvm.pep508;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** Project (distribution) and extra names: PEP 508 validity and PEP 503 normalisation. */
public final class Names {

    private static final Pattern VALID = Pattern.compile("[A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9]", Pattern.CASE_INSENSITIVE);
    private static final Pattern SEPARATORS = Pattern.compile("[-_.]+");
    private static final Pattern NORMALIZED = Pattern.compile("[a-z0-9]|[a-z0-9]([a-z0-9-](?!--))*[a-z0-9]");

    private Names() {
    }

    /**
     * PEP 503 normalisation, as packaging's {@code canonicalize_name}: runs of {@code -}, {@code _}
     * and {@code .} become one {@code -}, then lower case. Does not validate.
     */
    public static String normalize(String name) {
        Objects.requireNonNull(name, "name");
        return isSimple(name) ? name : SEPARATORS.matcher(name).replaceAll("-").toLowerCase(Locale.ROOT);
    }

    /**
     * Whether normalising leaves {@code name} as it is: lower-case ASCII letters, digits and single
     * {@code -}s only (most names on pages and in metadata are); checked without a regex, since names are
     * normalised for every file of every page.
     */
    private static boolean isSimple(String name) {
        char previous = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && previous != '-');
            if (!plain) {
                return false;
            }
            previous = c;
        }
        return true;
    }

    /**
     * Whether {@code name} is a valid PEP 508 name: ASCII letters and digits, with {@code .}, {@code -}
     * and {@code _} allowed inside but not at either end. (packaging's regex also accepts one trailing
     * newline, through Python's {@code $}; this does not.)
     */
    public static boolean isValid(String name) {
        return name != null && VALID.matcher(name).matches();
    }

    /** Whether {@code name} is already in PEP 503 normalised form (packaging's {@code is_normalized_name}). */
    public static boolean isNormalized(String name) {
        return name != null && NORMALIZED.matcher(name).matches();
    }

    /**
     * Validates and normalises.
     *
     * @throws InvalidNameException if {@link #isValid(String)} is false
     */
    public static String validateAndNormalize(String name) {
        if (!isValid(name)) {
            throw new InvalidNameException(name, "Invalid name: '" + name + "'; a name must consist of ASCII letters,"
                    + " digits, '.', '-' and '_', and start and end with a letter or digit, for example 'requests'"
                    + " or 'zope.interface'");
        }
        return normalize(name);
    }
}
