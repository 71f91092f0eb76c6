"""Benchmark: smvm:assess against pip, on a generated index served on loopback.

    python3 src/bench/bench.py                          # N=50,200,1000, 3 runs each, medians
    python3 src/bench/bench.py --projects 20 --runs 1   # a quick check
    python3 src/bench/bench.py --projects 200 --runbook-limit 0   # the whole runbook, not extrapolated

Standard library only. For each N it generates a deterministic index of N projects with realistic
wheel sets and a dependency DAG (bench_index.py), serves it on 127.0.0.1 (bench_server.py), writes
a Maven project that runs the plugin against it, and measures side by side, ``--runs`` times:

  A  the whole ``mvn -B -nsu -q smvm:assess`` process (cold: no disk cache), and the goal's own time from its log line
     ``Assessed N requirements in M environments from ... in X ms``; the plugin does not read pip's
     configuration (``smvm.usePipConfig=false``), as pip runs ``--isolated``;
  A' the same with a warm disk cache: ``smvm.cacheDirectory`` in the run's directory, filled by an
     untimed warm-up, so that within ``smvm.cacheTtl`` nothing is asked of the index again;
  A1 the cold A with the JIT limited to its first tier (``MAVEN_OPTS=-XX:TieredStopAtLevel=1``, what a
     ``.mvn/jvm.config`` line gives a project): in a short Maven run the optimising compiler costs more
     CPU than it saves (``--no-c1`` skips it);
  B  ``pip install --dry-run --only-binary=:all: --ignore-installed --report R -r requirements.txt``
     once per interpreter (3.12 and 3.11), summed;
  C  the old runbook: ``pip install --dry-run --only-binary=:all: --ignore-installed <requirement>``
     once per top-level requirement per interpreter (``--runbook-limit K`` times K of them per
     interpreter and extrapolates linearly, labelled as such; the default K is 10, ``--runbook-limit 0``
     runs all of them).

It reports medians, the ratios B/A, C/A and goal/B, and the goal's own time per project at each N,
so that its growth with N can be read off (it should grow linearly with a small constant).

Every measured process is started with an argument list, a timeout and an environment without
PIP_* and PYTHON* variables; pip also runs with -I, --isolated, PIP_CONFIG_FILE=/dev/null,
--no-cache-dir and --disable-pip-version-check, so no machine-wide pip configuration leaks in.
A run that fails (exit code, missing wheel-health.json or pip report, a result that disagrees with
the generated index) stops the benchmark: it is an error, not a time. One untimed warm-up of A and
B precedes the timed runs. The Markdown table and all raw numbers go to target/bench/results.md
and target/bench/results.json.
"""
import argparse
import datetime
import hashlib
import json
import os
import platform
import re
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # works under python3 -I too

import bench_index  # noqa: E402
import bench_server  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TARGETS = ("cp312-manylinux_2_28_x86_64", "cp312-macosx_14_0_arm64", "cp313-win_amd64",
           "cp311-musllinux_1_2_x86_64")
GOAL_LINE = re.compile(r"Assessed (\d+) requirements in (\d+) environments from (.*) in (\d+) ms")
AVAILABLE = ("wheel", "older_wheel")


class BenchError(Exception):
    pass


# ---- processes -------------------------------------------------------------------------------

def clean_env(extra=None):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PIP_", "PYTHON"))}
    env.update(extra or {})
    return env


