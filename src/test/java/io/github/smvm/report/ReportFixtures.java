package io.github.smvm.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * {@code wheel-health.json} trees shaped like the plugin's real output (same keys, statuses, reason and
 * suggestion phrasing, dependency chains with {@code via}), of any size, from a seed. The packages are
 * made up; what each one has wheels for follows the common cases: pure Python, CPython-version-bound
 * binaries that lag the newest Python, Linux-only builds, abi3 builds without musl, sdist-only projects,
 * projects broken by one dependency, Windows-only requirements skipped by their markers.
 */
final class ReportFixtures {

    /** An environment: id, role, Python, tag, platform. */
    record Env(String id, String role, String python, String interpreterTag, String platform, String os) {
    }

    static final List<Env> ENVIRONMENTS = List.of(
            new Env("primary", "primary", "3.12.1", "cp312", "manylinux_2_36_x86_64", "linux"),
            new Env("fallback", "fallback", "3.11.7", "cp311", "manylinux_2_36_x86_64", "linux"),
            new Env("cp313-win_amd64", "target", "3.13", "cp313", "win_amd64", "windows"),
            new Env("cp312-macosx_14_0_arm64", "target", "3.12", "cp312", "macosx_14_0_arm64", "macos"),
            new Env("cp311-musllinux_1_2_x86_64", "target", "3.11", "cp311", "musllinux_1_2_x86_64", "musl"),
            new Env("cp312-manylinux_2_28_aarch64", "target", "3.12", "cp312", "manylinux_2_28_aarch64", "linux"),
            new Env("cp313-manylinux_2_28_x86_64", "target", "3.13", "cp313", "manylinux_2_28_x86_64", "linux"),
            new Env("cp313t-manylinux_2_28_x86_64", "target", "3.13", "cp313t", "manylinux_2_28_x86_64", "linux"),
            new Env("pp310-manylinux_2_17_x86_64", "target", "3.10", "pp310", "manylinux_2_17_x86_64", "linux"),
            new Env("cp312-win_amd64", "target", "3.12", "cp312", "win_amd64", "windows"),
            new Env("cp310-macosx_11_0_x86_64", "target", "3.10", "cp310", "macosx_11_0_x86_64", "macos"),
            new Env("cp312-musllinux_1_2_aarch64", "target", "3.12", "cp312", "musllinux_1_2_aarch64", "musl"));

    private static final List<String> KNOWN = List.of("numpy", "pandas", "requests", "pydantic", "orjson", "lxml",
            "grpcio", "pyyaml", "cryptography", "psycopg2-binary", "scipy", "matplotlib", "uvloop", "pywin32",
            "fastapi", "sqlalchemy", "pillow", "regex", "tokenizers", "torch");

    private static final String[] SYLLABLES = {"zor", "vex", "lum", "pra", "dal", "fen", "kry", "wen", "qui", "tal",
            "rin", "mor", "hap", "sol", "neph", "gul", "yal", "dor", "ka", "mi"};

    private static final String[] SUFFIXES = {"", "-core", "-io", "-kit", "-py", "-utils", "-lib", "-tools"};

    private enum Kind { PURE, UP_TO_312, LINUX_ONLY, ABI3_NO_MUSL, SDIST_ONLY, BROKEN_DEPENDENCY, OLDER_ON_313,
        WINDOWS_ONLY, NOT_FOUND }

    private ReportFixtures() {}

