package io.github.smvm.assess;

import io.github.smvm.pep508.MarkerEnvironment;
import io.github.smvm.selection.SelectionEnvironment;
import java.util.Objects;

/**
 * One environment to assess: a real interpreter (primary or fallback) or a virtual target. An
 * interpreter that could not be found is an environment with {@code unavailableReason} set and no
 * tags; it is reported, not assessed.
 *
 * @param id {@code primary}, {@code fallback}, or the target id as written
 * @param pythonVersion the full version ({@code 3.12.1}, or {@code 3.12} for a target), or {@code null}
 * @param implementation {@code cpython}, {@code pypy}, ... or {@code null}
 * @param executable the interpreter's path, or {@code null} for a target or an unavailable interpreter
 * @param platform the most specific platform tag, or {@code null}
 * @param selection tags and Python version for file selection, or {@code null} when unavailable
 * @param markers the PEP 508 marker environment, or {@code null} when unavailable
 * @param unavailableReason why the interpreter is missing, or {@code null}
 * @param interpreterTag the interpreter tag of the environment's wheels ({@code cp312}), or {@code null}
 *     when unavailable
 * @param pipVersion the version of pip in the interpreter, or {@code null} for a target, an unavailable
 *     interpreter or one without pip
 */
public record AssessedEnvironment(String id, Role role, String pythonVersion, String implementation,
        String executable, String platform, SelectionEnvironment selection, MarkerEnvironment markers,
        String unavailableReason, String interpreterTag, String pipVersion) {

    /** An environment whose interpreter tag and pip version are not known. */
    public AssessedEnvironment(String id, Role role, String pythonVersion, String implementation,
            String executable, String platform, SelectionEnvironment selection, MarkerEnvironment markers,
            String unavailableReason) {
        this(id, role, pythonVersion, implementation, executable, platform, selection, markers, unavailableReason,
                null, null);
    }

    public AssessedEnvironment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        if ((unavailableReason == null) == (selection == null || markers == null)) {
            throw new IllegalArgumentException("environment " + id
                    + " must have either tags and markers or a reason it is unavailable");
        }
    }

    public static AssessedEnvironment unavailable(String id, Role role, String reason) {
        return new AssessedEnvironment(id, role, null, null, null, null, null, null, reason);
    }

    public boolean available() {
        return unavailableReason == null;
    }
}