def run(args, cwd=None, env=None, timeout=600, what=None):
    """Runs ``args`` (a list, no shell); returns wall seconds, child CPU seconds, stdout, stderr."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(args, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, start_new_session=True)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)  # the group of the process we started, nothing else
        proc.communicate()
        raise BenchError("%s timed out after %d s: %s" % (what or args[0], timeout, " ".join(args)))
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    out, err = out.decode("utf-8", "replace"), err.decode("utf-8", "replace")
    if proc.returncode != 0:
        raise BenchError("%s failed with exit code %d: %s\n--- stdout (end) ---\n%s\n--- stderr (end) ---\n%s"
                         % (what or args[0], proc.returncode, " ".join(args), out[-3000:], err[-3000:]))
    return wall, cpu, out, err


# ---- the plugin and the machine ------------------------------------------------------------------

def plugin_coordinates():
    ns = {"m": "http://maven.apache.org/POM/4.0.0"}
    root = ET.parse(os.path.join(REPO, "pom.xml")).getroot()
    return tuple(root.find("m:" + tag, ns).text.strip() for tag in ("groupId", "artifactId", "version"))


USER_REPO = os.path.join(os.path.expanduser("~"), ".m2", "repository")


def installed_jar(repo, coordinates):
    group, artifact, version = coordinates
    return os.path.join(repo, *group.split("."), artifact, version, "%s-%s.jar" % (artifact, version))


def prepare_repo(repo, coordinates):
    """A private local repository: a copy of ~/.m2/repository without the plugin, made once.

    Other builds on the machine install their own snapshot of the plugin into ~/.m2; with a private
    repository the benchmark measures the plugin it installed itself, from start to end."""
    if os.path.realpath(repo) == os.path.realpath(USER_REPO) or os.path.isdir(repo):
        return
    if not os.path.isdir(USER_REPO):
        raise BenchError("%s does not exist: run a build once online, or pass --maven-repo" % USER_REPO)
    print("seeding the benchmark's local Maven repository %s from %s" % (repo, USER_REPO), flush=True)
    plugin_group = os.path.join(USER_REPO, *coordinates[0].split("."))

    def skip_plugin(directory, names):
        return {coordinates[1]} if os.path.realpath(directory) == os.path.realpath(plugin_group) else set()
    shutil.copytree(USER_REPO, repo + ".partial", symlinks=True, ignore=skip_plugin)
    os.rename(repo + ".partial", repo)


def sha256_of(path):
    with open(path, "rb") as fh:
        return hashlib.sha256(fh.read()).hexdigest()


def install_plugin(mvn, repo, timeout):
    print("installing the plugin: mvn -B -q -o install -DskipTests -Dinvoker.skip=true -Dmaven.repo.local=%s"
          % repo, flush=True)
    wall, _, _, _ = run([mvn, "-B", "-q", "-o", "install", "-DskipTests", "-Dinvoker.skip=true",
                         "-Dmaven.repo.local=" + repo], cwd=REPO, env=clean_env(), timeout=timeout,
                        what="mvn install")
    print("  installed in %.1f s" % wall, flush=True)


def machine_info(mvn, pythons):
    info = {"cores": os.cpu_count(), "machine": platform.machine(), "os": platform.platform()}
    try:
        with open("/proc/cpuinfo") as fh:
            models = [line.split(":", 1)[1].strip() for line in fh if line.startswith("model name")]
        info["cpu"] = models[0] if models else "unknown"
    except OSError:
        info["cpu"] = "unknown"
    try:
        with open("/proc/meminfo") as fh:
            kb = int(next(line for line in fh if line.startswith("MemTotal")).split()[1])
        info["memory_gib"] = round(kb / 1024.0 / 1024.0, 1)
    except (OSError, StopIteration, ValueError):
        pass
    _, _, out, _ = run([mvn, "-B", "-v"], env=clean_env(), timeout=120, what="mvn -v")
    lines = [re.sub(r"\x1b\[[0-9;]*m", "", line).strip() for line in out.splitlines()]
    info["maven"] = next((line for line in lines if line.startswith("Apache Maven")), "unknown")
    info["java"] = next((line for line in lines if line.startswith("Java version")), "unknown")
    info["pythons"] = {}
    for role, path in pythons.items():
        _, _, version, _ = run([path, "-I", "-c", "import sys; print(sys.version.split()[0])"], env=clean_env(),
                               timeout=60)
        _, _, pip, _ = run([path, "-I", "-m", "pip", "--version"], env=clean_env({"PIP_CONFIG_FILE": os.devnull}),
                           timeout=60)
        info["pythons"][role] = {"path": path, "version": version.strip(), "pip": pip.split()[1]}
    return info


def load_average():
    try:
        with open("/proc/loadavg") as fh:
            return fh.read().split()[:3]
    except OSError:
        return None


# ---- the Maven project ----------------------------------------------------------------------

POM = """<?xml version="1.0" encoding="UTF-8"?>
<!-- Written by src/bench/bench.py: the benchmark's project, assessed against a loopback index. -->
<project xmlns="http://maven.apache.org/POM/4.0.0"
         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <groupId>io.github.smvm.bench</groupId>
  <artifactId>bench-n{n}</artifactId>
  <version>1.0.0</version>
  <packaging>pom</packaging>
  <build>
    <plugins>
      <plugin>
        <groupId>{group}</groupId>
        <artifactId>{artifact}</artifactId>
        <version>{version}</version>
        <configuration>
          <primary>3.12</primary>
          <fallback>3.11</fallback>
          <indexUrl>{index_url}</indexUrl>
          <requirements>
            <requirement>${{project.basedir}}/requirements.txt</requirement>
          </requirements>
          <targets>
{targets}
          </targets>
        </configuration>
      </plugin>
    </plugins>
  </build>
