"""Generates PEP 440 test vectors (versions, ordering, specifiers) from the reference packaging.

Regenerate (from the repository root) with:

    /root/.pyenv/versions/3.13.0/bin/python -I src/test/resources/vectors/generate_pep440_vectors.py

The reference is pip 24.2's vendored packaging 24.1 (pip._vendor.packaging); only the standard
library and that module are used. Output: src/test/resources/vectors/pep440.json
"""
import functools
import itertools
import json
import os

from pip._vendor.packaging import __version__ as PACKAGING_VERSION
from pip._vendor.packaging.specifiers import InvalidSpecifier, Specifier, SpecifierSet
from pip._vendor.packaging.version import InvalidVersion, Version

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pep440.json")

# ---------------------------------------------------------------------------------------------
# Version strings: hand-picked edge cases plus a combinatorial sweep of spellings.
# ---------------------------------------------------------------------------------------------
HAND_VALID = [
    "1", "1.0", "1.0.0", "1.0.0.0.0", "0", "0.0", "00", "01.02.03", "1.2.3.4.5.6.7.8.9.10",
    "v1.0", "V1.0", " 1.0", "1.0 ", "\t1.0\n", " v1.0.post1 ",
    "1!1.0", "0!1.0", "2!0.1", "100!2.0a1", "1!1.0+local.7", "01!1.0",
    "20241231235959", "1.20241231235959", "2024.12.31", "9223372036854775807",
    "1.0a", "1.0a1", "1.0A1", "1.0alpha1", "1.0ALPHA1", "1.0.a1", "1.0-a1", "1.0_a1", "1.0a.1",
    "1.0a-1", "1.0a_1", "1.0-alpha-1", "1.0b2", "1.0beta2", "1.0.beta.2", "1.0c3", "1.0rc3",
    "1.0pre3", "1.0preview3", "1.0-pre-3", "1.0_rc1", "1.0.rc.1", "1.0RC1", "1.0rc", "1.0c",
    "1.0.post", "1.0.post0", "1.0.post1", "1.0post1", "1.0-post1", "1.0_post1", "1.0.post.1",
    "1.0-post-1", "1.0.rev1", "1.0r1", "1.0-r-1", "1.0REV1", "1.0-1", "1.0-0", "1.0-10",
    "1.0.dev", "1.0.dev0", "1.0.dev1", "1.0dev1", "1.0-dev1", "1.0_dev1", "1.0.dev.1",
    "1.0-dev-1", "1.0DEV1", "1.0a1.dev1", "1.0a1-dev1", "1.0rc1.post1", "1.0rc1.post1.dev1",
    "1.0.post1.dev1", "1.0-1.dev1", "1.0-1-dev1", "1.0.post0.dev0", "1!1.0rc1.post2.dev3+abc.5",
    "1.0+abc", "1.0+ABC", "1.0+abc.5", "1.0+abc-5", "1.0+abc_5", "1.0+5", "1.0+05", "1.0+0",
    "1.0+00", "1.0+abc.05.def", "1.0+ubuntu.1", "1.0+ubuntu-1", "1.0+1.0", "1.0+a.b.c.1.2.3",
    "1.0+1a", "1.0+a1", "1.0+000abc", "1.0+deb10u1", "1.0.post1+local", "1.0.dev1+local",
    "1.0a1+local", "0.9.0+cu118", "2.1.0+cpu",
    "1.0.0a0", "1.0.0.dev456", "1.0.0b2.post345.dev456", "1.1.dev1", "1.0a12.dev456",
    "1.0.15", "1.2+123abc", "1.2+123abc456", "1.2+abc", "1.2+abc123", "1.2+abc123def",
    "1.2+1234.abc", "1.2+123456", "1.2.r32+123456", "1.2.rev33+123456",
    "\u00a01.0", "1.0\u3000", "\x1c1.0\x1f", "\u20281.0\u2029", "\x0b1.0\x0c", "\u00851.0",
    "1.0\n", "\n1.0\n\n", "1.0.POST1", "1.0-Dev-1", "1.0A", "1.0-R-0", "1.0.0.0.0.0.1",
    "0.0.0.0", "1.0.post01", "1.0a01", "1.0.dev01", "1!0", "000!000",
]

