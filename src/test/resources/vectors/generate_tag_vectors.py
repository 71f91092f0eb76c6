#!/usr/bin/env python3
"""Generates the PEP 425 tag fixtures used by the io.github.smvm.tags tests.

Regenerate (from the repository root) with:

    /root/.pyenv/versions/3.13.0/bin/python -I src/test/resources/vectors/generate_tag_vectors.py

The expected values come from the ``packaging`` library vendored by pip
(``pip._vendor.packaging``, version 24.1 with pip 24.2). Only the standard library and that
vendored copy are used.

``packaging.tags`` reads the running machine (sysconfig, platform, sys, the ELF header of
sys.executable, the glibc / musl loader). To describe *synthetic* environments we replace those
few probes with fixed values before calling the real functions; everything else (the
ordering and expansion logic under test) is packaging's own code:

* ``_manylinux._get_glibc_version`` -> the glibc version of the synthetic environment.
* ``_manylinux._is_linux_armhf`` / ``_is_linux_i686`` -> True, i.e. the interpreter is a
  hard-float ARM / i386 ELF binary (they are only consulted when armv7l / i686 is in the arch
  list). ``_have_compatible_abi`` itself stays packaging's.
* ``sys.modules["_manylinux"] = None`` so that no optional ``_manylinux`` override module is
  imported (``import _manylinux`` raises ImportError, as on a machine without one).
* ``_musllinux._get_musl_version`` -> the musl version (or None for a glibc system).
* ``tags.sysconfig`` / ``tags.platform`` / ``tags.sys`` / ``tags._get_config_var`` /
  ``tags.EXTENSION_SUFFIXES`` -> small stand-ins answering what ``sys_tags`` asks for.
* ``tags._linux_platforms.__defaults__`` / ``tags._mac_arch.__defaults__`` -> the
  "is this a 32-bit interpreter" default argument.
"""

import json
import os
import sys
import types

import pip._vendor.packaging as packaging
from pip._vendor.packaging import _manylinux, _musllinux, tags

assert packaging.__version__ == "24.1", packaging.__version__

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "tags")

sys.modules["_manylinux"] = None  # no optional _manylinux override module
_manylinux._is_linux_armhf = lambda executable: True
_manylinux._is_linux_i686 = lambda executable: True

_ORIGINAL_LINUX_DEFAULTS = tags._linux_platforms.__defaults__
_ORIGINAL_MAC_ARCH_DEFAULTS = tags._mac_arch.__defaults__


def set_glibc(version):
    _manylinux._get_glibc_version = lambda: tuple(version) if version else (-1, -1)


def set_musl(version):
    _musllinux._get_musl_version = (
        lambda executable: _musllinux._MuslVersion(*version) if version else None
    )


def write(name, data):
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        json.dump(data, f, indent=1)
        f.write("\n")


# --- macOS -----------------------------------------------------------------------------------
MAC_VERSIONS = [(10, m) for m in range(0, 17)] + [(11, 0), (11, 3), (12, 3), (13, 0), (14, 0), (15, 0), (15, 2)]
MAC_ARCHS = ["x86_64", "arm64", "i386", "ppc", "ppc64", "universal2", "intel"]


def mac_vectors():
    cases = []
    for version in MAC_VERSIONS:
        for arch in MAC_ARCHS:
            cases.append({
                "version": list(version),
                "arch": arch,
                "platforms": list(tags.mac_platforms(version, arch)),
            })
    write("mac_platforms.json", cases)


# --- manylinux / musllinux -------------------------------------------------------------------
MANYLINUX_ARCHS = [
    ["x86_64"], ["i686"], ["aarch64"], ["armv8l", "armv7l"], ["armv7l"], ["ppc64le"],
    ["ppc64"], ["s390x"], ["riscv64"], ["loongarch64"], ["armv6l"], ["mips64"],
]
GLIBC_VERSIONS = [(2, 3), (2, 4), (2, 5), (2, 12), (2, 16), (2, 17), (2, 18), (2, 28), (2, 36), (2, 40)]


