# Shipped with smvm-maven-plugin: imports every top-level module of every distribution installed in
# this environment (except the installer's own), plus the modules named on the command line, and
# prints one JSON document. Standard library only; Python 3.8+. Always exits 0 once it has started:
# failures are data in the document.
import json
import sys
import traceback

SEED = {"pip", "setuptools", "wheel", "distribute"}
SEED_MODULES = {"pip", "setuptools", "pkg_resources", "_distutils_hack", "wheel", "distutils-precedence"}


def normalize(name):
    import re
    return re.sub(r"[-_.]+", "-", name).lower()


def top_levels(dist):
    text = dist.read_text("top_level.txt")
    names = []
    if text:
        names = [line.strip() for line in text.splitlines() if line.strip()]
    else:
        for f in dist.files or []:
            parts = f.parts
            if not parts:
                continue
            first = parts[0]
            if first in ("..", "__pycache__") or first.endswith((".dist-info", ".egg-info", ".data", ".pth")):
                continue
            if len(parts) == 1:
                if first.endswith(".py"):
                    names.append(first[:-3])
                elif first.endswith((".so", ".pyd")):
                    names.append(first.split(".")[0])
            else:
                names.append(first)
    result = []
    for name in names:
        name = name.replace("/", ".")
        if name and all(p.isidentifier() for p in name.split(".")) and name not in SEED_MODULES and name not in result:
            result.append(name)
    return result


def main():
    # a module may print while it is imported: keep stdout for the document alone
    real_stdout = sys.stdout
    sys.stdout = sys.stderr
    out = {"python": ".".join(str(p) for p in sys.version_info[:3]), "distributions": [], "imports": []}
    try:
        import importlib.metadata as metadata
    except ImportError:
        out["error"] = "import verification needs Python 3.8 or newer (importlib.metadata)"
        real_stdout.write(json.dumps(out))
        return
    modules = []
    seen = set()
    for dist in metadata.distributions():
        name = dist.metadata["Name"] or ""
        if normalize(name) in SEED or normalize(name) in seen:
            continue
        seen.add(normalize(name))
        tops = top_levels(dist)
        out["distributions"].append({"name": name, "version": dist.version, "modules": tops})
        modules.extend((m, name) for m in tops)
    modules.extend((m, None) for m in sys.argv[1:])
    import importlib
    done = set()
    for module, dist in modules:
        if module in done:
            continue
        done.add(module)
        entry = {"module": module, "distribution": dist, "ok": True, "error": None}
        try:
            importlib.import_module(module)
        except BaseException as e:  # SystemExit and KeyboardInterrupt raised by a module are failures too
            entry["ok"] = False
            entry["error"] = traceback.format_exception_only(type(e), e)[-1].strip()
        out["imports"].append(entry)
    real_stdout.write(json.dumps(out))
    real_stdout.flush()


main()
