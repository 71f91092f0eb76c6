package io.github.smvm.probe;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.smvm.json.JsonTrees;
import io.github.smvm.process.ProcessInterruptedException;
import io.github.smvm.process.ProcessResult;
import io.github.smvm.process.ProcessRunner;
import io.github.smvm.process.ProcessSpec;
import io.github.smvm.process.ProcessStartException;
import io.github.smvm.process.ProcessTimeoutException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs the probe script ({@code probe.py}, shipped as a resource) with an interpreter and parses its
 * one tagged JSON line into an {@link InterpreterInfo}.
 *
 * <h2>How the interpreter is started</h2>
 *
 * <p>{@code <python> -E -s -B <tmpdir>/probe.py}, as an argument list (no shell):
 *
 * <ul>
 *   <li>{@code -I} is not used: Python 2.7 rejects it ("Unknown option: -I", exit 2). Its parts are
 *       spelled out instead: {@code -E} ignores {@code PYTHON*} variables, {@code -s} ignores the
 *       user site-packages. The third effect of {@code -I}, not putting the script's directory on
 *       {@code sys.path}, does not matter: that directory is our private temporary directory holding
 *       only {@code probe.py}. One command line therefore works on 2.7 and every 3.x.
 *   <li>{@code -S} is not used either: without {@code site}, a virtual environment's site-packages
 *       (and so its pip) would be invisible and, before 3.11, {@code sys.prefix} of a venv would not
 *       be set up by {@code site}. The probe must see the interpreter as pip will see it. Output of
 *       {@code .pth} or {@code sitecustomize} code is tolerated: the result line is found by its tag.
 *   <li>{@code -B} keeps the interpreter from writing {@code .pyc} files next to the script.
 * </ul>
 *
 * <p>The script is written once per {@code Prober} into a private temporary directory (deleted by
 * {@link #close()}) rather than passed with {@code -c}: on Windows {@link ProcessBuilder} has to
 * flatten the argument list into one command line that the child re-parses, and a multi-line script
 * full of double quotes and backslashes does not survive that reliably; a file path does.
 *
 * <p>The child environment is this process's environment without any {@code PYTHON*} or
 * {@code PIP_*} variable (the machine's pip configuration and a stray {@code PYTHONPATH} or
 * {@code PYTHONHOME} must not change what is probed), with {@code PYTHONIOENCODING=utf-8} and
 * {@code PYTHONUTF8} left unset (the probe prints ASCII-only JSON).
 *
 * <p>Thread-safe: one {@code Prober} may probe several interpreters in parallel.
 */
public final class Prober implements InterpreterProbe, AutoCloseable {

    /** Default time an interpreter gets to answer. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    /** The probe's output format this class understands. */
    static final int PROBE_FORMAT = 1;

    static final String SCRIPT_RESOURCE = "probe.py";
    private static final int OUTPUT_CAP = 1024 * 1024;
    private final ProcessRunner runner;
    private final Duration timeout;
    private Path scriptDir;
    private Path script;

    /** A prober with the default process runner and timeout. */
    public Prober() {
        this(ProcessRunner.system(), DEFAULT_TIMEOUT);
    }

    public Prober(Duration timeout) {
        this(ProcessRunner.system(), timeout);
    }

    public Prober(ProcessRunner runner, Duration timeout) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
    }

    public Duration timeout() {
        return timeout;
    }

    /** The text of the probe script. */
    public static String scriptText() {
        try (InputStream in = Prober.class.getResourceAsStream(SCRIPT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + SCRIPT_RESOURCE + " missing from the plugin jar");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The argument list used to probe {@code executable} with the script at {@code script}. */
    static List<String> command(Path executable, Path script) {
        return List.of(executable.toString(), "-E", "-s", "-B", script.toString());
    }

    @Override
    public InterpreterInfo probe(Path executable) throws ProbeException {
        Objects.requireNonNull(executable, "executable");
        if (!Files.exists(executable)) {
            throw new ProbeException.NotFound(executable.toString(),
                    List.of(executable + " (does not exist)"),
                    "Check the path, or leave it unset to let smvm search for an interpreter.");
        }
        if (Files.isDirectory(executable)) {
            throw new ProbeException.NotExecutable(executable,
                    new IOException("it is a directory; give the interpreter executable inside it "
                            + "(bin/python, or python.exe on Windows)"));
        }
        if (!Files.isExecutable(executable)) {
            throw new ProbeException.NotExecutable(executable, null);
        }
        Path scriptPath = ensureScript();
        ProcessSpec spec = ProcessSpec.builder(command(executable, scriptPath))
                .timeout(timeout)
                .workingDirectory(scriptPath.getParent())
                .removeEnvironmentPrefix("PYTHON")
                .removeEnvironmentPrefix("PIP_")
                .removeEnvironment("__PYVENV_LAUNCHER__")
                .maxOutputBytes(OUTPUT_CAP)
                .build();
        ProcessResult result;
        try {
            result = runner.run(spec);
        } catch (ProcessStartException e) {
            if (!Files.exists(executable)) {
                throw new ProbeException.NotFound(executable.toString(),
                        List.of(executable + " (vanished)"), null);
            }
            throw new ProbeException.NotExecutable(executable, e.getCause() != null ? e.getCause() : e);
        } catch (ProcessTimeoutException e) {
            throw new ProbeException.TimedOut(executable, timeout, e.partialStderr(), e);
        } catch (ProcessInterruptedException e) {
            throw ProbeException.TimedOut.interrupted(executable, timeout, e);
        }
        if (result.exitCode() != 0) {
            throw new ProbeException.ExitedNonZero(executable, result.exitCode(), result.stderr(),
                    result.stdout().isBlank() ? null : "stdout:\n" + abbreviate(result.stdout(), 1000));
        }
        return parse(executable, result.stdout());
    }

    private synchronized Path ensureScript() throws ProbeException {
        try {
            if (script != null && Files.isRegularFile(script)) {
                return script;
            }
            if (scriptDir == null || !Files.isDirectory(scriptDir)) {
                scriptDir = Files.createTempDirectory("smvm-probe-");
            }
            script = scriptDir.resolve("probe.py");
            Files.writeString(script, scriptText(), java.nio.charset.StandardCharsets.UTF_8);
            script.toFile().deleteOnExit();
            scriptDir.toFile().deleteOnExit();
            return script;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the probe script to a temporary directory ("
                    + e.getMessage() + "); check java.io.tmpdir", e);
        }
    }

    /** Deletes the temporary copy of the probe script. */
    @Override
    public synchronized void close() {
        try {
            if (script != null) {
                Files.deleteIfExists(script);
            }
            if (scriptDir != null) {
                Files.deleteIfExists(scriptDir.resolve("__pycache__"));
                Files.deleteIfExists(scriptDir);
            }
        } catch (IOException e) {
            // best effort; deleteOnExit is registered as well
        }
        script = null;
        scriptDir = null;
    }

    /** Parses the probe's stdout: finds the tagged line (the last one wins) and maps it. */
    static InterpreterInfo parse(Path executable, String stdout) throws ProbeException {
        String[] lines = stdout.split("\\R");
        JsonNode node = null;
        for (int i = lines.length - 1; i >= 0 && node == null; i--) {
            String line = lines[i].strip();
            if (line.startsWith("{") && line.contains("\"smvm_probe\"")) {
                try {
                    JsonNode candidate = JsonTrees.read(line);
                    if (candidate != null && candidate.isObject() && candidate.has("smvm_probe")) {
                        node = candidate;
                    }
                } catch (IOException e) {
                    // not JSON after all (the parser's errors are IOExceptions): keep looking
                }
            }
        }
        if (node == null) {
            throw new ProbeException.UnexpectedOutput(executable, stdout,
                    stdout.isBlank() ? "it printed nothing" : "no line tagged \"smvm_probe\"");
        }
        int format = node.path("smvm_probe").asInt(-1);
        if (format != PROBE_FORMAT) {
            throw new ProbeException.UnexpectedOutput(executable, stdout,
                    "probe format " + node.get("smvm_probe") + ", expected " + PROBE_FORMAT);
        }
        String resultKind = text(node, "result");
        if ("error".equals(resultKind)) {
            throw new ProbeException.ReportedError(executable,
                    textOr(node, "kind", "unknown"), textOr(node, "message", "(no message)"));
        }
        if (!"ok".equals(resultKind)) {
            throw new ProbeException.UnexpectedOutput(executable, stdout,
                    "result is " + node.get("result") + ", expected \"ok\" or \"error\"");
        }
        try {
            return toInfo(executable, node);
        } catch (RuntimeException e) {
            throw new ProbeException.UnexpectedOutput(executable, stdout,
                    "incomplete result: " + e.getMessage());
        }
    }

    private static InterpreterInfo toInfo(Path executable, JsonNode n) {
        JsonNode vi = n.get("version_info");
        if (vi == null || !vi.isArray() || vi.size() < 5) {
            throw new IllegalArgumentException("version_info missing");
        }
        PythonVersion version = new PythonVersion(vi.get(0).asInt(), vi.get(1).asInt(),
                vi.get(2).asInt(), vi.get(3).asText(), vi.get(4).asInt());
        JsonNode libcNode = n.path("libc");
        LibcInfo libc = libcNode.isObject()
                ? new LibcInfo(text(libcNode, "family"), text(libcNode, "version"), text(libcNode, "loader"))
                : LibcInfo.NONE;
        Map<String, String> markers = new LinkedHashMap<>();
        JsonNode m = n.path("markers");
        if (!m.isObject()) {
            throw new IllegalArgumentException("markers missing");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = m.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            markers.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText());
        }
        return new InterpreterInfo(
                executable,
                version,
                text(n, "sys_version"),
                required(n, "implementation_name"),
                text(n, "implementation_version"),
                text(n, "python_implementation"),
                text(n, "cache_tag"),
                text(n, "abiflags"),
                text(n, "soabi"),
                text(n, "ext_suffix"),
                n.path("py_debug").asBoolean(false),
                n.path("free_threaded").asBoolean(false),
                n.path("pointer_bits").asInt(0),
                text(n, "sysconfig_platform"),
                text(n, "platform_machine"),
                text(n, "os_name"),
                text(n, "sys_platform"),
                text(n, "platform_system"),
                text(n, "platform_release"),
                text(n, "platform_version"),
                libc,
                text(n, "mac_version"),
                path(n, "executable"),
                path(n, "prefix"),
                path(n, "base_prefix"),
                n.path("in_venv").asBoolean(false),
                text(n, "pip_version"),
                path(n, "pip_location"),
                new MarkerValues(markers));
    }

    private static String required(JsonNode n, String field) {
        String v = text(n, field);
        if (v == null) {
            throw new IllegalArgumentException(field + " missing");
        }
        return v;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String textOr(JsonNode n, String field, String fallback) {
        String v = text(n, field);
        return v == null ? fallback : v;
    }

    private static Path path(JsonNode n, String field) {
        String v = text(n, field);
        if (v == null || v.isEmpty()) {
            return null;
        }
        try {
            return Path.of(v);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static String abbreviate(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        return s.substring(0, max) + "... (" + (s.length() - max) + " more characters)";
    }

    static List<String> lines(String s) {
        List<String> out = new ArrayList<>();
        for (String l : s.split("\\R")) {
            if (!l.isBlank()) {
                out.add(l);
            }
        }
        return out;
    }
}
