"""Generates a realistic, deterministic PEP 503 simple index of tiny real wheels for the benchmark.

Standard library only. ``generate(n, seed)`` describes the projects; ``write(model, root)`` writes

    <root>/simple/index.html                     the project list
    <root>/simple/<project>/index.html           one page per project (hashes, data-requires-python,
                                                 data-yanked, data-dist-info-metadata/data-core-metadata)
    <root>/files/<project>/<file>                wheels (zip files with METADATA, WHEEL, RECORD) and sdists
    <root>/files/<project>/<wheel>.metadata      PEP 658 metadata, when asked for
    <root>/requirements.txt                      the top-level requirements

What the index looks like (all made up, all decided by the seed):

- ``n`` projects, numbered 0..n-1. Project ``i`` depends only on projects ``j > i`` (a DAG). The
  first ``top`` projects are the top-level requirements; every other project is an unconditional
  dependency of at least one project before it, so the top-level requirements pull in all ``n``.
  Some dependencies only apply on Python < 3.10, on Windows, or with an extra (``[speed]``).
- Each project has 5-15 final releases, some with an sdist, some old ones sdist-only; some also a
  newer pre-release, a newer yanked release or a newer release that requires Python >= 3.13. The
  newest release that is none of those is the *pick*: what pip chooses on CPython 3.11 and 3.12.
- Kinds: binary (cp39..cp313 x manylinux 2_17 / 2_28 (legacy aliases too), musllinux, macOS
  x86_64 / arm64 / universal2, win_amd64 / win32; older releases have fewer platforms and
  Pythons), abi3 (one ``cp39-abi3`` wheel per platform) and pure (``py3-none-any`` or
  ``py2.py3-none-any``). Projects drop some platforms for good (no win32, no musllinux, ...), so
  the virtual targets see some misses.
- Every pick has wheels for CPython 3.11 and 3.12 on manylinux x86_64 (glibc 2.17+) and every
  dependency specifier admits the pick: every top-level requirement installs from wheels on
  CPython 3.11 and 3.12 on x86_64 Linux, with no backtracking.
"""
import base64
import gzip
import hashlib
import html
import io
import os
import random
import re
import tarfile
import zipfile

EPOCH = (2024, 1, 1, 0, 0, 0)
PYTHONS = (9, 10, 11, 12, 13)  # CPython 3.x minors that binary wheels are built for

SYLLABLES = ("ka", "lo", "mi", "ne", "pra", "sto", "vex", "zor", "qui", "tal", "dor", "bri", "fen",
             "gul", "hap", "jin", "kry", "lum", "mor", "nix", "pol", "rin", "sol", "tre", "ux",
             "vor", "wen", "yal", "zet", "cor", "dal", "eph")
SUFFIXES = ("", "", "", "lib", "kit", "core", "py", "io", "tools", "utils")


def normalize(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def wheel_dist(name):
    return re.sub(r"[-_.]+", "_", name).lower()


class Release(object):
    """One version of a project: its files, its Requires-Python and its dependencies."""

    def __init__(self, version, requires_python=None, yanked=None, pre=False):
        self.version = version
        self.requires_python = requires_python
        self.yanked = yanked  # the reason, or None
        self.pre = pre
        self.wheel_tags = []  # tags such as cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64
        self.sdist = False
        self.requires = []  # Requires-Dist values
        self.extras = []  # Provides-Extra values


class Project(object):
    def __init__(self, index, name, kind):
        self.index = index
        self.name = name  # as written by its authors, e.g. Zor_Vex.Lib
        self.normalized = normalize(name)
        self.kind = kind  # binary | abi3 | pure
        self.releases = []
        self.pick = None  # the Release pip chooses on CPython 3.11/3.12

    def finals(self):
        return [r for r in self.releases if not r.pre]


class Model(object):
    def __init__(self, seed, projects, top, requirements):
        self.seed = seed
        self.projects = projects
        self.top = top
        self.requirements = requirements  # requirement lines, one per top-level project

    def file_count(self):
        return sum(len(r.wheel_tags) + (1 if r.sdist else 0) for p in self.projects for r in p.releases)


def _names(rng, n):
    seen = set()
    names = []
    while len(names) < n:
        parts = [rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))]
        suffix = rng.choice(SUFFIXES)
        style = rng.random()
        if style < 0.15 and suffix:
            name = "".join(parts) + "_" + suffix
        elif style < 0.25 and suffix:
            name = "".join(parts) + "." + suffix
        elif style < 0.35:
            name = "".join(parts).capitalize() + ("-" + suffix.capitalize() if suffix else "")
        else:
            name = "".join(parts) + ("-" + suffix if suffix else "")
        if normalize(name) in seen:
            continue
        seen.add(normalize(name))
        names.append(name)
    return names


