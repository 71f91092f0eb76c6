package io.github.smvm.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The real interpreters of this machine, under $PYENV_ROOT/versions (default ~/.pyenv). */
public final class PyenvInterpreters {

    private PyenvInterpreters() {
    }

    public static Path root() {
        String env = System.getenv("PYENV_ROOT");
        return env != null && !env.isEmpty() ? Path.of(env)
                : Path.of(System.getProperty("user.home"), ".pyenv");
    }

    /** Version directory name to bin/python, sorted by name. */
    public static List<Path> all() {
        Path versions = root().resolve("versions");
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(versions)) {
            return out;
        }
        try (Stream<Path> s = Files.list(versions)) {
            s.sorted().forEach(d -> {
                Path py = d.resolve("bin").resolve("python");
                if (Files.isExecutable(py) && d.getFileName().toString().matches("\\d+\\.\\d+\\.\\d+t?")) {
                    out.add(py);
                }
            });
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    /** bin/python of the pyenv version whose directory starts with {@code prefix} (e.g. "3.12."). */
    public static Optional<Path> version(String prefix) {
        return all().stream()
                .filter(p -> p.getParent().getParent().getFileName().toString().startsWith(prefix))
                .reduce((a, b) -> b);
    }

    /** Some real interpreter, or the test is skipped. */
    public static Path any() {
        List<Path> all = all();
        assumeTrue(!all.isEmpty(), "needs a Python interpreter under " + root() + "/versions");
        return all.get(all.size() - 1);
    }
}