</project>
"""


def write_project(directory, coordinates, index_url, requirements):
    os.makedirs(directory)
    group, artifact, version = coordinates
    with open(os.path.join(directory, "pom.xml"), "w", encoding="utf-8") as fh:
        fh.write(POM.format(n=os.path.basename(directory), group=group, artifact=artifact, version=version,
                            index_url=index_url,
                            targets="\n".join("            <target>%s</target>" % t for t in TARGETS)))
    shutil.copyfile(requirements, os.path.join(directory, "requirements.txt"))


def mvn_args(mvn, repo, cache=None):
    """``cache``: the disk cache directory of a warm run; None for a cold run without a disk cache."""
    # -q silences Maven; the plugin's own logger stays at INFO so that its timing line is printed.
    # Not -o: Maven's offline mode also keeps the plugin off the network, and the index is on loopback;
    # -nsu keeps Maven from looking for newer snapshots (everything is in the private repository).
    # smvm.noCache: every cold run is as the first one of a CI job. smvm.usePipConfig=false: pip runs
    # --isolated, so the plugin must not read the machine's pip configuration either (extra indexes there
    # would be asked first for every project).
    return [mvn, "-B", "-nsu", "-q", "-Dmaven.repo.local=" + repo, "-Dorg.slf4j.simpleLogger.log.io.github.smvm=info",
            "-Dsmvm.usePipConfig=false"] + (["-Dsmvm.noCache=true"] if cache is None else
                                            ["-Dsmvm.cacheDirectory=" + cache]) + ["smvm:assess"]


C1_OPTION = "-XX:TieredStopAtLevel=1"


def mvn_env(c1=False):
    """The environment of a Maven run; ``c1``: with the JIT limited to C1, added to any MAVEN_OPTS of the caller."""
    if not c1:
        return clean_env()
    opts = (os.environ.get("MAVEN_OPTS", "") + " " + C1_OPTION).strip()
    return clean_env({"MAVEN_OPTS": opts})


def run_mvn(mvn, repo, project, model, timeout, cache=None, c1=False):
    report = os.path.join(project, "target", "smvm", "wheel-health.json")
    if os.path.exists(report):
        os.remove(report)
    wall, cpu, out, err = run(mvn_args(mvn, repo, cache), cwd=project, env=mvn_env(c1), timeout=timeout,
                              what="mvn smvm:assess" + ("" if cache is None else " (warm cache)")
                              + (" (C1)" if c1 else ""))
    match = GOAL_LINE.search(out)
    if not match:
        raise BenchError("mvn smvm:assess printed no 'Assessed N requirements ... in X ms' line:\n" + out[-3000:])
    if not os.path.isfile(report):
        raise BenchError("mvn smvm:assess exited 0 but wrote no " + report)
    with open(report, encoding="utf-8") as fh:
        health = json.load(fh)
    if int(match.group(1)) != model.top or int(match.group(2)) != 2 + len(TARGETS):
        raise BenchError("the goal assessed %s requirements in %s environments; expected %d in %d"
                         % (match.group(1), match.group(2), model.top, 2 + len(TARGETS)))
    if health.get("wheel_status") != "primary_healthy":
        raise BenchError("wheel_status is %r, expected primary_healthy: see %s" % (health.get("wheel_status"), report))
    closure = {}
    for env in health["environments"]:
        if env["role"] in ("primary", "fallback"):
            closure[env["role"]] = chosen_files(env, report)
            if len(closure[env["role"]]) != len(model.projects):
                raise BenchError("%s: the plugin's closure has %d projects, the index %d: see %s"
                                 % (env["id"], len(closure[env["role"]]), len(model.projects), report))
    return {"wall": wall, "cpu": cpu, "goal": int(match.group(4)) / 1000.0, "closure": closure,
            "executables": {e["role"]: e["executable"] for e in health["environments"]
                            if e["role"] in ("primary", "fallback")},
            "targets": {e["id"]: {"ratio": e["ratio"], "healthy": e["healthy"]} for e in health["environments"]
                        if e["role"] not in ("primary", "fallback")}}


def chosen_files(env, report):
    """project -> wheel file name, over the top-level packages and all their dependencies."""
    chosen = {}
    for package in env["packages"]:
        for p in [package] + package.get("dependencies", []):
            if p["status"] not in AVAILABLE:
                raise BenchError("%s: %s is %s (%s), but the index makes every requirement installable: see %s"
                                 % (env["id"], p["name"], p["status"], p.get("reason"), report))
            chosen[bench_index.normalize(p["name"])] = p["wheel"]
    return chosen


# ---- pip ------------------------------------------------------------------------------------

PIP_ENV = {"PIP_CONFIG_FILE": os.devnull}


def pip_args(python, index_url):
    return [python, "-I", "-m", "pip", "--isolated", "--no-cache-dir", "--disable-pip-version-check",
            "install", "--dry-run", "--only-binary=:all:", "--ignore-installed", "--index-url", index_url]


def run_pip_requirements(python, index_url, requirements, report, model, server_url, timeout):
    if os.path.exists(report):
        os.remove(report)
    wall, cpu, _, _ = run(pip_args(python, index_url) + ["--report", report, "-r", requirements],
                          env=clean_env(PIP_ENV), timeout=timeout, what="pip install -r (%s)" % python)
    if not os.path.isfile(report):
        raise BenchError("pip exited 0 but wrote no report " + report)
    with open(report, encoding="utf-8") as fh:
        data = json.load(fh)
    files = {}
    for item in data["install"]:
        url = item["download_info"]["url"]
        if not url.startswith(server_url + "/"):
            raise BenchError("pip took %s from outside the benchmark's index: the pip configuration leaked" % url)
        files[bench_index.normalize(item["metadata"]["name"])] = (item["metadata"]["version"], url.rsplit("/", 1)[1])
    expected = bench_index.expected_picks(model)
    got = {name: version for name, (version, _) in files.items()}
    if got != expected:
        wrong = sorted(set(got.items()) ^ set(expected.items()))[:10]
        raise BenchError("pip (%s) did not install the generated picks; differences: %s" % (python, wrong))
    return {"wall": wall, "cpu": cpu, "files": {name: f for name, (_, f) in files.items()}}


def run_runbook(python, index_url, requirement_lines, timeout):
    wall = cpu = 0.0
    for line in requirement_lines:
        w, c, out, _ = run(pip_args(python, index_url) + [line], env=clean_env(PIP_ENV), timeout=timeout,
                           what="pip install %s (%s)" % (line, python))
        if "Would install" not in out:
            raise BenchError("pip install --dry-run %s printed no 'Would install' line" % line)
        wall += w
        cpu += c
    return wall, cpu


def runbook_sample(lines, limit):
    """``limit`` requirement lines spread evenly over the file (all of them without a limit)."""
    if not limit or limit >= len(lines):
        return list(lines)
    return [lines[int(k * len(lines) / limit)] for k in range(limit)]


# ---- one N ----------------------------------------------------------------------------------

def bench_one(n, args, coordinates, jar_hash, pythons_override):
    work = tempfile.mkdtemp(prefix="smvm-bench-n%d-" % n)
    try:
        print("\nN=%d: generating the index in %s" % (n, work), flush=True)
        start = time.perf_counter()
        model = bench_index.generate(n, args.seed, args.top_fraction)
        index_dir = os.path.join(work, "index")
        os.makedirs(index_dir)
        files = bench_index.write(model, index_dir, pep658=not args.no_pep658)
        print("  %d projects, %d top-level requirements, %d files (%s PEP 658 metadata) in %.1f s"
              % (n, model.top, files, "with" if not args.no_pep658 else "without", time.perf_counter() - start),
              flush=True)
        requirements = os.path.join(index_dir, "requirements.txt")
        lines = list(model.requirements)
        sample = [] if args.no_runbook else runbook_sample(lines, args.runbook_limit)
        with bench_server.IndexServer(index_dir) as server:
            print("  serving %s" % server.index_url, flush=True)
            project = os.path.join(work, "project")
            write_project(project, coordinates, server.index_url, requirements)

            def check_jar():
                if jar_hash and sha256_of(installed_jar(args.maven_repo, coordinates)) != jar_hash:
                    raise BenchError("the plugin jar in the local repository changed during the benchmark "
                                     "(another build installed it): run the benchmark again")

            print("  warm-up (untimed): mvn smvm:assess cold and filling the disk cache, pip -r per interpreter",
                  flush=True)
            cache = os.path.join(work, "smvm-cache")
            warm = run_mvn(args.mvn, args.maven_repo, project, model, args.timeout)
            if not args.no_warm:
                run_mvn(args.mvn, args.maven_repo, project, model, args.timeout, cache=cache)
            check_jar()
            pythons = dict(warm["executables"])
            pythons.update({k: v for k, v in pythons_override.items() if v})
            for role in ("primary", "fallback"):
                run_pip_requirements(pythons[role], server.index_url, requirements,
                                     os.path.join(work, "report-%s.json" % role), model, server.url, args.timeout)
            server.stats.take()

            runs = []
            for i in range(args.runs):
                print("  run %d/%d" % (i + 1, args.runs), flush=True)
                record = {"load_before": load_average()}
                a = run_mvn(args.mvn, args.maven_repo, project, model, args.timeout)
                check_jar()
                record["A"] = {"wall": a["wall"], "cpu": a["cpu"], "goal": a["goal"], "requests": server.stats.take()}
                print("    A  mvn smvm:assess      %7.2f s (goal %.2f s, CPU %.1f s)" % (a["wall"], a["goal"], a["cpu"]),
                      flush=True)
                def variant(key, label, what, **kwargs):
                    """Another timed A run (A1, A'), which must choose the same files as A."""
                    v = run_mvn(args.mvn, args.maven_repo, project, model, args.timeout, **kwargs)
                    check_jar()
                    if v["closure"] != a["closure"]:
                        raise BenchError("the %s chose other files than the default run" % what)
                    record[key] = {"wall": v["wall"], "cpu": v["cpu"], "goal": v["goal"],
                                   "requests": server.stats.take()}
                    print("    %s %5.2f s (goal %.2f s, CPU %.1f s, %d requests)"
                          % (label, v["wall"], v["goal"], v["cpu"], total_requests(record[key]["requests"])),
                          flush=True)
                if not args.no_c1:
                    variant("A_c1", "A1 mvn smvm:assess, JIT C1 only", "run with the C1 JIT", c1=True)
                if not args.no_warm:
                    variant("A_warm", "A' mvn smvm:assess, warm cache", "warm-cache run", cache=cache)
                record["B"] = {}
                b_results = {}
                for role in ("primary", "fallback"):
                    b = run_pip_requirements(pythons[role], server.index_url, requirements,
                                             os.path.join(work, "report-%s.json" % role), model, server.url,
                                             args.timeout)
                    b_results[role] = b
                    record["B"][role] = {"wall": b["wall"], "cpu": b["cpu"], "requests": server.stats.take()}
                    print("    B  pip -r (%s)  %7.2f s (CPU %.1f s)" % (role, b["wall"], b["cpu"]), flush=True)
                record["B_total"] = sum(v["wall"] for v in record["B"].values())
                if sample:
                    record["C"] = {}
                    for role in ("primary", "fallback"):
                        wall, cpu = run_runbook(pythons[role], server.index_url, sample, args.timeout)
                        record["C"][role] = {"wall": wall, "cpu": cpu, "packages": len(sample),
                                             "requests": server.stats.take()}
                        print("    C  runbook (%s)  %7.2f s for %d of %d packages" % (role, wall, len(sample),
                                                                                      len(lines)), flush=True)
                    measured = sum(v["wall"] for v in record["C"].values())
                    record["C_total"] = measured * len(lines) / len(sample)
                record["load_after"] = load_average()
                runs.append(record)
            agreement = {}
            for role in ("primary", "fallback"):
                plugin_files, pip_files = a["closure"][role], b_results[role]["files"]
                differ = sorted(name for name in pip_files if plugin_files.get(name) != pip_files[name])
                agreement[role] = {"same": len(pip_files) - len(differ), "of": len(pip_files),
                                   "differences": [(name, plugin_files.get(name), pip_files[name])
                                                   for name in differ[:20]]}
        return {
            "n": n, "top_level": model.top, "files": files, "seed": args.seed, "pep658": not args.no_pep658,
            "pythons": pythons, "targets": a["targets"], "agreement": agreement,
            "runbook": {"packages_timed": len(sample), "packages_total": len(lines),
                        "extrapolated": bool(sample) and len(sample) < len(lines)},
            "runs": runs,
            "median": median_of(runs, n),
        }
    finally:
        if args.keep:
            print("  kept %s" % work)
        else:
            shutil.rmtree(work, ignore_errors=True)


def total_requests(counts):
    """The number of requests in a ``Stats.take()`` result."""
    return sum(entry["requests"] for kinds in counts.values() for entry in kinds.values())


def median_of(runs, n=None):
    def med(values):
        values = [v for v in values if v is not None]
        return statistics.median(values) if values else None
    m = {
        "A": med([r["A"]["wall"] for r in runs]),
        "goal": med([r["A"]["goal"] for r in runs]),
        "A_warm": med([r.get("A_warm", {}).get("wall") for r in runs]),
        "goal_warm": med([r.get("A_warm", {}).get("goal") for r in runs]),
        "A_cpu": med([r["A"]["cpu"] for r in runs]),
        "A_c1": med([r.get("A_c1", {}).get("wall") for r in runs]),
        "goal_c1": med([r.get("A_c1", {}).get("goal") for r in runs]),
        "B": med([r["B_total"] for r in runs]),
        "B_primary": med([r["B"]["primary"]["wall"] for r in runs]),
        "B_fallback": med([r["B"]["fallback"]["wall"] for r in runs]),
        "B_cpu": med([r["B"]["primary"]["cpu"] + r["B"]["fallback"]["cpu"] for r in runs]),
        "C": med([r.get("C_total") for r in runs]),
    }
    m["startup"] = med([r["A"]["wall"] - r["A"]["goal"] for r in runs])
    m["B/A"] = m["B"] / m["A"]
    m["C/A"] = m["C"] / m["A"] if m["C"] is not None else None
    m["goal/B"] = m["goal"] / m["B"]
    m["goal_c1/B"] = m["goal_c1"] / m["B"] if m["goal_c1"] is not None else None
    m["B/A_warm"] = m["B"] / m["A_warm"] if m["A_warm"] else None
    m["goal_ms_per_project"] = m["goal"] * 1000.0 / n if n else None
    return m


# ---- output ---------------------------------------------------------------------------------

def fmt(value, unit="", digits=2):
    return "-" if value is None else ("%.*f%s" % (digits, value, unit))


def markdown(results, machine, args, command):
    out = []
    out.append("| N projects | top-level | A: `mvn -B -nsu -q smvm:assess` (cold) | A: goal only | goal per project "
               "| A': warm cache | B: `pip -r`, 3.12 + 3.11 | C: runbook, 1 pip run per package per interpreter "
               "| B/A | B/A' | C/A | goal/B | A1: JIT C1 only | goal/B, C1 |")
    out.append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in results:
        m = r["median"]
        c = fmt(m["C"], " s", 1)
        if r["runbook"]["extrapolated"]:
            c += " (extrapolated from %d of %d)" % (r["runbook"]["packages_timed"], r["runbook"]["packages_total"])
        warm = "-" if m.get("A_warm") is None else "%s (goal %s)" % (fmt(m["A_warm"], " s"), fmt(m["goal_warm"], " s"))
        c1 = "-" if m.get("A_c1") is None else "%s (goal %s)" % (fmt(m["A_c1"], " s"), fmt(m["goal_c1"], " s"))
        out.append("| %d | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            r["n"], r["top_level"], fmt(m["A"], " s"), fmt(m["goal"], " s"), fmt(m.get("goal_ms_per_project"), " ms", 1),
            warm, fmt(m["B"], " s"), c, fmt(m["B/A"], "x", 1), fmt(m.get("B/A_warm"), "x", 1), fmt(m["C/A"], "x", 1),
            fmt(m["goal/B"], "", 2), c1, fmt(m.get("goal_c1/B"), "", 2)))
    growth = growth_note(results)
    if growth:
        out.append("")
        out.append(growth)
    out.append("")
    out.append("Medians of %d run(s) each, after one untimed warm-up of A, A' and B. Where A's time goes and what each "
               "tool asked the index for (last run):" % args.runs)
    out.append("")
    out.append("| N | A: JVM + Maven outside the goal | A: CPU | B: 3.12 | B: 3.11 | B: CPU | A requests "
               "(pages / metadata / wheels) | A' requests | B requests per interpreter | same files as pip (3.12, 3.11) |")
    out.append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in results:
        m = r["median"]
        a_req = r["runs"][-1]["A"]["requests"].get("java", {})
        b_req = r["runs"][-1]["B"]["primary"]["requests"].get("pip", {})

        def counts(req):
            return " / ".join(str(req.get(k, {}).get("requests", 0)) for k in ("page", "metadata", "wheel"))
        agree = ", ".join("%d/%d" % (r["agreement"][role]["same"], r["agreement"][role]["of"])
                          for role in ("primary", "fallback"))
        warm_req = r["runs"][-1].get("A_warm", {}).get("requests")
        out.append("| %d | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            r["n"], fmt(m["startup"], " s"), fmt(m["A_cpu"], " s", 1), fmt(m["B_primary"], " s"),
            fmt(m["B_fallback"], " s"), fmt(m["B_cpu"], " s", 1), counts(a_req),
            "-" if warm_req is None else str(total_requests(warm_req)), counts(b_req), agree))
    out.append("")
    pythons = machine["pythons"]
    loads = [float(r[k][0]) for res in results for r in res["runs"] for k in ("load_before", "load_after") if r[k]]
    out.append("- Machine: %d cores, %s, %s, %s GiB; %s; %s; Python %s (pip %s) and %s (pip %s). 1-minute load "
               "average around the timed runs: %s (the machine is shared; CPU seconds are less sensitive to that "
               "than wall time)." % (
                   machine["cores"], machine["machine"], machine["cpu"], machine.get("memory_gib", "?"),
                   machine["maven"], machine["java"], pythons["primary"]["version"], pythons["primary"]["pip"],
                   pythons["fallback"]["version"], pythons["fallback"]["pip"],
                   "%.1f to %.1f" % (min(loads), max(loads)) if loads else "unknown"))
    out.append("- Index: generated with seed %d, served on 127.0.0.1 as PEP 503 HTML %s PEP 658 metadata; "
               "every top-level requirement installs from wheels on 3.12 and 3.11 (checked in every run: pip "
               "installs the generated picks, the plugin finds all of them available). Targets: %s." % (
                   args.seed, "without" if args.no_pep658 else "with", ", ".join(TARGETS)))
    for r in results:
        out.append("- N=%d: A also decides the virtual targets, which B and C cannot check on this machine; share of "
                   "top-level requirements installable there from wheels, dependencies included: %s." % (r["n"], ", ".join(
                       "%s %.0f%%" % (t, v["ratio"] * 100) for t, v in sorted(r["targets"].items()))))
    out.append("- A is the whole Maven process (JVM start, Maven, plugin resolution, the goal), cold (`smvm.noCache=true`); "
               "A' the same with a disk cache filled by an untimed run (`smvm.cacheDirectory`, within `smvm.cacheTtl`); "
               "A1 the cold A with `MAVEN_OPTS=-XX:TieredStopAtLevel=1` (the JIT's first tier only, as a project's "
               "`.mvn/jvm.config` can set it). "
               "All three run with `smvm.usePipConfig=false`, as pip runs `--isolated`. The goal's own "
               "time is from its log line and includes interpreter discovery and probing and writing the reports. CPU is user + system time "
               "of the process and its children (for A, the interpreter probes too). B and C run pip with "
               "`-I --isolated --no-cache-dir`, `PIP_CONFIG_FILE=/dev/null` and no `PIP_*`/`PYTHON*` variables.")
    out.append("- Command: `%s`" % command)
    return "\n".join(out) + "\n"