def manylinux_vectors():
    cases = []
    for archs in MANYLINUX_ARCHS:
        for glibc in GLIBC_VERSIONS:
            set_glibc(glibc)
            cases.append({
                "archs": archs,
                "glibc": list(glibc),
                "platforms": list(_manylinux.platform_tags(archs)),
            })
    write("manylinux.json", cases)


def musllinux_vectors():
    cases = []
    for archs in [["x86_64"], ["aarch64"], ["armv8l", "armv7l"], ["i686"], ["armv6l"]]:
        for musl in [(1, 0), (1, 1), (1, 2), (1, 5)]:
            set_musl(musl)
            cases.append({
                "archs": archs,
                "musl": list(musl),
                "platforms": list(_musllinux.platform_tags(archs)),
            })
    write("musllinux.json", cases)


class _Sysconfig:
    def __init__(self, plat, config):
        self._plat = plat
        self._config = config

    def get_platform(self):
        return self._plat

    def get_config_var(self, name):
        return self._config.get(name)


def linux_vectors():
    cases = []
    combos = [
        ("linux-x86_64", False, (2, 17), None),
        ("linux-x86_64", False, (2, 28), None),
        ("linux-x86_64", True, (2, 28), None),
        ("linux-i686", True, (2, 12), None),
        ("linux-aarch64", False, (2, 31), None),
        ("linux-aarch64", True, (2, 31), None),
        ("linux-armv7l", True, (2, 28), None),
        ("linux-armv8l", True, (2, 28), None),
        ("linux-ppc64le", False, (2, 17), None),
        ("linux-s390x", False, (2, 34), None),
        ("linux-armv6l", True, (2, 28), None),
        ("linux-x86_64", False, None, (1, 2)),
        ("linux-aarch64", False, None, (1, 1)),
        ("linux-aarch64", True, None, (1, 2)),
        ("linux-armv7l", True, None, (1, 2)),
        ("linux-x86_64", False, None, None),
        ("linux-riscv64", False, (2, 39), None),
    ]
    saved = tags.sysconfig
    try:
        for plat, is32, glibc, musl in combos:
            tags.sysconfig = _Sysconfig(plat, {})
            set_glibc(glibc)
            set_musl(musl)
            cases.append({
                "sysconfig_platform": plat,
                "is32bit": is32,
                "glibc": list(glibc) if glibc else None,
                "musl": list(musl) if musl else None,
                "platforms": list(tags._linux_platforms(is32)),
            })
    finally:
        tags.sysconfig = saved
    write("linux_platforms.json", cases)


# --- CPython ABIs and tags -------------------------------------------------------------------
def config_for_flags(flags, extra=None):
    """The sysconfig variables of a CPython build with the given sys.abiflags-style letters:
    d = Py_DEBUG, t = Py_GIL_DISABLED, m = WITH_PYMALLOC, u = Py_UNICODE_SIZE 4."""
    config = {
        "Py_DEBUG": 1 if "d" in flags else 0,
        "Py_GIL_DISABLED": 1 if "t" in flags else 0,
        "WITH_PYMALLOC": 1 if "m" in flags else 0,
        "Py_UNICODE_SIZE": 4 if "u" in flags else 2,
    }
    config.update(extra or {})
    return config


def patch_config(config):
    tags._get_config_var = lambda name, warn=False: config.get(name)


def cpython_abi_vectors():
    cases = []
    for version in [(3, 2), (3, 7), (3, 8), (3, 12), (3, 13), (3, 14)]:
        for flags in ["", "m", "d", "dm", "t", "td", "u", "dmu"]:
            patch_config(config_for_flags(flags))
            cases.append({
                "version": list(version),
                "abiflags": flags,
                "abis": tags._cpython_abis(version),
            })
    write("cpython_abis.json", cases)