def _versions(rng, count):
    major, minor, micro = rng.choice((0, 1, 1, 2, 3)), rng.randint(0, 9), 0
    out = []
    for _ in range(count):
        out.append((major, minor, micro))
        step = rng.random()
        if step < 0.5:
            micro += 1
        elif step < 0.85:
            minor, micro = minor + 1, 0
        else:
            major, minor, micro = major + 1, 0, 0
    return out


def _vstr(v):
    return "%d.%d.%d" % v


def _platforms(rng, project, fraction, style):
    """The platform tags of a binary or abi3 release at ``fraction`` (0 oldest .. 1 pick) of its history."""
    drops = style["drops"]
    plats = []
    # x86_64 Linux: always (the machine that runs pip needs it)
    if fraction < 0.2:
        plats.append("manylinux_2_5_x86_64.manylinux1_x86_64")
        plats.append("manylinux_2_12_x86_64.manylinux2010_x86_64")
    elif style["manylinux"] == "2_28" and fraction >= 0.7:
        plats.append("manylinux_2_27_x86_64.manylinux_2_28_x86_64")
    else:
        plats.append("manylinux_2_17_x86_64.manylinux2014_x86_64")
        if style["manylinux"] == "both" and fraction >= 0.7:
            plats.append("manylinux_2_28_x86_64")
    if "aarch64" not in drops and fraction >= 0.3:
        if style["manylinux"] == "2_28" and fraction >= 0.7:
            plats.append("manylinux_2_28_aarch64")
        else:
            plats.append("manylinux_2_17_aarch64.manylinux2014_aarch64")
    if "musllinux" not in drops and fraction >= 0.5:
        plats.append("musllinux_1_1_x86_64" if fraction < 0.8 else "musllinux_1_2_x86_64")
        if "aarch64" not in drops and fraction >= 0.8:
            plats.append("musllinux_1_2_aarch64")
    if "macos" not in drops:
        if style["mac"] in ("split", "both") or fraction < 0.3:
            plats.append("macosx_10_9_x86_64")
        if fraction >= 0.3:
            if style["mac"] in ("split", "both"):
                plats.append("macosx_11_0_arm64")
            if style["mac"] in ("universal2", "both"):
                plats.append("macosx_10_9_universal2")
    if "win_amd64" not in drops:
        plats.append("win_amd64")
    if "win32" not in drops:
        plats.append("win32")
    return plats


def _specifier(rng, dep):
    """A specifier that the dependency's pick satisfies, in one of the forms people write."""
    finals = [r for r in dep.finals() if r.version <= dep.pick.version]
    lower = rng.choice(finals).version
    pick = dep.pick.version
    form = rng.random()
    if form < 0.10:
        return ""
    if form < 0.60:
        return ">=" + _vstr(lower)
    if form < 0.75:
        return ">=%s,<%d" % (_vstr(lower), pick[0] + 1)
    if form < 0.85:
        same_major = [v for v in (r.version for r in finals) if v[0] == pick[0]]
        base = rng.choice(same_major)
        return "~=%d.%d" % (base[0], base[1])
    if form < 0.92:
        return "==%d.*" % pick[0]
    older = [r.version for r in finals[1:] if r.version < pick]
    if older:
        return ">=%s,!=%s" % (_vstr(finals[0].version), _vstr(rng.choice(older)))
    return ">=" + _vstr(lower)


