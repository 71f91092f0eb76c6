# smvm interpreter probe.
#
# Prints exactly one line of JSON tagged {"smvm_probe": 1, ...} describing this interpreter and
# exits 0, also when something goes wrong ("result": "error"). Standard library only. The syntax
# must stay valid on Python 2.7 and 3.x (no f-strings, no annotations, no print statement).
from __future__ import print_function

import os
import sys

PROBE_FORMAT = 1


def _emit(payload):
    payload["smvm_probe"] = PROBE_FORMAT
    try:
        import json
        line = json.dumps(payload, sort_keys=True)
    except Exception:  # json missing or broken: hand-made minimal error document
        msg = str(payload.get("message", "json module unavailable"))
        msg = msg.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
        line = '{"smvm_probe": %d, "result": "error", "kind": "broken_stdlib", "message": "%s"}' % (
            PROBE_FORMAT, msg)
    sys.stdout.write("\n" + line + "\n")
    sys.stdout.flush()


def _error(kind, message):
    _emit({"result": "error", "kind": kind, "message": message})


def _text(value):
    if value is None:
        return None
    if isinstance(value, bytes) and not isinstance(value, str):
        return value.decode("utf-8", "replace")
    return str(value)


def _format_full_version(info):
    # as packaging.markers.format_full_version
    version = "%d.%d.%d" % (info[0], info[1], info[2])
    kind = info[3]
    if kind != "final":
        version += kind[0] + str(info[4])
    return version


def _marker_environment():
    # exactly as packaging.markers.default_environment computes it
    import platform
    if hasattr(sys, "implementation"):
        iver = _format_full_version(sys.implementation.version)
        implementation_name = sys.implementation.name
    else:
        iver = "0"
        implementation_name = ""
    return {
        "implementation_name": implementation_name,
        "implementation_version": iver,
        "os_name": os.name,
        "platform_machine": platform.machine(),
        "platform_release": platform.release(),
        "platform_system": platform.system(),
        "platform_version": platform.version(),
        "python_full_version": platform.python_version(),
        "platform_python_implementation": platform.python_implementation(),
        "python_version": ".".join(platform.python_version_tuple()[:2]),
        "sys_platform": sys.platform,
    }


def _elf_interpreter(path):
    """PT_INTERP of an ELF file (the dynamic loader path), or None."""
    import struct
    try:
        f = open(path, "rb")
    except (IOError, OSError):
        return None
    try:
        ident = f.read(16)
        if len(ident) < 16 or ident[:4] != b"\x7fELF":
            return None
        elf_class = bytearray(ident)[4]
        elf_data = bytearray(ident)[5]
        endian = {1: "<", 2: ">"}.get(elf_data)
        if endian is None:
            return None
        if elf_class == 1:
            header, phdr = "HHIIIIIHHHHHH", "IIIIIIII"
        elif elf_class == 2:
            header, phdr = "HHIQQQIHHHHHH", "IIQQQQQQ"
        else:
            return None
        raw = f.read(struct.calcsize(endian + header))
        fields = struct.unpack(endian + header, raw)
        phoff, phentsize, phnum = fields[4], fields[8], fields[9]
        phsize = struct.calcsize(endian + phdr)
        for i in range(phnum):
            f.seek(phoff + i * phentsize)
            values = struct.unpack(endian + phdr, f.read(phsize))
            if values[0] != 3:  # PT_INTERP
                continue
            if elf_class == 1:
                offset, size = values[1], values[4]
            else:
                offset, size = values[2], values[5]
            f.seek(offset)
            return f.read(size).rstrip(b"\0").decode("utf-8", "replace")
    except Exception:
        return None
    finally:
        f.close()
    return None