HAND_INVALID = [
    "", " ", "a", "1.0.", ".1.0", "1..0", "1.0-", "1.0+", "1.0+.", "1.0+a..b", "1.0+a_",
    "1.0+_a", "1.0+a b", "1.0 a", "1,0", "1.0a1a1", "1.0.post1.post2", "1.0.dev1.dev2",
    "1.0dev1a1", "1.0.post1a1", "1!", "!1.0", "1!!1.0", "a!1.0", "1.0.*", "1.0-*", "v", "vv1.0",
    "1.0++a", "1.0+a+b", "1.0-a", "1.0gamma1", "1.0_", "1.0-_1", "1.0--1", "1.0a1.post",
    "french toast", "1.0 foo", "1.0+ä", "१.0", "1.0\u00a0x", "-1.0", "1.0_-1", "1.0.x",
    "1.0+local version", "=1.0", "1.0~1", "1.0\u200b", "\u200b1.0", "1.0.post-1", "1.0-post",
    "1.0.-1", "1.0+ä.1", "1.0rc1-1", "1.0\x00",
]

RELEASES = ["0", "1", "1.0", "1.0.0", "2.1", "1.2.3", "1!1.0", "0!0.1", "7!1.2.3.4"]
PRES = ["", "a1", "A1", ".a1", "-a1", "_a1", "alpha1", "b2", "beta2", "c3", "rc3", "pre3",
        "preview3", "rc", "a-2", "b.0"]
POSTS = ["", ".post1", "post1", "-post1", "_post1", ".post", "-1", ".rev2", "r3", ".post.4"]
DEVS = ["", ".dev1", "dev1", "-dev1", "_dev", ".dev.2"]
LOCALS = ["", "+local", "+abc.5", "+5.abc", "+Ubuntu-1_2.3"]


def sweep():
    # A deterministic stride through the cartesian product keeps the list varied but bounded.
    combos = list(itertools.product(RELEASES, PRES, POSTS, DEVS, LOCALS))
    return ["".join(c) for c in combos[::97]]


def version_record(text):
    v = Version(text)
    return {
        "input": text,
        "str": str(v),
        "epoch": v.epoch,
        "release": list(v.release),
        "pre": None if v.pre is None else [v.pre[0], v.pre[1]],
        "post": v.post,
        "dev": v.dev,
        "local": v.local,
        "public": v.public,
        "base_version": v.base_version,
        "is_prerelease": v.is_prerelease,
        "is_postrelease": v.is_postrelease,
        "is_devrelease": v.is_devrelease,
    }


def unique(seq):
    seen = set()
    out = []
    for s in seq:
        if s not in seen:
            seen.add(s)
            out.append(s)
    return out


valid, invalid = [], []
for text in unique(HAND_VALID + sweep() + HAND_INVALID):
    try:
        valid.append(version_record(text))
    except InvalidVersion:
        invalid.append(text)

# ---------------------------------------------------------------------------------------------
# Ordering: one list, sorted by packaging; versions that compare equal share a rank.
# ---------------------------------------------------------------------------------------------
ORDER_INPUT = unique([
    "1.0.dev456", "1.0a1", "1.0a2.dev456", "1.0a12.dev456", "1.0a12", "1.0b1.dev456", "1.0b2",
    "1.0b2.post345.dev456", "1.0b2.post345", "1.0b2-346", "1.0c1.dev456", "1.0c1", "1.0rc2",
    "1.0c3", "1.0", "1.0.post456.dev34", "1.0.post456", "1.1.dev1", "1.2+123abc",
    "1.2+123abc456", "1.2+abc", "1.2+abc123", "1.2+abc123def", "1.2+1234.abc", "1.2+123456",
    "1.2.r32+123456", "1.2.rev33+123456", "1!1.0.dev456", "1!1.0a1", "1!1.0a2.dev456",
    "1!1.0a12.dev456", "1!1.0a12", "1!1.0b1.dev456", "1!1.0b2", "1!1.0b2.post345.dev456",
    "1!1.0b2.post345", "1!1.0b2-346", "1!1.0c1.dev456", "1!1.0c1", "1!1.0rc2", "1!1.0c3",
    "1!1.0", "1!1.0.post456.dev34", "1!1.0.post456", "1!1.1.dev1", "1!1.2+123abc",
    "1!1.2+123abc456", "1!1.2+abc", "1!1.2+abc123", "1!1.2+abc123def", "1!1.2+1234.abc",
    "1!1.2+123456", "1!1.2.r32+123456", "1!1.2.rev33+123456",
    "1.0.dev0", "1.0a0", "1.0.post0.dev0", "1.0.post0", "1.0.0", "1.0.0.0", "1", "1.0+0",
    "1.0+00", "1.0+a", "1.0+A", "1.0+a.0", "1.0+a-1", "1.0+a.1", "1.0+1", "1.0+1.a", "1.0+2",
    "1.0+10", "1.0+9", "1.0+a.b", "1.0+b", "1.0.1", "1.0.1a1", "0.9", "0.9.9.9.9",
    "2024.1", "20241231235959", "1.0.post1+local", "1.0a1+local", "1.0.dev1+local",
    "0!1.0", "2!0.1", "1.0rc1.post1", "1.0rc1.post1.dev1", "1.0rc1.dev1", "1.0a1.post1",
    "1.0b1.post1.dev1", "1.0.post1.dev1", "1.0-1", "1.0.post2", "1.0.post10", "1.0.dev10",
    "1.0.dev2",
])


