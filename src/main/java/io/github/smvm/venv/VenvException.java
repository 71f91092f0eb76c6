package io.github.smvm.venv;

/**
 * A step of building or swapping an environment failed. The environment that was at the venv path
 * before is still there, unchanged, whenever this is thrown.
 */
public final class VenvException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The step that failed, in the order they run. */
    public enum Step {
        LOCK, RECOVER, CREATE, INSTALL, VERIFY, FREEZE, SWAP, RECORD;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Step step;
    private final String detail;

    /**
     * @param detail the failing tool's own output (pip's stderr, the import errors), secrets removed; or
     *     {@code null}
     */
    public VenvException(Step step, String message, String detail, Throwable cause) {
        super(message, cause);
        this.step = step;
        this.detail = detail;
    }

    public Step step() {
        return step;
    }

    public String detail() {
        return detail;
    }
}