LINUX_X86_64_SHORT = ["manylinux_2_17_x86_64", "manylinux2014_x86_64", "linux_x86_64"]


def cpython_tags_vectors():
    cases = []
    inputs = [((3, 7), ["cp37m"]), ((3, 7), ["cp37dm"])]
    inputs += [((3, m), [f"cp3{m}"]) for m in range(8, 15)]
    inputs += [((3, 13), ["cp313t"]), ((3, 14), ["cp314t"]), ((3, 12), ["cp312d", "cp312"]),
               ((3, 13), ["cp313td", "cp313t"]), ((3, 2), ["cp32mu"]), ((3, 12), ["cp312", "abi3", "none"])]
    for version, abis in inputs:
        for platforms in [["any"], LINUX_X86_64_SHORT, ["win_amd64"]]:
            cases.append({
                "version": list(version),
                "abis": abis,
                "platforms": platforms,
                "tags": [str(t) for t in tags.cpython_tags(version, abis, platforms)],
            })
    write("cpython_tags.json", cases)


def generic_vectors():
    cases = []
    for interpreter, abis in [("pp310", ["pypy310_pp73"]), ("pp39", ["pypy39_pp73"]),
                              ("graalpy311", ["graalpy240_311_native"]), ("ip27", []),
                              ("pp310", ["pypy310_pp73", "none"])]:
        for platforms in [LINUX_X86_64_SHORT, ["macosx_14_0_arm64", "macosx_14_0_universal2"]]:
            cases.append({
                "interpreter": interpreter,
                "abis": abis,
                "platforms": platforms,
                "tags": [str(t) for t in tags.generic_tags(interpreter, list(abis), platforms)],
            })
    write("generic_tags.json", cases)

    abi_cases = []
    for ext_suffix in [".cpython-310-x86_64-linux-gnu.so", ".cpython-310-darwin.so", ".cp310-win_amd64.pyd",
                       ".pypy38-pp73-x86_64-linux-gnu.so", ".pypy310-pp73-win_amd64.pyd",
                       ".graalpy-38-native-x86_64-darwin.dylib", ".graalpy240-311-native-x86_64-linux.so",
                       ".pyston-23-x86_64-linux-gnu.so", ".so"]:
        patch_config({"EXT_SUFFIX": ext_suffix})
        if len(ext_suffix.split(".")) < 3:
            continue  # packaging falls back to _cpython_abis of the running interpreter
        abi_cases.append({"ext_suffix": ext_suffix, "abis": tags._generic_abi()})
    write("generic_abi.json", abi_cases)


def compatible_vectors():
    cases = []
    for version in [(3,), (2, 7), (3, 0), (3, 7), (3, 10), (3, 12), (3, 13), (3, 14)]:
        for interpreter in [None, "cp" + "".join(map(str, version)), "pp3"]:
            for platforms in [["any"], LINUX_X86_64_SHORT, ["win32"]]:
                cases.append({
                    "version": list(version),
                    "interpreter": interpreter,
                    "platforms": platforms,
                    "tags": [str(t) for t in tags.compatible_tags(version, interpreter, platforms)],
                })
    write("compatible_tags.json", cases)


# --- full sys_tags for synthetic environments --------------------------------------------------
class _Platform:
    def __init__(self, system, mac_version, mac_machine):
        self._system = system
        self._mac_version = mac_version
        self._mac_machine = mac_machine

    def system(self):
        return self._system

    def mac_ver(self):
        return self._mac_version or "", ("", "", ""), self._mac_machine or ""