def growth_note(results):
    """How the goal's own time grows with N: the time per project at each N and the growth between the sizes."""
    sized = sorted((r["n"], r["median"]["goal"]) for r in results if r["median"].get("goal"))
    if len(sized) < 2:
        return None
    steps = []
    for (n0, g0), (n1, g1) in zip(sized, sized[1:]):
        steps.append("N %d to %d: %.1fx the projects, %.2fx the time" % (n0, n1, n1 / float(n0), g1 / g0))
    per = ", ".join("%.1f ms at N=%d" % (g * 1000.0 / n, n) for n, g in sized)
    return ("Growth of the goal's own time with N (linear means the time per project stays flat or falls, as "
            "fixed costs such as interpreter discovery spread out): %s; %s." % (per, "; ".join(steps)))


def parse_projects(text):
    try:
        values = [int(v) for v in text.split(",") if v.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError("expected a number or a comma-separated list such as 50,200,1000, got %r"
                                         % text)
    if not values or any(v < 1 for v in values):
        raise argparse.ArgumentTypeError("project counts must be 1 or more, got %r" % text)
    return values


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--projects", type=parse_projects, default=[50, 200, 1000],
                        help="index sizes N, e.g. 200 or 50,200,1000 (default 50,200,1000)")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per N; medians are reported (default 3)")
    parser.add_argument("--runbook-limit", type=int, default=10, metavar="K",
                        help="time the runbook for K top-level packages per interpreter and extrapolate linearly "
                             "(default 10; 0: all of them)")
    parser.add_argument("--no-warm", action="store_true", help="skip A', the run with a warm disk cache")
    parser.add_argument("--no-c1", action="store_true",
                        help="skip A1, the cold run with the JIT limited to C1 (-XX:TieredStopAtLevel=1)")
    parser.add_argument("--no-runbook", action="store_true", help="skip C, the one-pip-per-package runbook")
    parser.add_argument("--seed", type=int, default=1, help="the index generator's seed (default 1)")
    parser.add_argument("--top-fraction", type=float, default=0.25,
                        help="share of the N projects that are top-level requirements (default 0.25)")
    parser.add_argument("--no-pep658", action="store_true",
                        help="serve no PEP 658 .metadata files (clients then read the wheels)")
    parser.add_argument("--no-install", action="store_true",
                        help="use the plugin already in the local Maven repository")
    parser.add_argument("--primary-python", help="the interpreter pip runs for 3.12 (default: the one the plugin "
                                                 "selects as primary)")
    parser.add_argument("--fallback-python", help="the interpreter pip runs for 3.11 (default: the plugin's fallback)")
    parser.add_argument("--mvn", default="mvn", help="the Maven command (default mvn)")
    parser.add_argument("--maven-repo", default=os.path.join(REPO, "target", "bench", "m2"),
                        help="the local Maven repository the plugin is installed into and run from (default "
                             "target/bench/m2, a copy of ~/.m2/repository made once; pass ~/.m2/repository to "
                             "use that)")
    parser.add_argument("--timeout", type=int, default=900, help="seconds one process may take (default 900)")
    parser.add_argument("--output", default=os.path.join(REPO, "target", "bench"),
                        help="where results.md and results.json go (default target/bench)")
    parser.add_argument("--keep", action="store_true", help="keep the generated index and project")
    args = parser.parse_args(argv)
    args.maven_repo = os.path.abspath(os.path.expanduser(args.maven_repo))
    if args.runs < 1:
        parser.error("--runs must be 1 or more")
    if args.runbook_limit < 0:
        parser.error("--runbook-limit must not be negative")
    if not 0 < args.top_fraction <= 1:
        parser.error("--top-fraction must be in (0, 1]")
    if shutil.which(args.mvn) is None:
        parser.error("%s is not on PATH" % args.mvn)
    command = "python3 src/bench/bench.py" + ("" if argv is None and len(sys.argv) < 2 else " " + " ".join(
        sys.argv[1:] if argv is None else argv))

    try:
        coordinates = plugin_coordinates()
        prepare_repo(args.maven_repo, coordinates)
        if not args.no_install:
            install_plugin(args.mvn, args.maven_repo, args.timeout)
        jar = installed_jar(args.maven_repo, coordinates)
        if not os.path.isfile(jar):
            raise BenchError("the plugin is not installed in %s: run without --no-install" % args.maven_repo)
        jar_hash = sha256_of(jar)
        built = os.path.join(REPO, "target", "%s-%s.jar" % (coordinates[1], coordinates[2]))
        if jar_hash and not args.no_install and os.path.isfile(built) and sha256_of(built) != jar_hash:
            raise BenchError("%s differs from the jar just built (%s)" % (jar, built))
        overrides = {"primary": args.primary_python, "fallback": args.fallback_python}
        results = [bench_one(n, args, coordinates, jar_hash, overrides) for n in args.projects]
        machine = machine_info(args.mvn, results[0]["pythons"])
    except BenchError as e:
        print("\nbenchmark failed: %s" % e, file=sys.stderr)
        return 1

    table = markdown(results, machine, args, command)
    os.makedirs(args.output, exist_ok=True)
    with open(os.path.join(args.output, "results.md"), "w", encoding="utf-8") as fh:
        fh.write(table)
    with open(os.path.join(args.output, "results.json"), "w", encoding="utf-8") as fh:
        json.dump({"date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
                   "command": command, "plugin": ":".join(coordinates), "plugin_jar_sha256": jar_hash,
                   "machine": machine, "settings": {k: v for k, v in vars(args).items()},
                   "results": results}, fh, indent=2, sort_keys=True)
        fh.write("\n")
    print("\n" + table)
    for r in results:
        for role, agreement in r["agreement"].items():
            if agreement["differences"]:
                print("N=%d %s: the plugin and pip chose different files for %d projects, e.g. %s"
                      % (r["n"], role, agreement["of"] - agreement["same"], agreement["differences"][:3]))
    print("wrote %s and %s" % (os.path.join(args.output, "results.md"), os.path.join(args.output, "results.json")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
