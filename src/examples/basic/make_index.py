"""Regenerates the example's local package index (a pip find-links directory of tiny wheels).

    python3 -I src/examples/basic/make_index.py

Standard library only; the output is byte-for-byte reproducible (fixed timestamps), so the
checked-in files only change when this script does. The packages are made up:

- ``tinyjson`` 1.0.0 and 1.1.0: pure-Python ``py3-none-any`` wheels (install anywhere);
- ``fastcalc`` 2.0.0 and 2.1.0: binary wheels for CPython 3.11 only (manylinux x86_64/aarch64,
  macOS arm64, Windows) plus an sdist of 2.1.0, so on Python 3.12 it has no wheel and would
  need a compiler: the situation the plugin exists to catch;
- ``report-kit`` 0.3.0: ``abi3`` wheels (cp38 and newer) depending on ``tinyjson>=1.0``.
"""
import base64
import hashlib
import io
import os
import tarfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "index")
EPOCH = (2024, 1, 1, 0, 0, 0)


def record_line(path, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return "%s,sha256=%s,%d" % (path, digest, len(data))


def wheel(name, version, tag, requires=(), requires_python=None):
    module = name.replace("-", "_")
    dist_info = "%s-%s.dist-info" % (module, version)
    metadata = ["Metadata-Version: 2.1", "Name: " + name, "Version: " + version]
    if requires_python:
        metadata.append("Requires-Python: " + requires_python)
    metadata += ["Requires-Dist: " + r for r in requires]
    files = [
        ("%s/__init__.py" % module, ("__version__ = %r\n" % version).encode()),
        (dist_info + "/METADATA", ("\n".join(metadata) + "\n").encode()),
        (dist_info + "/WHEEL", ("Wheel-Version: 1.0\nGenerator: smvm-example\n"
                                "Root-Is-Purelib: %s\nTag: %s\n"
                                % ("true" if tag.endswith("none-any") else "false", tag)).encode()),
    ]
    record = [record_line(p, d) for p, d in files] + [dist_info + "/RECORD,,"]
    files.append((dist_info + "/RECORD", ("\n".join(record) + "\n").encode()))
    filename = "%s-%s-%s.whl" % (module, version, tag)
    with zipfile.ZipFile(os.path.join(OUT, filename), "w", zipfile.ZIP_DEFLATED) as zf:
        for path, data in files:
            info = zipfile.ZipInfo(path, EPOCH)
            info.external_attr = 0o644 << 16
            zf.writestr(info, data)


def sdist(name, version):
    module = name.replace("-", "_")
    base = "%s-%s" % (module, version)
    pkg_info = ("Metadata-Version: 2.1\nName: %s\nVersion: %s\n" % (name, version)).encode()
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.USTAR_FORMAT) as tf:
        info = tarfile.TarInfo(base + "/PKG-INFO")
        info.size = len(pkg_info)
        info.mtime = 1704067200
        tf.addfile(info, io.BytesIO(pkg_info))
    import gzip
    with open(os.path.join(OUT, base + ".tar.gz"), "wb") as fh:
        with gzip.GzipFile(filename="", mode="wb", fileobj=fh, mtime=0) as gz:
            gz.write(raw.getvalue())


def main():
    if not os.path.isdir(OUT):
        os.makedirs(OUT)
    for old in os.listdir(OUT):
        os.remove(os.path.join(OUT, old))
    for version in ("1.0.0", "1.1.0"):
        wheel("tinyjson", version, "py3-none-any", requires_python=">=3.8")
    for version in ("2.0.0", "2.1.0"):
        for platform in ("manylinux_2_17_x86_64.manylinux2014_x86_64",
                         "manylinux_2_28_aarch64", "macosx_11_0_arm64", "win_amd64"):
            wheel("fastcalc", version, "cp311-cp311-" + platform)
    sdist("fastcalc", "2.1.0")
    for platform in ("manylinux_2_17_x86_64.manylinux2014_x86_64", "macosx_11_0_universal2",
                     "win_amd64"):
        wheel("report-kit", "0.3.0", "cp38-abi3-" + platform, requires=["tinyjson>=1.0"],
              requires_python=">=3.8")


if __name__ == "__main__":
    main()