def cmp(a, b):
    return (a > b) - (a < b)


ordered = sorted(ORDER_INPUT, key=Version)
ranks = []
rank = 0
for i, text in enumerate(ordered):
    if i > 0 and Version(ordered[i - 1]) != Version(text):
        rank += 1
    ranks.append(rank)
ordering = [{"version": t, "rank": r} for t, r in zip(ordered, ranks)]
# Sanity: ranks agree with pairwise comparisons.
for (a, ra), (b, rb) in itertools.product(zip(ordered, ranks), repeat=2):
    assert cmp(Version(a), Version(b)) == cmp(ra, rb), (a, b)

# ---------------------------------------------------------------------------------------------
# Specifiers
# ---------------------------------------------------------------------------------------------
SPEC_SETS = [
    "", "==1.0", "== 1.0", "==1.0.0", "==1", "==1.0+local", "==1.0+LOCAL.5", "==1.0.*",
    "==1.*", "==1.0.0.*", "==2.*", "==1!1.*", "==0!1.0.*", "==1.0a1", "==1.0.dev1", "==1.0.post1",
    "==1.1.*", "!=1.0", "!=1.0.*", "!=1.0+local", "!=1.0.0",
    "!=1.1.*", "<=1.0", "<=1.0a1", "<= 2.0", ">=1.0", ">=1.0.0", ">=1.0a1", ">=1.0.dev0",
    ">=0.9,<1.1", "<1.0", "<1.0a1", "<1.0.post1", "<1.1", "<1!1.0", ">1.0", ">1.0a1",
    ">1.0.post1", ">1.0.dev1", ">0.9", ">1.0rc1", "~=1.0", "~=1.0.0", "~=1.1", "~=1.0a1",
    "~=1.0.post1", "~=1.0.dev1", "~=1!1.0", "~=2.2.post3", "~=1.4.5a4", "~=0.9.1",
    "===1.0", "===1.0.0", "===1.0+local", "===v1.0", "===foobar", ">=1.0,!=1.0.1,<2.0",
    ">=1.0,<2.0,!=1.5.*", ">1.0, <1.0.post2", ">=1.0a1,<1.0", "<2, >=1.0rc1", "==1.0,==1.0.0",
    ">=1.0, <=1.0", "!=1.0,!=1.0.post1", "<1.0.dev1", "<=1.0.post1", ">=1.0.post1",
    "<V1.1", ">= 1!0.5", "==1.0.0+abc", "~=1.0,!=1.0.5", ">=1.0.1", "<1.0a2",
    "~=V1.0", "~=1.0RC1", "~=1.0rc1", "~=1.0.0a1", "==V1.0.*", "==1.0A1", "!=1.0a1", ">1.0",
    "==1.0.0.0.*", "==1.0.1.*", "~=0.9.1.post1", "~=1.0.dev0", "===1.0a1", "=== 1.0", "<=1.0.post0.dev0",
    ">=1.0.post0.dev0", "==0!1.0+local", "!=1.0.post1+local", "\t>=1.0 ", ">=1.0\u00a0",
]