def _libc():
    result = {"family": None, "version": None, "loader": None}
    if not sys.platform.startswith("linux"):
        return result
    loader = _elf_interpreter(sys.executable)
    result["loader"] = loader
    # glibc: as packaging._manylinux does
    version = None
    try:
        value = os.confstr("CS_GNU_LIBC_VERSION")  # e.g. "glibc 2.36"
        if value:
            parts = value.split()
            if len(parts) == 2 and parts[0] == "glibc":
                version = parts[1]
    except (AttributeError, OSError, ValueError):
        pass
    if version is None:
        try:
            import ctypes
            try:
                process_namespace = ctypes.CDLL(None)
            except OSError:
                process_namespace = None
            if process_namespace is not None:
                gnu_get_libc_version = process_namespace.gnu_get_libc_version
                gnu_get_libc_version.restype = ctypes.c_char_p
                version = _text(gnu_get_libc_version())
        except (ImportError, AttributeError, OSError):
            version = None
    if version is not None:
        result["family"] = "glibc"
        result["version"] = version
        return result
    # musl: as packaging._musllinux does, run the loader named in PT_INTERP
    if loader and "musl" in loader:
        result["family"] = "musl"
        try:
            import subprocess
            proc = subprocess.Popen([loader], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            _, err = proc.communicate()
            import re
            for line in _text(err).splitlines():
                m = re.match(r"Version (\d+)\.(\d+)", line.strip())
                if m:
                    result["version"] = "%s.%s" % (m.group(1), m.group(2))
                    break
        except Exception:
            pass
    return result


def _pip():
    """Version and location of the pip package, read from pip/__init__.py without importing pip."""
    location = None
    try:
        try:
            import importlib.util
            spec = importlib.util.find_spec("pip")
            if spec is not None and spec.origin and spec.origin.endswith(".py"):
                location = spec.origin
        except (ImportError, AttributeError):
            import imp
            _, pathname, _ = imp.find_module("pip")
            location = os.path.join(pathname, "__init__.py")
    except Exception:
        return None, None
    if location is None or not os.path.isfile(location):
        return None, None
    import re
    f = open(location, "rb")
    try:
        text = f.read().decode("utf-8", "replace")
    finally:
        f.close()
    m = re.search(r"^__version__\s*=\s*['\"]([^'\"]+)['\"]", text, re.M)
    return (m.group(1) if m else None), os.path.dirname(location)


def _config_var(sysconfig, name):
    try:
        return sysconfig.get_config_var(name)
    except Exception:
        return None


def _flag(value):
    if value is None:
        return False
    try:
        return bool(int(value))
    except (TypeError, ValueError):
        return False


def probe():
    import platform
    import struct
    try:
        import sysconfig
    except ImportError:
        sysconfig = None

    vi = sys.version_info
    version = [vi[0], vi[1], vi[2], vi[3], vi[4]]
    if hasattr(sys, "implementation"):
        impl_name = sys.implementation.name
        impl_version = _format_full_version(sys.implementation.version)
        cache_tag = sys.implementation.cache_tag
    else:
        impl_name = platform.python_implementation().lower()
        if hasattr(sys, "pypy_version_info"):
            impl_version = _format_full_version(sys.pypy_version_info)
        else:
            impl_version = _format_full_version(vi)
        cache_tag = None

    if sysconfig is not None:
        soabi = _config_var(sysconfig, "SOABI")
        ext_suffix = _config_var(sysconfig, "EXT_SUFFIX")
        if ext_suffix is None:
            ext_suffix = _config_var(sysconfig, "SO")
        py_debug = _flag(_config_var(sysconfig, "Py_DEBUG"))
        free_threaded = _flag(_config_var(sysconfig, "Py_GIL_DISABLED"))
        sysconfig_platform = sysconfig.get_platform()
    else:
        soabi = ext_suffix = sysconfig_platform = None
        py_debug = free_threaded = False
    if not py_debug and hasattr(sys, "gettotalrefcount"):
        py_debug = True

    base_prefix = getattr(sys, "real_prefix", None)  # virtualenv < 20 on any Python
    if base_prefix is None:
        base_prefix = getattr(sys, "base_prefix", sys.prefix)
    in_venv = base_prefix != sys.prefix

    mac_version = None
    if sys.platform == "darwin":
        mac_version = platform.mac_ver()[0] or None

    pip_version, pip_location = _pip()

    return {
        "result": "ok",
        "version": ".".join(str(v) for v in version[:3]),
        "version_info": version,
        "releaselevel": vi[3],
        "sys_version": sys.version,
        "implementation_name": impl_name,
        "implementation_version": impl_version,
        "python_implementation": platform.python_implementation(),
        "cache_tag": cache_tag,
        "abiflags": getattr(sys, "abiflags", None),
        "soabi": _text(soabi),
        "ext_suffix": _text(ext_suffix),
        "py_debug": py_debug,
        "free_threaded": free_threaded,
        "pointer_bits": struct.calcsize("P") * 8,
        "maxsize_bits": 64 if sys.maxsize > 2 ** 32 else 32,
        "sysconfig_platform": sysconfig_platform,
        "platform_machine": platform.machine(),
        "os_name": os.name,
        "sys_platform": sys.platform,
        "platform_system": platform.system(),
        "platform_release": platform.release(),
        "platform_version": platform.version(),
        "libc": _libc(),
        "mac_version": mac_version,
        "executable": sys.executable,
        "prefix": sys.prefix,
        "base_prefix": base_prefix,
        "in_venv": in_venv,
        "pip_version": pip_version,
        "pip_location": pip_location,
        "markers": _marker_environment(),
    }


def main():
    if sys.version_info < (2, 7) or (3, 0) <= sys.version_info < (3, 3):
        _error("unsupported_python", "Python %d.%d is too old to be probed; use 2.7 or 3.3+"
               % (sys.version_info[0], sys.version_info[1]))
        return
    try:
        payload = probe()
    except ImportError as e:
        _error("broken_stdlib", "the standard library is incomplete: %s" % (e,))
        return
    except Exception as e:
        import traceback
        _error("internal_error", "%s: %s\n%s" % (type(e).__name__, e, traceback.format_exc()))
        return
    _emit(payload)


if __name__ == "__main__":
    main()