    /** A report with the first {@code environments} of {@link #ENVIRONMENTS} and {@code requirements} requirements. */
    static ObjectNode realistic(int environments, int requirements, long seed) {
        Random random = new Random(seed);
        List<Env> envs = ENVIRONMENTS.subList(0, environments);
        List<String> names = names(requirements, random);
        List<Kind> kinds = new ArrayList<>();
        for (int i = 0; i < requirements; i++) {
            kinds.add(kind(names.get(i), random));
        }
        String[] culprits = {"hapstotal", "karin-tools", "nixka"};
        ObjectNode root = new ObjectMapper().createObjectNode();
        ArrayNode envArray = new ObjectMapper().createArrayNode();
        double[] ratios = new double[envs.size()];
        int[][] counts = new int[envs.size()][2];
        for (int e = 0; e < envs.size(); e++) {
            Env env = envs.get(e);
            ObjectNode node = envArray.addObject();
            node.put("id", env.id());
            node.put("role", env.role());
            node.put("python_version", env.python());
            node.put("implementation", env.interpreterTag().startsWith("pp") ? "pypy" : "cpython");
            node.put("executable", env.role().equals("target") ? null
                    : "/root/.pyenv/versions/" + env.python() + "/bin/python3");
            node.put("platform", env.platform());
            ArrayNode packages = node.putArray("packages");
            int checked = 0;
            int available = 0;
            for (int i = 0; i < requirements; i++) {
                String name = names.get(i);
                Random own = new Random(seed * 31 + i);
                String version = (1 + own.nextInt(4)) + "." + own.nextInt(12) + "." + own.nextInt(5);
                String specifier = switch (own.nextInt(4)) {
                    case 0 -> ">=" + version.substring(0, version.lastIndexOf('.'));
                    case 1 -> "~=" + version.substring(0, version.lastIndexOf('.'));
                    case 2 -> "==" + version;
                    default -> "";
                };
                String culprit = culprits[i % culprits.length];
                ObjectNode pkg = packages.addObject();
                Kind kind = kinds.get(i);
                pkg.put("requirement", name + specifier + (kind == Kind.WINDOWS_ONLY ? "; sys_platform == \"win32\"" : ""));
                pkg.put("name", name);
                fill(pkg, kind, name, version, env, own);
                ArrayNode deps = pkg.putArray("dependencies");
                if (kind == Kind.BROKEN_DEPENDENCY && "wheel".equals(pkg.get("status").asText())) {
                    String middle = names(1, own).get(0) + "-core";
                    addDependency(deps, middle, "2.1.0", List.of(name, middle), Kind.PURE, env, own);
                    ObjectNode bad = addDependency(deps, culprit, "2.1.2", List.of(name, middle, culprit),
                            culprit.equals("nixka") ? Kind.LINUX_ONLY : culprit.equals("karin-tools") ? Kind.UP_TO_312
                                    : Kind.ABI3_NO_MUSL, env, own);
                    if (!HealthView.AVAILABLE.contains(bad.get("status").asText())) {
                        pkg.put("status", "no_wheel");
                        pkg.put("reason", "dependency " + name + " \u2190 " + middle + " \u2190 " + culprit + ": "
                                + bad.get("reason").asText());
                    }
                } else if (kind == Kind.PURE && own.nextInt(3) == 0) {
                    addDependency(deps, "typing-extensions", "4.12.2", List.of(name, "typing-extensions"), Kind.PURE, env,
                            own);
                }
                String status = pkg.get("status").asText();
                if (!status.equals("skipped")) {
                    checked++;
                    if (HealthView.AVAILABLE.contains(status)) {
                        available++;
                    }
                }
            }
            ratios[e] = checked == 0 ? 1.0 : (double) available / checked;
            counts[e] = new int[] {checked, available};
            node.put("ratio", ratios[e]);
            node.put("healthy", ratios[e] >= 0.9);
        }
        boolean primaryHealthy = ratios[0] >= 0.9;
        boolean fallbackHealthy = envs.size() > 1 && ratios[1] >= 0.9;
        String status = primaryHealthy ? "primary_healthy" : fallbackHealthy ? "fallback_available" : "complete_failure";
        root.put("schema_version", 1);
        root.put("timestamp", "2026-11-22T10:15:00Z");
        root.put("wheel_status", status);
        root.put("primary_python", envs.get(0).python());
        root.put("fallback_python", envs.size() > 1 ? envs.get(1).python() : "unavailable");
        root.put("selected_python", primaryHealthy ? "primary" : fallbackHealthy ? "fallback" : null);
        root.put("threshold", 0.9);
        root.put("packages_checked", counts[0][0]);
        root.put("packages_available", counts[0][1]);
        root.put("packages_failed", counts[0][0] - counts[0][1]);
        root.put("fallback_required", !primaryHealthy);
        root.put("fallback_reason", primaryHealthy ? null : fallbackHealthy ? "missing_wheels_primary" : "missing_wheels_both");
        ArrayNode recommendations = root.putArray("recommendations");
        if (!primaryHealthy && fallbackHealthy) {
            recommendations.add("Use the fallback interpreter (Python " + envs.get(1).python()
                    + "): run `mvn smvm:fallback` to build the environment on it");
        }
        for (int e = 0; e < envs.size(); e++) {
            if (ratios[e] < 0.9) {
                List<String> failing = new ArrayList<>();
                for (var pkg : envArray.get(e).get("packages")) {
                    String s = pkg.get("status").asText();
                    if (!HealthView.AVAILABLE.contains(s) && !s.equals("skipped")) {
                        failing.add(pkg.get("name").asText());
                    }
                }
                recommendations.add((e < 2 ? envs.get(e).role() + " interpreter" : "target " + envs.get(e).id())
                        + " is not healthy: " + String.join(", ", failing) + " lack compatible wheels");
            }
        }
        root.set("environments", envArray);
        return root;
    }

