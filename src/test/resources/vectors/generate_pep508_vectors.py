"""Generates PEP 508 test vectors (names, requirements, markers) from the reference packaging.

Regenerate (from the repository root) with:

    /root/.pyenv/versions/3.13.0/bin/python -I src/test/resources/vectors/generate_pep508_vectors.py

The reference is pip 24.2's vendored packaging 24.1 (pip._vendor.packaging); only the standard
library and that module are used. Output: src/test/resources/vectors/pep508.json
"""
import json
import os
import warnings

from pip._vendor.packaging import __version__ as PACKAGING_VERSION
from pip._vendor.packaging.markers import InvalidMarker, Marker
from pip._vendor.packaging.requirements import InvalidRequirement, Requirement
from pip._vendor.packaging.utils import InvalidName, canonicalize_name, is_normalized_name

# '\q' in a marker string is an invalid escape: Python keeps it and warns; silence the warning.
warnings.simplefilter("ignore", SyntaxWarning)

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pep508.json")

NAMES = [
    "requests", "Requests", "Django_REST.framework", "zope.interface", "foo--bar", "foo__bar",
    "foo-_.-bar", "a", "A", "1", "a1", "foo.", ".foo", "-foo", "foo-", "_foo", "foo_", "foo bar",
    "foo!", "", "ruamel.yaml.clib", "typing-extensions", "Typing_Extensions", "pip", "PIP",
    "x-", "0-0", "a.b_c-d", "café", "foo\tbar", "A-B-C", "a..b", "a__b",
]


def name_record(name):
    try:
        canonicalize_name(name, validate=True)
        valid = True
    except InvalidName:
        valid = False
    norm = canonicalize_name(name)
    return {"name": name, "valid": valid, "normalized": norm, "is_normalized": is_normalized_name(name)}


REQUIREMENTS = [
    "requests", "requests>=2.0", "requests >= 2.0", "requests (>=2.0)", "requests ( >= 2.0 , < 3 )",
    "requests>=2.0,<3", "requests >=2.0, <3, !=2.5.*", "requests[security]",
    "requests[security,socks]>=2.8.1", "requests[ socks , security ] >= 2.8.1",
    "name[extra1, extra2] >= 1.0 ; python_version < \"3.11\"",
    "name[Extra_One,extra-one]", "Foo_Bar.baz==1.0", "foo==1.0+local", "foo!=1.0.*",
    "foo~=1.4.2", "foo===1.0.0-weird", "foo===anything", "foo<1.0a1", "foo>1.0.post1",
    "foo @ https://example.com/foo-1.0.tar.gz",
    "foo@https://example.com/foo-1.0.tar.gz",
    "foo @ file:///tmp/foo.whl ; python_version >= '3.8'",
    "foo[bar] @ git+https://github.com/x/foo.git@v1.0#egg=foo",
    "foo @ https://example.com/x;python_version>'3'",
    "foo @ https://example.com/x ",
    "foo; python_version > '3.9'", "foo ;os_name=='nt'", "foo>=1;sys_platform=='win32'",
    "foo (>=1.0) ; python_version<'3.12' and platform_system!='Windows'",
    "foo; extra == 'Security_Test'", "foo; extra == \"security.test\" or extra=='dev'",
    "foo; python_version>'3.6' and extra == 'X_Y'", "foo; (extra == 'A_B')",
    "foo; os.name == 'posix'", "foo; platform.python_implementation == 'CPython'",
    "foo; python_implementation == 'CPython'", "foo; sys.platform=='linux'",
    "foo; 'linux' in sys_platform", "foo; sys_platform not in 'win32 cygwin'",
    "foo; (python_version < '3.8' or python_version >= '3.10') and os_name == 'posix'",
    "foo; ((python_version < '3.8'))", "foo; ((os_name == 'a' or os_name == 'b')) and os_name == 'c'",
    "  foo  ", "foo\n", "foo >= 1.0 ; python_version < '3.11' ", "foo[]", "foo[ ]", "foo()",
    "foo==1.0,", "foo>=1.0 , <2", "a.b-c_d", "foo-bar[baz]", "foo ; python_full_version == '3.11.4'",
    "foo; implementation_name == 'cpython' and implementation_version >= '3.11'",
    "foo; platform_machine in 'x86_64 aarch64'", "foo; platform_release >= '5.0'",
    "foo; platform_version == '#1 SMP'", "foo; os_name == \"it's\"", "foo; os_name == 'say \"hi\"'",
    "foo; python_version ~= '3.9'", "foo; python_version === '3.9'", "foo; '3.9' < python_version",
    "foo; python_version == '3.*'", "foo; python_version == '3.11.*'",
    "foo>=1.0RC1", "foo>=1.0.0a1.post1.dev1", "foo==1.0.*,!=1.0.1", "foo[a,b,a]", "foo[B,a]",
    "foo\t>=1.0\t;\tos_name=='nt'", "foo; os_name == '\\N{LATIN SMALL LETTER A}'",
    "foo; os_name == '\\u0070osix'", "foo; os_name == 'a\\qb'", "foo; os_name=='a'and os_name=='b'",
    "foo; os_name=='a'or(os_name=='b')", "foo==1.0.0+Local.1", "foo===1.0;os_name=='nt'",
    "foo===1.0 ; os_name=='nt'", "foo (===x)", "foo[extra]@ http://x", "foo; os_name  not  in 'a'",
    "foo==V1.0", "foo>=1.0a1", "foo<=1.0.dev1", "foo=== ", "foo===",
]

