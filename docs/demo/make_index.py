"""The made-up package index behind docs/wheel-health.png, at one stage of a story:

    python3 -I docs/demo/make_index.py STAGE     (STAGE 0..3; writes docs/demo/index, a find-links directory)

Stage 0: fastcalc and legacy-parser are published as sdists only and dbdriver has no Windows wheel
(neither interpreter is healthy); stage 1: fastcalc publishes cp311 x86_64 wheels; stage 2: cp311
aarch64 and Windows wheels, a legacy-parser wheel and dbdriver's Windows wheel (the 3.11 fallback is
healthy); stage 3: geokit adds cp312 wheels. Some misses stay to the end: cp312 builds of fastcalc
(and of fastcore, which webapp pulls in through modelkit), report-kit beyond Linux, geokit on macOS,
imgtool 2.0 (sdist only; 1.9 has a wheel). docs/demo/run.sh runs smvm:assess twice
per stage, so the history holds eight runs, and takes the screenshot. Standard library only.
"""
import base64
import gzip
import hashlib
import io
import os
import sys
import tarfile
import zipfile

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "index")
EPOCH = (2024, 1, 1, 0, 0, 0)
LINUX = ("manylinux_2_17_x86_64.manylinux2014_x86_64", "manylinux_2_17_aarch64.manylinux2014_aarch64")


def wheel(name, version, tag, requires=()):
    module = name.replace("-", "_")
    dist_info = "%s-%s.dist-info" % (module, version)
    metadata = ["Metadata-Version: 2.1", "Name: " + name, "Version: " + version]
    metadata += ["Requires-Dist: " + r for r in requires]
    files = [("%s/__init__.py" % module, b""),
             (dist_info + "/METADATA", ("\n".join(metadata) + "\n").encode()),
             (dist_info + "/WHEEL", ("Wheel-Version: 1.0\nGenerator: smvm-demo\nRoot-Is-Purelib: true\nTag: %s\n"
                                     % tag).encode())]
    record = []
    for path, data in files:
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        record.append("%s,sha256=%s,%d" % (path, digest, len(data)))
    files.append((dist_info + "/RECORD", ("\n".join(record + [dist_info + "/RECORD,,"]) + "\n").encode()))
    with zipfile.ZipFile(os.path.join(OUT, "%s-%s-%s.whl" % (module, version, tag)), "w") as zf:
        for path, data in files:
            zf.writestr(zipfile.ZipInfo(path, EPOCH), data)


def sdist(name, version):
    base = "%s-%s" % (name.replace("-", "_"), version)
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.USTAR_FORMAT) as tf:
        data = ("Metadata-Version: 2.1\nName: %s\nVersion: %s\n" % (name, version)).encode()
        info = tarfile.TarInfo(base + "/PKG-INFO")
        info.size = len(data)
        tf.addfile(info, io.BytesIO(data))
    with open(os.path.join(OUT, base + ".tar.gz"), "wb") as fh:
        with gzip.GzipFile(filename="", mode="wb", fileobj=fh, mtime=0) as gz:
            gz.write(raw.getvalue())


def main(stage):
    os.makedirs(OUT, exist_ok=True)
    for old in os.listdir(OUT):
        os.remove(os.path.join(OUT, old))
    wheel("tinyjson", "1.1.0", "py3-none-any")
    wheel("typed-config", "2.4.1", "py3-none-any", requires=["tinyjson>=1.0"])
    for platform in LINUX:
        wheel("report-kit", "0.3.2", "cp38-abi3-" + platform, requires=["tinyjson>=1.0"])
    sdist("fastcalc", "2.1.0")
    if stage >= 1:
        wheel("fastcalc", "2.1.0", "cp311-cp311-" + LINUX[0])
    if stage >= 2:
        wheel("fastcalc", "2.1.0", "cp311-cp311-" + LINUX[1])
        wheel("fastcalc", "2.1.0", "cp311-cp311-win_amd64")
    wheel("webapp", "1.4.0", "py3-none-any", requires=["modelkit>=1.2"])
    wheel("modelkit", "1.2.3", "py3-none-any", requires=["fastcore>=0.9"])
    for platform in LINUX + ("win_amd64", "macosx_11_0_arm64"):
        wheel("fastcore", "0.9.1", "cp311-cp311-" + platform)
    pythons = ("cp310", "cp311") + (("cp312",) if stage >= 3 else ())
    for py in pythons:
        for platform in LINUX + ("win_amd64",):
            wheel("geokit", "3.1.0", "%s-%s-%s" % (py, py, platform))
    wheel("imgtool", "1.9.0", "py3-none-any")
    sdist("imgtool", "2.0.0")
    sdist("legacy-parser", "0.8.2")
    if stage >= 2:
        wheel("legacy-parser", "0.8.2", "py3-none-any")
    for platform in ("win32", "win_amd64"):
        wheel("winreg-helper", "1.0.3", "py3-none-" + platform)
    for platform in ("manylinux_2_28_x86_64", "manylinux_2_28_aarch64", "macosx_11_0_arm64") \
            + (("win_amd64",) if stage >= 2 else ()):
        wheel("dbdriver", "4.2.1", "cp38-abi3-" + platform)


if __name__ == "__main__":
    main(int(sys.argv[1]))
