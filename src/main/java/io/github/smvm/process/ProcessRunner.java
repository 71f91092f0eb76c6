package io.github.smvm.process;

/**
 * Runs one external command to completion.
 *
 * <p>Implementations never go through a shell: the command is an argument list. They always
 * enforce the {@link ProcessSpec#timeout() timeout} of the spec.
 */
public interface ProcessRunner {

    /**
     * Runs the command described by {@code spec} and waits for it.
     *
     * @return the result, whatever the exit code
     * @throws ProcessStartException if the process could not be spawned (not found, not executable)
     * @throws ProcessTimeoutException if it did not finish in time; the process tree is killed
     * @throws ProcessInterruptedException if the calling thread was interrupted while waiting; the
     *     process tree is killed and the interrupt flag is set again
     */
    ProcessResult run(ProcessSpec spec)
            throws ProcessStartException, ProcessTimeoutException, ProcessInterruptedException;

    /** The default implementation on {@link ProcessBuilder}. */
    static ProcessRunner system() {
        return new DefaultProcessRunner();
    }
}