    /** {@code runs} history entries for the report's environments, drifting towards the report's ratios. */
    static List<HistoryEntry> history(ObjectNode report, int runs, long seed) {
        Random random = new Random(seed);
        HistoryEntry last = HistoryEntry.of(report);
        List<HistoryEntry> entries = new ArrayList<>();
        Instant start = Instant.parse(last.timestamp()).minus(runs - 1L, ChronoUnit.HOURS);
        for (int r = 0; r < runs - 1; r++) {
            List<HistoryEntry.EnvironmentPoint> points = new ArrayList<>();
            for (HistoryEntry.EnvironmentPoint p : last.environments()) {
                double progress = (double) r / Math.max(1, runs - 1);
                double ratio = Math.max(0, Math.min(1, p.ratio() * (0.75 + 0.25 * progress) + (random.nextDouble() - 0.5) * 0.06));
                int available = (int) Math.round(ratio * (p.packages() - p.skipped()));
                points.add(new HistoryEntry.EnvironmentPoint(p.id(), ratio, p.packages(), available,
                        p.packages() - p.skipped() - available, p.skipped(), ratio >= 0.9));
            }
            boolean primaryOk = points.get(0).healthy();
            boolean fallbackOk = points.size() > 1 && points.get(1).healthy();
            String status = primaryOk ? "primary_healthy" : fallbackOk ? "fallback_available" : "complete_failure";
            entries.add(new HistoryEntry(start.plus(r, ChronoUnit.HOURS).toString(), status,
                    primaryOk ? "primary" : fallbackOk ? "fallback" : null, null, !primaryOk && fallbackOk, points));
        }
        entries.add(last);
        return entries;
    }

