"""Generates wheel and sdist filename test vectors from the reference packaging.

Regenerate (from the repository root) with:

    /root/.pyenv/versions/3.13.0/bin/python -I src/test/resources/vectors/generate_dist_vectors.py

The reference is pip 24.2's vendored packaging 24.1 (pip._vendor.packaging.utils
parse_wheel_filename / parse_sdist_filename); only the standard library and that module are used.
Output: src/test/resources/vectors/dist.json
"""
import json
import os

from pip._vendor.packaging import __version__ as PACKAGING_VERSION
from pip._vendor.packaging.utils import (
    InvalidSdistFilename,
    InvalidWheelFilename,
    parse_sdist_filename,
    parse_wheel_filename,
)

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "dist.json")

WHEELS = [
    "foo-1.0-py3-none-any.whl", "Foo_Bar-1.0-py3-none-any.whl", "foo.bar-1.0-py3-none-any.whl",
    "foo_bar-2.0.post1-py2.py3-none-any.whl", "numpy-1.26.4-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
    "numpy-2.0.0-cp310-cp310-macosx_14_0_arm64.whl", "numpy-2.0.0-cp313-cp313t-win_amd64.whl",
    "foo-1.0-1-py3-none-any.whl", "foo-1.0-1abc-py3-none-any.whl", "foo-1.0-123_x-py3-none-any.whl",
    "foo-1.0-007-py3-none-any.whl", "foo-1.0-0-py3-none-any.whl", "foo-1.0-a1-py3-none-any.whl",
    "foo-1.0-_1-py3-none-any.whl", "foo-1.0--py3-none-any.whl", "foo-1.0-99999999999999999999x-py3-none-any.whl",
    "foo-1.0-PY3-NONE-ANY.whl", "foo-1.0-py3-none-any.WHL", "foo-1.0-py3-none-any", "foo-1.0-py3-none-any.zip",
    "foo-1.0-py3-none.whl", "foo-1.0-1-2-py3-none-any.whl", "foo-1.0.whl", "-1.0-py3-none-any.whl",
    "foo__bar-1.0-py3-none-any.whl", "foo.-1.0-py3-none-any.whl", "foo_-1.0-py3-none-any.whl",
    "foo+bar-1.0-py3-none-any.whl", "foo bar-1.0-py3-none-any.whl", "café-1.0-py3-none-any.whl",
    "foo-1.0.0.dev1-py3-none-any.whl", "foo-v1.0-py3-none-any.whl", "foo-1.0+local-py3-none-any.whl",
    "foo-1!2.0-py3-none-any.whl", "foo-1.0_rc1-py3-none-any.whl", "foo-bar-py3-none-any.whl",
    "foo-1.0.*-py3-none-any.whl", "foo-20241231235959-py3-none-any.whl", "foo-1.0-py3-none-any.manylinux1_x86_64.whl",
    "foo-1.0-cp39.cp310-abi3-any.whl", "foo-1.0-cp39-abi3.none-linux_x86_64.whl", "foo-1.0-1-py3-none-any.whl.whl",
    "Foo.Bar_baz-1.0-py3-none-any.whl", "a-0-py3-none-any.whl", "foo-1.0-١٢-py3-none-any.whl",
    "foo-1.0-py3..-none-any.whl", ".whl", "foo-1.0-py3-none-any.tar.gz", "foo-1.0a1.post2.dev3-py3-none-any.whl",
]

SDISTS = [
    "foo-1.0.tar.gz", "foo-1.0.zip", "Foo_Bar-1.0.tar.gz", "foo-bar-1.0.tar.gz", "foo-bar-baz-2.0rc1.zip",
    "foo.tar.gz", "foo-1.0.tgz", "foo-1.0.tar.bz2", "foo-bar.tar.gz", "foo-1.0-1.tar.gz", "-1.0.tar.gz",
    "foo-v1.0.tar.gz", "foo-1.0+local.tar.gz", "foo 1.0.tar.gz", "foo-1!1.0.post1.zip", "foo-.tar.gz",
    "foo-1.0.TAR.GZ", "foo__bar-1.0.tar.gz", "foo_bar.baz-1.0.dev0.tar.gz", "foo-1.0.zip.tar.gz",
]


def tag_strings(tags):
    return sorted(f"{t.interpreter}-{t.abi}-{t.platform}" for t in tags)


wheels = []
for filename in WHEELS:
    try:
        name, version, build, tags = parse_wheel_filename(filename)
    except InvalidWheelFilename as exc:
        wheels.append({"filename": filename, "valid": False, "message": str(exc)})
    else:
        wheels.append({
            "filename": filename, "valid": True, "name": name, "version": str(version),
            "build": None if build == () else [str(build[0]), build[1]], "tags": tag_strings(tags),
        })

sdists = []
for filename in SDISTS:
    try:
        name, version = parse_sdist_filename(filename)
    except InvalidSdistFilename as exc:
        sdists.append({"filename": filename, "valid": False, "message": str(exc)})
    else:
        sdists.append({"filename": filename, "valid": True, "name": name, "version": str(version)})

# Build tags sort like packaging's (number, rest) tuples.
BUILD_TAGS = ["1", "1a", "1b", "2", "10", "10a", "010", "9z", "0", "1_", "1A"]
build_order = sorted(BUILD_TAGS, key=lambda b: parse_wheel_filename(f"foo-1.0-{b}-py3-none-any.whl")[2])

with open(OUT, "w", encoding="utf-8", newline="\n") as f:
    json.dump({
        "packaging_version": PACKAGING_VERSION,
        "wheels": wheels,
        "sdists": sdists,
        "build_tag_order": build_order,
    }, f, indent=1, ensure_ascii=False)
    f.write("\n")
print(f"wrote {OUT}: {len(wheels)} wheel names, {len(sdists)} sdist names")