INVALID_REQUIREMENTS = [
    "", " ", "=foo", "foo bar", "foo>=", "foo>=1.0.*", "foo<1.0+local", "foo==1.0 and", "foo[bar",
    "foo[bar baz]", "foo[bar,]", "foo(>=1.0", "foo (>=1.0))", "foo @", "foo @ ", "foo @ url bar",
    "foo @ https://x ;", "foo; ", "foo; os_name", "foo; os_name ==", "foo; os_name == 'a' and",
    "foo; os_name = 'a'", "foo; (os_name == 'a'", "foo; os_name not 'a'", "foo; os_name notin 'a'",
    "foo; unknown == 'a'", "foo; os_name == a", "foo; os_name == 'a' or or", "foo>=1.0 foo",
    "foo; os_name == 'a' extra", "-foo", "foo-", "foo!", "foo[bar]]", "foo~=1",
    "foo; python_version >= '3' )", "foo;;", "fooé", "foo[baré]", "foo; os_nameé == 'a'",
    "foo; extra==é", "foo[bar]é", "foo (>=1.0", "foo; os_name in'a' not",
    "foo>=1.0+local", "foo~=1.0.*", "foo<=1.0.*", "foo==1.0+local.*", "foo@", "foo[bar] @", "foo[-bar]", "foo>=1.0,,<2", "foo==1.0.*.*",
]

ENVIRONMENTS = {
    "linux-cp311": {
        "implementation_name": "cpython", "implementation_version": "3.11.4", "os_name": "posix",
        "platform_machine": "x86_64", "platform_release": "6.1.0", "platform_system": "Linux",
        "platform_version": "#1 SMP", "python_full_version": "3.11.4",
        "platform_python_implementation": "CPython", "python_version": "3.11", "sys_platform": "linux",
    },
    "windows-cp38": {
        "implementation_name": "cpython", "implementation_version": "3.8.10", "os_name": "nt",
        "platform_machine": "AMD64", "platform_release": "10", "platform_system": "Windows",
        "platform_version": "10.0.19045", "python_full_version": "3.8.10",
        "platform_python_implementation": "CPython", "python_version": "3.8", "sys_platform": "win32",
    },
    "macos-cp310": {
        "implementation_name": "cpython", "implementation_version": "3.10.0", "os_name": "posix",
        "platform_machine": "arm64", "platform_release": "23.1.0", "platform_system": "Darwin",
        "platform_version": "Darwin Kernel Version 23.1.0", "python_full_version": "3.10.0",
        "platform_python_implementation": "CPython", "python_version": "3.10", "sys_platform": "darwin",
    },
    "linux-pypy39-odd-release": {
        "implementation_name": "pypy", "implementation_version": "7.3.11", "os_name": "posix",
        "platform_machine": "aarch64", "platform_release": "5.15.0-91-generic", "platform_system": "Linux",
        "platform_version": "#101-Ubuntu SMP", "python_full_version": "3.9.16",
        "platform_python_implementation": "PyPy", "python_version": "3.9", "sys_platform": "linux",
    },
    "cp313-prerelease": {
        "implementation_name": "cpython", "implementation_version": "3.13.0rc1", "os_name": "posix",
        "platform_machine": "x86_64", "platform_release": "6.8", "platform_system": "Linux",
        "platform_version": "#1", "python_full_version": "3.13.0rc1",
        "platform_python_implementation": "CPython", "python_version": "3.13", "sys_platform": "linux",
    },
}

EXTRAS = [None, "security_test", "Security.Test", "dev", "a-b"]