ENVIRONMENTS = [
    # name, target id (or None), implementation, version, abiflags, ext_suffix, system,
    # sysconfig platform, is32bit, glibc, musl, mac version, mac machine
    ("cp312 linux x86_64 glibc 2.17", "cp312-manylinux_2_17_x86_64", "cpython", (3, 12), "",
     ".cpython-312-x86_64-linux-gnu.so", "Linux", "linux-x86_64", False, (2, 17), None, None, None),
    ("cp312 linux x86_64 glibc 2.28", "cp312-manylinux_2_28_x86_64", "cpython", (3, 12), "",
     ".cpython-312-x86_64-linux-gnu.so", "Linux", "linux-x86_64", False, (2, 28), None, None, None),
    ("cp313 linux x86_64 glibc 2.36", "cp313-manylinux_2_36_x86_64", "cpython", (3, 13), "",
     ".cpython-313-x86_64-linux-gnu.so", "Linux", "linux-x86_64", False, (2, 36), None, None, None),
    ("cp313t linux x86_64 glibc 2.28", "cp313t-manylinux_2_28_x86_64", "cpython", (3, 13), "t",
     ".cpython-313t-x86_64-linux-gnu.so", "Linux", "linux-x86_64", False, (2, 28), None, None, None),
    ("cp311 linux aarch64 glibc 2.31", "cp311-manylinux_2_31_aarch64", "cpython", (3, 11), "",
     ".cpython-311-aarch64-linux-gnu.so", "Linux", "linux-aarch64", False, (2, 31), None, None, None),
    ("cp37m linux x86_64 glibc 2.17", "cp37-manylinux2014_x86_64", "cpython", (3, 7), "m",
     ".cpython-37m-x86_64-linux-gnu.so", "Linux", "linux-x86_64", False, (2, 17), None, None, None),
    ("cp312d linux x86_64 glibc 2.28 debug", None, "cpython", (3, 12), "d",
     ".cpython-312d-x86_64-linux-gnu.so", "Linux", "linux-x86_64", False, (2, 28), None, None, None),
    ("cp312 32-bit on linux x86_64 glibc 2.28", None, "cpython", (3, 12), "",
     ".cpython-312-i386-linux-gnu.so", "Linux", "linux-x86_64", True, (2, 28), None, None, None),
    ("cp312 32-bit on linux aarch64 glibc 2.28", None, "cpython", (3, 12), "",
     ".cpython-312-arm-linux-gnueabihf.so", "Linux", "linux-aarch64", True, (2, 28), None, None, None),
    ("cp313 linux x86_64 musl 1.2", "cp313-musllinux_1_2_x86_64", "cpython", (3, 13), "",
     ".cpython-313-x86_64-linux-musl.so", "Linux", "linux-x86_64", False, None, (1, 2), None, None),
    ("cp313 linux aarch64 musl 1.2", "cp313-musllinux_1_2_aarch64", "cpython", (3, 13), "",
     ".cpython-313-aarch64-linux-musl.so", "Linux", "linux-aarch64", False, None, (1, 2), None, None),
    ("cp312 linux x86_64 no libc", "cp312-linux_x86_64", "cpython", (3, 12), "",
     ".cpython-312-x86_64-linux-gnu.so", "Linux", "linux-x86_64", False, None, None, None, None),
    ("cp311 macOS 14 arm64", "cp311-macosx_14_0_arm64", "cpython", (3, 11), "",
     ".cpython-311-darwin.so", "Darwin", "macosx-11.0-arm64", False, None, None, "14.0", "arm64"),
    ("cp312 macOS 10.15 x86_64", "cp312-macosx_10_15_x86_64", "cpython", (3, 12), "",
     ".cpython-312-darwin.so", "Darwin", "macosx-10.9-x86_64", False, None, None, "10.15", "x86_64"),
    ("cp312 macOS 13 x86_64", "cp312-macosx_13_0_x86_64", "cpython", (3, 12), "",
     ".cpython-312-darwin.so", "Darwin", "macosx-10.9-universal2", False, None, None, "13.0", "x86_64"),
    ("cp312 macOS 14 universal2", "cp312-macosx_14_0_universal2", "cpython", (3, 12), "",
     ".cpython-312-darwin.so", "Darwin", "macosx-10.9-universal2", False, None, None, "14.0", "universal2"),
    ("cp312 win_amd64", "cp312-win_amd64", "cpython", (3, 12), "",
     ".cp312-win_amd64.pyd", "Windows", "win-amd64", False, None, None, None, None),
    ("cp312 win32", "cp312-win32", "cpython", (3, 12), "",
     ".cp312-win32.pyd", "Windows", "win32", True, None, None, None, None),
    ("cp313 win_arm64", "cp313-win_arm64", "cpython", (3, 13), "",
     ".cp313-win_arm64.pyd", "Windows", "win-arm64", False, None, None, None, None),
    ("pp310 linux x86_64 glibc 2.28", "pp310-manylinux_2_28_x86_64", "pypy", (3, 10), "",
     ".pypy310-pp73-x86_64-linux-gnu.so", "Linux", "linux-x86_64", False, (2, 28), None, None, None),
    ("pp310 win_amd64", "pp310-win_amd64", "pypy", (3, 10), "",
     ".pypy310-pp73-win_amd64.pyd", "Windows", "win-amd64", False, None, None, None, None),
    ("graalpy311 linux x86_64 glibc 2.35", None, "graalpy", (3, 11), "",
     ".graalpy240-311-native-x86_64-linux.so", "Linux", "linux-x86_64", False, (2, 35), None, None, None),
    ("cp312 freebsd", None, "cpython", (3, 12), "",
     ".cpython-312.so", "FreeBSD", "freebsd-14.1-RELEASE-amd64", False, None, None, None, None),
]