def generate(n, seed=1, top_fraction=0.25):
    """Describes ``n`` projects; the same ``n`` and ``seed`` always give the same index."""
    if n < 1:
        raise ValueError("the index needs at least one project, got %d" % n)
    rng = random.Random("smvm-bench-%d-%d" % (seed, n))
    names = _names(rng, n)
    projects = []
    for i, name in enumerate(names):
        kind = rng.choices(("binary", "abi3", "pure"), weights=(55, 25, 20))[0]
        project = Project(i, name, kind)
        style = {
            "manylinux": rng.choices(("2_17", "2_28", "both"), weights=(50, 30, 20))[0],
            "mac": rng.choices(("split", "universal2", "both"), weights=(50, 30, 20))[0],
            "drops": {d for d, p in (("win32", 0.4), ("musllinux", 0.1), ("aarch64", 0.2), ("macos", 0.03),
                                     ("win_amd64", 0.02)) if rng.random() < p},
        }
        count = rng.randint(5, 15)
        newer = []  # releases after the pick that pip must pass over
        if rng.random() < 0.08:
            newer.append("yanked")
        if kind == "binary" and rng.random() < 0.06:
            newer.append("py313")
        versions = _versions(rng, count + len(newer))
        pick_at = count - 1
        for k, v in enumerate(versions):
            fraction = 1.0 if k >= pick_at else k / float(pick_at)
            release = Release(v)
            extra_kind = newer[k - pick_at - 1] if k > pick_at else None
            if extra_kind == "yanked":
                release.yanked = "broken metadata, use %s" % _vstr(versions[pick_at])
            elif extra_kind == "py313":
                release.requires_python = ">=3.13"
            sdist_only = k < pick_at and fraction < 0.3 and rng.random() < 0.3
            release.sdist = sdist_only or rng.random() < 0.7
            if not sdist_only:
                if kind == "pure":
                    release.wheel_tags = ["py2.py3-none-any" if fraction < 0.5 and rng.random() < 0.5
                                          else "py3-none-any"]
                    if release.requires_python is None:
                        release.requires_python = ">=3.8"
                else:
                    plats = _platforms(rng, project, fraction, style)
                    if kind == "abi3":
                        release.wheel_tags = ["cp39-abi3-" + p for p in plats]
                        release.requires_python = release.requires_python or ">=3.9"
                    else:
                        if extra_kind == "py313":
                            minors = (13,)
                        else:
                            top_minor = 13 if fraction >= 1.0 else 10 + int(round(3 * fraction))
                            minors = tuple(m for m in PYTHONS if m <= top_minor)
                        release.requires_python = release.requires_python or ">=3.%d" % minors[0]
                        release.wheel_tags = ["cp3%d-cp3%d-%s" % (m, m, p) for m in minors for p in plats]
            project.releases.append(release)
            if k == pick_at:
                project.pick = release
        if rng.random() < 0.10:
            last = versions[-1]
            pre = Release((last[0], last[1] + 1, 0), pre=True)
            pre.pre_label = rng.choice(("a1", "b2", "rc1"))
            pre.requires_python = project.pick.requires_python
            pre.wheel_tags = list(project.pick.wheel_tags)
            project.releases.append(pre)
        projects.append(project)

    top = max(1, int(round(n * top_fraction)))
    # dependencies: j > i only; every project past the top-level ones gets one unconditional parent
    unconditional = [set() for _ in range(n)]
    for j in range(top, n):
        if rng.random() < 0.5:
            parent = max(0, j - 1 - int(rng.expovariate(1.0 / max(1.0, n / 20.0))))
        else:
            parent = rng.randrange(0, j)
        unconditional[parent].add(j)
    for i in range(n - 1):
        extra = rng.choices((0, 1, 2, 3, 4), weights=(40, 30, 15, 10, 5))[0]
        for _ in range(extra):
            unconditional[i].add(rng.randrange(i + 1, n))
    for i, project in enumerate(projects):
        requires = ["%s%s" % (projects[j].name, _specifier(rng, projects[j])) for j in sorted(unconditional[i])]
        extras = []
        if i < n - 1:
            if rng.random() < 0.15:
                j = rng.randrange(i + 1, n)
                requires.append('%s%s; python_version < "3.10"' % (projects[j].name, _specifier(rng, projects[j])))
            if rng.random() < 0.10:
                j = rng.randrange(i + 1, n)
                requires.append('%s%s; sys_platform == "win32"' % (projects[j].name, _specifier(rng, projects[j])))
            if rng.random() < 0.10:
                j = rng.randrange(i + 1, n)
                extras.append("speed")
                requires.append('%s%s; extra == "speed"' % (projects[j].name, _specifier(rng, projects[j])))
        for release in project.releases:
            release.extras = extras
            if release is project.pick or release.pre or release.version > project.pick.version:
                release.requires = list(requires)
            else:  # older releases had fewer dependencies; pip never reads them here
                release.requires = [r for r in requires if rng.random() < 0.7]

    requirements = []
    for project in projects[:top]:
        extras = "[speed]" if project.pick.extras and rng.random() < 0.5 else ""
        requirements.append(project.name + extras + _specifier(rng, project))
    return Model(seed, projects, top, requirements)


def version_text(release):
    text = _vstr(release.version)
    return text[: text.rfind(".")] + ".0" + release.pre_label if release.pre else text


def metadata_text(project, release):
    lines = ["Metadata-Version: 2.1", "Name: " + project.name, "Version: " + version_text(release),
             "Summary: Generated benchmark project %d (%s)" % (project.index, project.kind)]
    if release.requires_python:
        lines.append("Requires-Python: " + release.requires_python)
    lines += ["Provides-Extra: " + e for e in release.extras]
    lines += ["Requires-Dist: " + r for r in release.requires]
    return "\n".join(lines) + "\n"