MARKERS = [
    'python_version > "3.9"', 'python_version >= "3.10"', 'python_version < "3.10"',
    'python_version <= "3.8"', 'python_version == "3.8"', 'python_version != "3.8"',
    'python_version ~= "3.9"', 'python_version === "3.10"', 'python_version == "3.*"',
    'python_version == "3.1*"', 'python_full_version >= "3.11.0"', 'python_full_version < "3.13"',
    'python_full_version >= "3.13.0rc1"', 'python_full_version == "3.13.0rc1"',
    'python_full_version ~= "3.9.2"', '"3.9" < python_version', '"3.10" >= python_version',
    'os_name == "nt"', 'os_name != "nt"', 'os_name < "p"', 'os_name > "nt"', "os_name == 'posix'",
    'sys_platform == "win32"', 'sys_platform in "linux darwin"', '"lin" in sys_platform',
    'sys_platform not in "win32 cygwin"', '"win" not in sys_platform', 'platform_machine == "x86_64"',
    'platform_machine in "x86_64 AMD64"', 'platform_system == "Linux"', 'platform_system != "Windows"',
    'platform_release >= "6"', 'platform_release < "20"', 'platform_version == "#1 SMP"',
    'platform_python_implementation == "CPython"', 'python_implementation == "PyPy"',
    'platform.python_implementation == "PyPy"', 'os.name == "posix"', 'sys.platform == "linux"',
    'platform.machine == "arm64"', 'platform.version == "#1"', 'implementation_name == "pypy"',
    'implementation_version >= "3.10"', 'implementation_version < "7"',
    'extra == "security_test"', 'extra == "Security_Test"', 'extra == "security.test"',
    '"Security_Test" == extra', 'extra != "dev"', 'extra == "dev" or extra == "a_b"',
    'extra in "security_test dev"', 'extra == "A.B"',
    'os_name == "posix" and python_version >= "3.10"', 'os_name == "nt" or python_version < "3.10"',
    'os_name == "nt" or os_name == "posix" and python_version < "3.10"',
    '(os_name == "nt" or os_name == "posix") and python_version < "3.10"',
    'os_name == "posix" and (python_version < "3.9" or sys_platform == "darwin")',
    '((os_name == "posix"))', '((os_name == "a" or os_name == "posix")) and python_version < "3.10"',
    'python_version < "3.9" and extra == "Dev"', 'extra == "Dev" and python_version < "3.9"',
    '(extra == "Dev")', 'python_version>"3.9"and os_name=="posix"', '  os_name == "posix"  ',
    'os_name=="posix"or(python_version<"3")', "os_name == 'a\"b'", 'os_name == "it\'s"',
    'os_name == "\\x70osix"', 'python_version > "3.9.*"', 'python_version < "3.10.0rc1"',
    'python_version == "3.10.0"', 'python_version != "3.10.0"', 'python_version > "a"',
    'os_name ~= "posix"', 'os_name === "posix"', 'platform_release >= "5.0"',
    'platform_version == "10.0.19045"', 'extra == os_name', 'os_name == sys_platform',
    '"posix" == "os_name"', 'python_version in "3.10 3.11"', 'python_version not in "3.8"',
    'python_full_version > "3.13"', 'python_full_version >= "3.13"', 'python_version == "3.11+local"',
    'implementation_version == "3.13.0rc1"', 'platform_release == "10"',
]

INVALID_MARKERS = [
    "", "os_name", "os_name ==", 'os_name == "a" and', 'os_name = "a"', 'os_name == "a" )',
    '(os_name == "a"', 'unknown == "a"', 'os_name == a', 'os_name not "a"', 'os_name notin "a"',
    'os_name == "a" xor os_name == "b"', 'os_name == "a";', "platform.release == '1'",
    'python_versionx == "1"', '"a" "b"', 'os_name == "a" and and os_name == "b"',
    'os_name == "unterminated', "os_name == 'a' or", "() ", 'os_name in', 'extra',
]


def error_record(exc):
    cause = exc.__cause__
    return {"message": cause.message, "span": list(cause.span), "str": str(exc)}


def marker_evaluations(marker):
    out = []
    for env_name, env in ENVIRONMENTS.items():
        for extra in EXTRAS:
            e = dict(env)
            if extra is not None:
                e["extra"] = extra
            try:
                result = marker.evaluate(e)
            except Exception as exc:  # noqa: BLE001 - the exception type is the expectation
                result = type(exc).__name__
            out.append({"environment": env_name, "extra": extra, "result": result})
    return out


requirements = []
for text in REQUIREMENTS:
    r = Requirement(text)
    requirements.append({
        "input": text, "name": r.name, "extras": sorted(r.extras), "specifier": str(r.specifier),
        "url": r.url, "marker": None if r.marker is None else str(r.marker), "str": str(r),
    })

invalid_requirements = []
for text in INVALID_REQUIREMENTS:
    try:
        Requirement(text)
    except InvalidRequirement as exc:
        rec = error_record(exc)
        rec["input"] = text
        invalid_requirements.append(rec)
    else:
        raise AssertionError("expected invalid: " + repr(text))

markers = []
for text in MARKERS:
    m = Marker(text)
    markers.append({"input": text, "str": str(m), "evaluations": marker_evaluations(m)})

invalid_markers = []
for text in INVALID_MARKERS:
    try:
        Marker(text)
    except InvalidMarker as exc:
        rec = error_record(exc)
        rec["input"] = text
        invalid_markers.append(rec)
    else:
        raise AssertionError("expected invalid: " + repr(text))

with open(OUT, "w", encoding="utf-8", newline="\n") as f:
    json.dump({
        "packaging_version": PACKAGING_VERSION,
        "names": [name_record(n) for n in NAMES],
        "environments": ENVIRONMENTS,
        "requirements": requirements,
        "invalid_requirements": invalid_requirements,
        "markers": markers,
        "invalid_markers": invalid_markers,
    }, f, indent=1, ensure_ascii=False)
    f.write("\n")
print(f"wrote {OUT}: {len(NAMES)} names, {len(requirements)} requirements, "
      f"{len(invalid_requirements)} invalid requirements, {len(markers)} markers x "
      f"{len(ENVIRONMENTS) * len(EXTRAS)} evaluations, {len(invalid_markers)} invalid markers")