def sys_tags_vectors():
    saved = (tags.sysconfig, tags.platform, tags.sys, tags._get_config_var, tags.EXTENSION_SUFFIXES)
    cases = []
    try:
        for (name, target, impl, version, flags, ext_suffix, system, plat, is32, glibc, musl,
             mac_version, mac_machine) in ENVIRONMENTS:
            config = config_for_flags(flags, {
                "py_version_nodot": "".join(map(str, version)),
                "EXT_SUFFIX": ext_suffix,
            })
            tags.sysconfig = _Sysconfig(plat, config)
            tags.platform = _Platform(system, mac_version, mac_machine)
            tags.sys = types.SimpleNamespace(
                version_info=version + (0, "final", 0),
                implementation=types.SimpleNamespace(name=impl),
                maxunicode=0x10FFFF,
                executable=sys.executable,
            )
            tags._get_config_var = lambda name, warn=False, config=config: config.get(name)
            tags.EXTENSION_SUFFIXES = [ext_suffix, ".abi3.so", ".so"]
            tags._linux_platforms.__defaults__ = (is32,)
            tags._mac_arch.__defaults__ = (is32,)
            set_glibc(glibc)
            set_musl(musl)
            cases.append({
                "name": name,
                "target_id": target,
                "implementation": impl,
                "version": list(version),
                "abiflags": flags,
                "ext_suffix": ext_suffix,
                "system": system,
                "sysconfig_platform": plat,
                "is32bit": is32,
                "glibc": list(glibc) if glibc else None,
                "musl": list(musl) if musl else None,
                "mac_version": mac_version,
                "mac_machine": mac_machine,
                "tags": [str(t) for t in tags.sys_tags()],
            })
    finally:
        (tags.sysconfig, tags.platform, tags.sys, tags._get_config_var, tags.EXTENSION_SUFFIXES) = saved
        tags._linux_platforms.__defaults__ = _ORIGINAL_LINUX_DEFAULTS
        tags._mac_arch.__defaults__ = _ORIGINAL_MAC_ARCH_DEFAULTS
    write("sys_tags.json", cases)


def main():
    mac_vectors()
    manylinux_vectors()
    musllinux_vectors()
    linux_vectors()
    cpython_abi_vectors()
    cpython_tags_vectors()
    generic_vectors()
    compatible_vectors()
    sys_tags_vectors()


if __name__ == "__main__":
    main()
