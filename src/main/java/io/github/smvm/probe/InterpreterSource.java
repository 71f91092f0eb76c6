package io.github.smvm.probe;

/** Where a candidate interpreter was found, in the order {@link Discovery} looks. */
public enum InterpreterSource {
    /** A path given by the user. */
    EXPLICIT_PATH("explicit path"),
    /** An entry of the {@code PATH} environment variable. */
    PATH("PATH"),
    /** {@code $PYENV_ROOT/versions/*} (default {@code ~/.pyenv}). */
    PYENV("pyenv"),
    /** {@code $ASDF_DATA_DIR/installs/python/*} (default {@code ~/.asdf}). */
    ASDF("asdf"),
    /** {@code $MISE_DATA_DIR/installs/python/*} (default {@code ~/.local/share/mise}). */
    MISE("mise"),
    /** {@code $CONDA_PREFIX}, {@code ~/miniconda3}, {@code ~/anaconda3}, {@code ~/miniforge3} ... and their envs. */
    CONDA("conda"),
    /** uv-managed Pythons: {@code $UV_PYTHON_INSTALL_DIR} (default {@code ~/.local/share/uv/python}). */
    UV("uv"),
    /** {@code /opt/homebrew/bin}. */
    HOMEBREW("Homebrew"),
    /** {@code /usr/local/bin}. */
    USR_LOCAL("/usr/local/bin"),
    /** {@code /usr/bin}. */
    SYSTEM("/usr/bin"),
    /** {@code py --list-paths} on Windows. */
    WINDOWS_PY_LAUNCHER("py launcher"),
    /** PEP 514 registry entries on Windows. */
    WINDOWS_REGISTRY("Windows registry");

    private final String label;

    InterpreterSource(String label) {
        this.label = label;
    }

    /** Human-readable name, e.g. {@code pyenv}. */
    public String label() {
        return label;
    }
}
