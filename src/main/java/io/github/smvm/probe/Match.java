package io.github.smvm.probe;

/**
 * The interpreter chosen for a request.
 *
 * @param interpreter the chosen interpreter
 * @param explanation why it was chosen, e.g. {@code newest 3.12.x found: 3.12.1 from pyenv at ...}
 * @param considered everything discovery saw while deciding
 */
public record Match(FoundInterpreter interpreter, String explanation, DiscoveryResult considered) {

    public InterpreterInfo info() {
        return interpreter.info();
    }
}