    private static List<String> names(int count, Random random) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (i < KNOWN.size() && count <= 40) {
                names.add(KNOWN.get(i));
                continue;
            }
            String name;
            do {
                StringBuilder b = new StringBuilder();
                int parts = 2 + random.nextInt(2);
                for (int p = 0; p < parts; p++) {
                    b.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
                }
                b.append(SUFFIXES[random.nextInt(SUFFIXES.length)]);
                name = b.toString();
            } while (names.contains(name));
            names.add(name);
        }
        return names;
    }

    private static Kind kind(String name, Random random) {
        switch (name) {
            case "pywin32":
                return Kind.WINDOWS_ONLY;
            case "uvloop":
                return Kind.LINUX_ONLY;
            case "tokenizers", "torch":
                return Kind.UP_TO_312;
            case "fastapi":
                return Kind.BROKEN_DEPENDENCY;
            default:
                break;
        }
        int r = random.nextInt(100);
        if (r < 52) {
            return Kind.PURE;
        } else if (r < 64) {
            return Kind.UP_TO_312;
        } else if (r < 70) {
            return Kind.LINUX_ONLY;
        } else if (r < 76) {
            return Kind.ABI3_NO_MUSL;
        } else if (r < 79) {
            return Kind.SDIST_ONLY;
        } else if (r < 90) {
            return Kind.BROKEN_DEPENDENCY;
        } else if (r < 95) {
            return Kind.OLDER_ON_313;
        } else if (r < 98) {
            return Kind.WINDOWS_ONLY;
        }
        return Kind.NOT_FOUND;
    }

    private static ObjectNode addDependency(ArrayNode deps, String name, String version, List<String> via, Kind kind,
            Env env, Random random) {
        ObjectNode dep = deps.addObject();
        dep.put("requirement", name + ">=" + version.substring(0, version.indexOf('.') + 2));
        dep.put("name", name);
        fill(dep, kind, name, version, env, random);
        ArrayNode array = dep.putArray("via");
        via.forEach(array::add);
        return dep;
    }

    /** Sets status, version, wheel, reason and suggestion of one package in one environment. */
    private static void fill(ObjectNode pkg, Kind kind, String name, String version, Env env, Random random) {
        String module = name.replace('-', '_');
        String tag = env.interpreterTag();
        String cp = tag.startsWith("pp") ? "pp310-pypy310_pp73" : tag.endsWith("t") ? tag + "-" + tag : tag + "-" + tag;
        String where = tag + " " + env.platform();
        List<String> builtFor = new ArrayList<>();
        String status = "wheel";
        String wheel = module + "-" + version + "-py3-none-any.whl";
        String reason = null;
        String suggestion = null;
        switch (kind) {
            case PURE, BROKEN_DEPENDENCY -> { }
            case UP_TO_312, OLDER_ON_313 -> {
                for (String py : List.of("cp310", "cp311", "cp312")) {
                    for (String plat : List.of("manylinux_2_17_x86_64.manylinux2014_x86_64", "manylinux_2_17_aarch64.manylinux2014_aarch64",
                            "musllinux_1_2_x86_64", "macosx_11_0_arm64", "macosx_10_9_x86_64", "win_amd64")) {
                        builtFor.add(py + "-" + py + "-" + plat);
                    }
                }
                boolean ok = !tag.startsWith("cp313") && !tag.startsWith("pp") && !env.platform().startsWith("musllinux_1_2_aarch64");
                wheel = module + "-" + version + "-" + cp + "-" + wheelPlatform(env) + ".whl";
                if (!ok && kind == Kind.OLDER_ON_313 && tag.startsWith("cp313")) {
                    String older = version.charAt(0) + ".0.0";
                    status = "older_wheel";
                    wheel = module + "-" + older + "-" + cp + "-" + wheelPlatform(env) + ".whl";
                    reason = name + " " + version + " has no wheel for " + where + "; " + older
                            + " is the newest allowed version with one (plain pip install would build " + version + " from source)";
                    pkg.put("version", older);
                    pkg.put("wheel", wheel);
                    pkg.put("status", status);
                    pkg.put("reason", reason);
                    pkg.putNull("suggestion");
                    return;
                }
                if (!ok) {
                    status = "no_wheel";
                    reason = name + " " + version + " has no wheel for " + where + " (wheels: " + String.join(", ",
                            builtFor.subList(0, 6 + random.nextInt(builtFor.size() - 6))) + "): "
                            + (tag.startsWith("pp") ? "wheels are for CPython; environment is PyPy 3.10"
                            : "its wheels are built for cp310-cp310, cp311-cp311, cp312-cp312, none for " + tag);
                    suggestion = random.nextBoolean() ? null : name + "==" + version.charAt(0) + ".0.0 is the newest version"
                            + " with a compatible wheel for " + where + " (outside '>=" + version.substring(0, 3) + "')";
                }
            }
            case LINUX_ONLY -> {
                wheel = module + "-" + version + "-" + cp + "-" + wheelPlatform(env) + ".whl";
                if (!env.os().equals("linux")) {
                    status = "no_wheel";
                    reason = name + " " + version + " has no wheel for " + where + " (wheels: " + tag
                            + "-abi3-manylinux_2_17_x86_64.manylinux2014_x86_64, " + tag
                            + "-abi3-manylinux_2_17_aarch64.manylinux2014_aarch64): wheel is for Linux (manylinux2014_x86_64); "
                            + "environment is " + (env.os().equals("windows") ? "Windows" : env.os().equals("macos") ? "macOS"
                            : "Linux with musl") + " (" + env.platform() + ")";
                }
            }
            case ABI3_NO_MUSL -> {
                wheel = module + "-" + version + "-cp38-abi3-" + wheelPlatform(env) + ".whl";
                if (env.os().equals("musl") || tag.startsWith("pp") || tag.endsWith("t")) {
                    status = "no_wheel";
                    reason = name + " " + version + " has no wheel for " + where + " (wheels: cp38-abi3-manylinux_2_28_x86_64, "
                            + "cp38-abi3-macosx_11_0_arm64, cp38-abi3-win_amd64): " + (env.os().equals("musl")
                            ? "wheel requires glibc (manylinux_2_28_x86_64); environment has musl 1.2 (" + env.platform() + ")"
                            : "abi3 wheels need a CPython with the stable ABI; environment is " + tag);
                }
            }
            case SDIST_ONLY -> {
                status = "sdist_only";
                reason = name + " " + version + " is published only as a source distribution (" + module + "-" + version
                        + ".tar.gz): installing it needs a compiler";
            }
            case WINDOWS_ONLY -> {
                if (!env.os().equals("windows")) {
                    pkg.put("status", "skipped");
                    pkg.putNull("version");
                    pkg.putNull("wheel");
                    pkg.putNull("reason");
                    pkg.putNull("suggestion");
                    return;
                }
                wheel = module + "-" + version + "-" + cp + "-" + wheelPlatform(env) + ".whl";
            }
            case NOT_FOUND -> {
                pkg.put("status", "not_found");
                pkg.putNull("version");
                pkg.putNull("wheel");
                pkg.put("reason", "the index has no project named " + name
                        + " (https://pypi.org/simple/" + name + "/ answered 404)");
                pkg.putNull("suggestion");
                return;
            }
            default -> throw new IllegalStateException(kind.toString());
        }
        boolean has = status.equals("wheel");
        pkg.put("status", status);
        pkg.put("version", has || status.equals("sdist_only") ? version : null);
        pkg.put("wheel", has ? wheel : null);
        pkg.put("reason", reason);
        pkg.put("suggestion", suggestion);
    }

    private static String wheelPlatform(Env env) {
        String platform = env.platform();
        if (platform.startsWith("manylinux_2_36") || platform.startsWith("manylinux_2_28_x86")) {
            return "manylinux_2_17_x86_64.manylinux2014_x86_64";
        }
        if (platform.startsWith("macosx_14")) {
            return "macosx_11_0_arm64";
        }
        return platform.toLowerCase(Locale.ROOT);
    }
}
