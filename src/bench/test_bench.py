"""Tests of the benchmark's index generator and server (standard library only).

    python3 -m unittest discover -s src/bench -p 'test_*.py'
"""
import gzip
import hashlib
import os
import re
import shutil
import sys
import tempfile
import unittest
import urllib.error
import urllib.request
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import bench  # noqa: E402
import bench_index  # noqa: E402
import bench_server  # noqa: E402


def dependency_indexes(model, release, unconditional_only=True):
    by_name = {p.normalized: p.index for p in model.projects}
    out = []
    for requirement in release.requires:
        if unconditional_only and ";" in requirement:
            continue
        out.append(by_name[bench_index.normalize(re.split(r"[<>=!~;\[ ]", requirement)[0])])
    return out


class GeneratorTest(unittest.TestCase):

    def test_same_seed_same_index_other_seed_other_index(self):
        def digest(model):
            text = "\n".join(model.requirements) + "".join(
                bench_index.metadata_text(p, r) + ",".join(r.wheel_tags) for p in model.projects for r in p.releases)
            return hashlib.sha256(text.encode()).hexdigest()
        self.assertEqual(digest(bench_index.generate(60, seed=3)), digest(bench_index.generate(60, seed=3)))
        self.assertNotEqual(digest(bench_index.generate(60, seed=3)), digest(bench_index.generate(60, seed=4)))

    def test_dependencies_form_a_dag_that_pulls_in_every_project(self):
        model = bench_index.generate(120, seed=1)
        reached = set(range(model.top))
        for project in model.projects:
            for j in dependency_indexes(model, project.pick, unconditional_only=False):
                self.assertGreater(j, project.index)
            if project.index in reached:
                reached.update(dependency_indexes(model, project.pick))
        self.assertEqual(set(range(120)), reached)
        self.assertEqual(30, model.top)

    def test_every_pick_has_wheels_for_cpython_311_and_312_on_manylinux_x86_64(self):
        for project in bench_index.generate(120, seed=2).projects:
            tags = project.pick.wheel_tags
            self.assertIsNone(project.pick.yanked)
            self.assertFalse(project.pick.pre)
            for minor in (11, 12):
                self.assertTrue(any(
                    t.endswith("-none-any") or (t.startswith(("cp3%d-cp3%d-" % (minor, minor), "cp39-abi3-"))
                                                and "x86_64" in t and "manylinux" in t) for t in tags),
                    "%s %s has no wheel for 3.%d: %s" % (project.name, bench_index.version_text(project.pick), minor,
                                                         tags))

    def test_every_specifier_admits_the_pick(self):
        try:
            from pip._vendor.packaging.requirements import Requirement
        except ImportError:  # pragma: no cover
            self.skipTest("pip's vendored packaging is not importable")
        model = bench_index.generate(120, seed=5)
        picks = bench_index.expected_picks(model)
        lines = list(model.requirements) + [r for p in model.projects for r in p.pick.requires]
        for line in lines:
            requirement = Requirement(line)
            self.assertIn(picks[bench_index.normalize(requirement.name)], requirement.specifier, line)

    def test_written_wheels_are_real_zips_with_metadata_wheel_and_record(self):
        root = tempfile.mkdtemp()
        try:
            model = bench_index.generate(5, seed=1)
            bench_index.write(model, root)
            project = model.projects[0]
            directory = os.path.join(root, "files", project.normalized)
            wheel = sorted(f for f in os.listdir(directory) if f.endswith(".whl"))[0]
            with zipfile.ZipFile(os.path.join(directory, wheel)) as zf:
                names = zf.namelist()
                dist_info = [n.split("/")[0] for n in names if n.endswith("/METADATA")][0]
                self.assertEqual({dist_info + "/METADATA", dist_info + "/WHEEL", dist_info + "/RECORD"},
                                 {n for n in names if n.startswith(dist_info)})
                metadata = zf.read(dist_info + "/METADATA")
            with open(os.path.join(directory, wheel + ".metadata"), "rb") as fh:
                self.assertEqual(metadata, fh.read())
            with open(os.path.join(root, "simple", project.normalized, "index.html"), encoding="utf-8") as fh:
                page = fh.read()
            self.assertIn('data-core-metadata="sha256=%s"' % hashlib.sha256(metadata).hexdigest(), page)
        finally:
            shutil.rmtree(root)


class ServerTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.root = tempfile.mkdtemp()
        cls.model = bench_index.generate(3, seed=1)
        bench_index.write(cls.model, cls.root)
        cls.server = bench_server.IndexServer(cls.root).start()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        shutil.rmtree(cls.root)

    def get(self, path, headers=None):
        request = urllib.request.Request(self.server.url + path, headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as e:
            return e.code, dict(e.headers), e.read()

    def test_binds_loopback_only(self):
        self.assertTrue(self.server.url.startswith("http://127.0.0.1:"))

    def test_pages_plain_gzip_and_redirect(self):
        name = self.model.projects[0].normalized
        status, headers, body = self.get("/simple/%s/" % name)
        self.assertEqual(200, status)
        self.assertIn(b"Links for " + name.encode(), body)
        status, headers, compressed = self.get("/simple/%s/" % name, {"Accept-Encoding": "gzip"})
        self.assertEqual("gzip", headers["Content-Encoding"])
        self.assertEqual(body, gzip.decompress(compressed))
        status, _, body = self.get("/simple/%s" % name)  # urllib follows the 301
        self.assertEqual(200, status)
        self.assertEqual(404, self.get("/simple/no-such-project/")[0])
        self.assertEqual(404, self.get("/files/../requirements.txt")[0])

    def test_range_requests(self):
        project = self.model.projects[0]
        wheel = "%s-%s-%s.whl" % (bench_index.wheel_dist(project.name), bench_index.version_text(project.pick),
                                  project.pick.wheel_tags[0])
        path = "/files/%s/%s" % (project.normalized, wheel)
        _, _, whole = self.get(path)
        size = len(whole)
        status, headers, tail = self.get(path, {"Range": "bytes=-100"})
        self.assertEqual((206, whole[-100:]), (status, tail))
        self.assertEqual("bytes %d-%d/%d" % (size - 100, size - 1, size), headers["Content-Range"])
        self.assertEqual(whole[10:20], self.get(path, {"Range": "bytes=10-19"})[2])
        self.assertEqual(whole[5:], self.get(path, {"Range": "bytes=5-"})[2])
        self.assertEqual(416, self.get(path, {"Range": "bytes=%d-" % size})[0])

    def test_counts_requests_by_client_and_kind(self):
        self.server.stats.take()
        self.get("/simple/", {"User-Agent": "pip/23.2.1 {}"})
        self.get("/simple/", {"User-Agent": "Java-http-client/17.0.15"})
        self.get("/simple/", {"User-Agent": "Java/17.0.15"})
        self.get("/simple/", {"User-Agent": "curl/8.0"})
        counts = self.server.stats.take()
        self.assertEqual(1, counts["pip"]["page"]["requests"])
        self.assertEqual(2, counts["java"]["page"]["requests"])
        self.assertEqual(1, counts["other"]["page"]["requests"])
        self.assertEqual({}, self.server.stats.take())


class RunbookTest(unittest.TestCase):

    def test_sample_spreads_over_the_file(self):
        lines = ["p%d" % i for i in range(50)]
        self.assertEqual(["p0", "p10", "p20", "p30", "p40"], bench.runbook_sample(lines, 5))
        self.assertEqual(lines, bench.runbook_sample(lines, 0))
        self.assertEqual(lines, bench.runbook_sample(lines, 80))


class ReportTest(unittest.TestCase):

    def test_cold_runs_use_no_cache_and_warm_runs_the_given_directory_neither_reads_pip_config(self):
        cold = bench.mvn_args("mvn", "/r")
        warm = bench.mvn_args("mvn", "/r", cache="/w/cache")
        self.assertIn("-Dsmvm.noCache=true", cold)
        self.assertNotIn("-Dsmvm.noCache=true", warm)
        self.assertIn("-Dsmvm.cacheDirectory=/w/cache", warm)
        for args in (cold, warm):
            self.assertIn("-Dsmvm.usePipConfig=false", args)
            self.assertEqual("smvm:assess", args[-1])

    @staticmethod
    def run_record(a, goal, warm, b, c=None):
        record = {"A": {"wall": a, "goal": goal, "cpu": 1.0, "requests": {}},
                  "B": {"primary": {"wall": b / 2, "cpu": 1.0, "requests": {}},
                        "fallback": {"wall": b / 2, "cpu": 1.0, "requests": {}}},
                  "B_total": b}
        if warm is not None:
            record["A_warm"] = {"wall": warm, "goal": warm / 2, "cpu": 1.0, "requests": {}}
        if c is not None:
            record["C_total"] = c
        return record

    def test_medians_ratios_and_time_per_project(self):
        runs = [self.run_record(4.0, 2.0, 3.0, 20.0, 100.0), self.run_record(5.0, 3.0, 2.0, 22.0, 120.0),
                self.run_record(9.0, 1.0, 4.0, 30.0, 90.0)]
        m = bench.median_of(runs, 200)
        self.assertEqual(5.0, m["A"])
        self.assertEqual(2.0, m["goal"])
        self.assertEqual(3.0, m["A_warm"])
        self.assertEqual(1.5, m["goal_warm"])
        self.assertEqual(22.0, m["B"])
        self.assertEqual(100.0, m["C"])
        self.assertAlmostEqual(22.0 / 5.0, m["B/A"])
        self.assertAlmostEqual(22.0 / 3.0, m["B/A_warm"])
        self.assertAlmostEqual(20.0, m["C/A"])
        self.assertAlmostEqual(2.0 / 22.0, m["goal/B"])
        self.assertAlmostEqual(10.0, m["goal_ms_per_project"])

    def test_without_warm_runs_the_warm_columns_are_empty(self):
        m = bench.median_of([self.run_record(4.0, 2.0, None, 20.0)], 50)
        self.assertIsNone(m["A_warm"])
        self.assertIsNone(m["B/A_warm"])
        self.assertIsNone(m["C"])

    def test_the_c1_run_has_its_own_median_and_ratio_to_pip(self):
        runs = [self.run_record(4.0, 2.0, None, 20.0), self.run_record(5.0, 3.0, None, 22.0),
                self.run_record(9.0, 1.0, None, 30.0)]
        for record, goal in zip(runs, (1.5, 1.0, 2.5)):
            record["A_c1"] = {"wall": goal + 1.0, "goal": goal, "cpu": 1.0, "requests": {}}
        m = bench.median_of(runs, 200)
        self.assertEqual(2.5, m["A_c1"])
        self.assertEqual(1.5, m["goal_c1"])
        self.assertAlmostEqual(1.5 / 22.0, m["goal_c1/B"])
        m = bench.median_of([self.run_record(4.0, 2.0, None, 20.0)], 50)
        self.assertIsNone(m["goal_c1"])
        self.assertIsNone(m["goal_c1/B"])

    def test_the_c1_run_adds_the_jit_option_to_the_callers_maven_opts(self):
        saved = os.environ.get("MAVEN_OPTS")
        try:
            os.environ["MAVEN_OPTS"] = "-Xmx2g"
            self.assertEqual("-Xmx2g -XX:TieredStopAtLevel=1", bench.mvn_env(c1=True)["MAVEN_OPTS"])
            self.assertEqual("-Xmx2g", bench.mvn_env()["MAVEN_OPTS"])
            del os.environ["MAVEN_OPTS"]
            self.assertEqual("-XX:TieredStopAtLevel=1", bench.mvn_env(c1=True)["MAVEN_OPTS"])
            self.assertNotIn("MAVEN_OPTS", bench.mvn_env())
        finally:
            if saved is None:
                os.environ.pop("MAVEN_OPTS", None)
            else:
                os.environ["MAVEN_OPTS"] = saved

    def test_growth_note_gives_time_per_project_and_growth_between_sizes(self):
        results = [{"n": 1000, "median": {"goal": 6.0}}, {"n": 50, "median": {"goal": 1.0}},
                   {"n": 200, "median": {"goal": 2.0}}]
        self.assertEqual("Growth of the goal's own time with N (linear means the time per project stays flat or "
                         "falls, as fixed costs such as interpreter discovery spread out): 20.0 ms at N=50, 10.0 ms "
                         "at N=200, 6.0 ms at N=1000; N 50 to 200: 4.0x the projects, 2.00x the time; N 200 to 1000: "
                         "5.0x the projects, 3.00x the time.", bench.growth_note(results))
        self.assertIsNone(bench.growth_note(results[:1]))

    def test_total_requests_sums_every_client_and_kind(self):
        self.assertEqual(7, bench.total_requests({"java": {"page": {"requests": 3}, "metadata": {"requests": 4}}}))
        self.assertEqual(0, bench.total_requests({}))


if __name__ == "__main__":
    unittest.main()