SPEC_VERSIONS = [
    "0.9", "0.9.1", "0.9.9", "1.0.dev0", "1.0.dev1", "1.0a0", "1.0a1", "1.0a1.post1", "1.0a2",
    "1.0b1", "1.0rc1", "1.0rc1.post1", "1.0", "1.0.0", "1.0+local", "1.0+LOCAL.5", "1.0+other",
    "1.0.0+local", "1.0.post0", "1.0.post0.dev0", "1.0.post1", "1.0.post1+local", "1.0.post2",
    "1.0.1", "1.0.1a1", "1.0.5", "1.1", "1.1.dev1", "1.1a1", "1.1.0", "1.1+x", "1.4.5", "1.5",
    "1.5.1", "1.9", "2.0", "2.0a1", "2.2.post3", "2.2.post4", "2.3", "3.0", "1!1.0", "1!1.0a1",
    "1!2.0", "0!1.0",
]

INVALID_SPECS = [
    "1.0", "=1.0", "=>1.0", "==", ">=", "~=1", "~=1.*", "~=1.0.*", ">=1.0.*", "<1.0+local",
    ">=1.0+local", "~=1.0+local", "==1.0.*.*", "==1.0a1.*", "==1.0+local.*", "!=1.0+local.*",
    "== 1.0 foo", "lolwat", ">=1.0,lolwat", ">= 1.0 <2.0", "==1.0.post1.*", "<=1.0.*",
    "~= 1", ">1.0.dev1.post1", "==1.*.0", "=== a b", "==1..0", "!==1.0", "<>1.0", "<1,>",
]

spec_records = []
for text in unique(SPEC_SETS):
    ss = SpecifierSet(text)
    cases = []
    for vtext in SPEC_VERSIONS:
        v = Version(vtext)
        row = {"version": vtext}
        for pre_name, pre in (("none", None), ("true", True), ("false", False)):
            try:
                row[pre_name] = ss.contains(v, prereleases=pre)
            except InvalidVersion:
                row[pre_name] = "InvalidVersion"
        cases.append(row)
    try:
        prereleases = ss.prereleases
    except InvalidVersion:
        prereleases = "InvalidVersion"
    spec_records.append({
        "specifiers": text,
        "str": str(ss),
        "prereleases": prereleases,
        "members": sorted([s.operator, s.version] for s in ss),
        "cases": cases,
    })

invalid_specs = []
for text in unique(INVALID_SPECS):
    try:
        SpecifierSet(text)
    except InvalidSpecifier:
        invalid_specs.append(text)
    else:
        raise AssertionError("expected invalid: " + repr(text))

FILTER_INPUTS = [
    ["1.2", "1.3", "1.5a1"], ["1.2", "1.5a1"], ["1.5a1"], ["1.0.dev1", "1.0a1", "1.0"],
    ["0.9", "1.0a1", "1.0rc1"], ["2.0a1", "2.0b1"], [],
]
FILTER_SPECS = ["", ">=1.2.3", ">=1.0a1", "<1.0", "==1.5a1", "!=1.0", ">=1.0,<2.0", "<2.0", "~=1.0"]
filters = []
for spec in FILTER_SPECS:
    for items in FILTER_INPUTS:
        for pre_name, pre in (("none", None), ("true", True), ("false", False)):
            filters.append({
                "specifiers": spec, "versions": items, "prereleases": pre,
                "result": [str(x) for x in SpecifierSet(spec).filter(items, prereleases=pre)],
            })

with open(OUT, "w", encoding="utf-8", newline="\n") as f:
    json.dump({
        "packaging_version": PACKAGING_VERSION,
        "valid_versions": valid,
        "invalid_versions": invalid,
        "ordering": ordering,
        "specifier_sets": spec_records,
        "invalid_specifiers": invalid_specs,
        "filters": filters,
    }, f, indent=1, ensure_ascii=False)
    f.write("\n")
print(f"wrote {OUT}: {len(valid)} valid, {len(invalid)} invalid versions, {len(ordering)} ordered, "
      f"{len(spec_records)} specifier sets x {len(SPEC_VERSIONS)} versions, {len(invalid_specs)} invalid specifiers, "
      f"{len(filters)} filters")