def _record_line(path, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return "%s,sha256=%s,%d" % (path, digest, len(data))


def wheel_bytes(project, release, tag, metadata):
    module = wheel_dist(project.name)
    dist_info = "%s-%s.dist-info" % (module, version_text(release))
    files = [
        ("%s/__init__.py" % module, ("__version__ = %r\n" % version_text(release)).encode()),
        (dist_info + "/METADATA", metadata),
        (dist_info + "/WHEEL", ("Wheel-Version: 1.0\nGenerator: smvm-bench\nRoot-Is-Purelib: %s\nTag: %s\n"
                                % ("true" if tag.endswith("-none-any") else "false", tag)).encode()),
    ]
    record = [_record_line(p, d) for p, d in files] + [dist_info + "/RECORD,,"]
    files.append((dist_info + "/RECORD", ("\n".join(record) + "\n").encode()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for path, data in files:
            info = zipfile.ZipInfo(path, EPOCH)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
    return out.getvalue()


def sdist_bytes(project, release, metadata):
    base = "%s-%s" % (wheel_dist(project.name), version_text(release))
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.USTAR_FORMAT) as tf:
        info = tarfile.TarInfo(base + "/PKG-INFO")
        info.size = len(metadata)
        info.mtime = 1704067200
        tf.addfile(info, io.BytesIO(metadata))
    out = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=out, mtime=0) as gz:
        gz.write(raw.getvalue())
    return out.getvalue()


def _attr(value):
    return html.escape(value, quote=True)


def write(model, root, pep658=True):
    """Writes the index under ``root``; returns the number of files written (pages excluded)."""
    simple = os.path.join(root, "simple")
    files_root = os.path.join(root, "files")
    os.makedirs(simple)
    os.makedirs(files_root)
    count = 0
    for project in model.projects:
        page_dir = os.path.join(simple, project.normalized)
        file_dir = os.path.join(files_root, project.normalized)
        os.makedirs(page_dir)
        os.makedirs(file_dir)
        links = []
        for release in project.releases:
            metadata = metadata_text(project, release).encode()
            meta_hash = hashlib.sha256(metadata).hexdigest()
            entries = []
            if release.sdist:
                entries.append(("%s-%s.tar.gz" % (wheel_dist(project.name), version_text(release)),
                                sdist_bytes(project, release, metadata), False))
            for tag in release.wheel_tags:
                filename = "%s-%s-%s.whl" % (wheel_dist(project.name), version_text(release), tag)
                entries.append((filename, wheel_bytes(project, release, tag, metadata), True))
            for filename, data, is_wheel in entries:
                with open(os.path.join(file_dir, filename), "wb") as fh:
                    fh.write(data)
                count += 1
                attrs = ""
                if release.requires_python:
                    attrs += ' data-requires-python="%s"' % _attr(release.requires_python)
                if release.yanked is not None:
                    attrs += ' data-yanked="%s"' % _attr(release.yanked)
                if is_wheel and pep658:
                    with open(os.path.join(file_dir, filename + ".metadata"), "wb") as fh:
                        fh.write(metadata)
                    count += 1
                    attrs += ' data-dist-info-metadata="sha256=%s" data-core-metadata="sha256=%s"' % (
                        meta_hash, meta_hash)
                links.append('    <a href="/files/%s/%s#sha256=%s"%s>%s</a><br />' % (
                    project.normalized, filename, hashlib.sha256(data).hexdigest(), attrs, filename))
        page = ("<!DOCTYPE html>\n<html>\n  <head>\n    <meta name=\"pypi:repository-version\" content=\"1.1\">\n"
                "    <title>Links for %s</title>\n  </head>\n  <body>\n    <h1>Links for %s</h1>\n%s\n  </body>\n"
                "</html>\n" % (project.normalized, project.normalized, "\n".join(links)))
        with open(os.path.join(page_dir, "index.html"), "w", encoding="utf-8") as fh:
            fh.write(page)
    with open(os.path.join(simple, "index.html"), "w", encoding="utf-8") as fh:
        fh.write("<!DOCTYPE html>\n<html>\n  <body>\n%s\n  </body>\n</html>\n" % "\n".join(
            '    <a href="/simple/%s/">%s</a>' % (p.normalized, p.normalized) for p in model.projects))
    with open(os.path.join(root, "requirements.txt"), "w", encoding="utf-8") as fh:
        fh.write("# %d top-level requirements of a generated index of %d projects (seed %d)\n"
                 % (model.top, len(model.projects), model.seed))
        fh.write("\n".join(model.requirements) + "\n")
    return count


def expected_picks(model):
    """The version pip installs on CPython 3.11 and 3.12 for every project (all are pulled in)."""
    return {p.normalized: version_text(p.pick) for p in model.projects}
