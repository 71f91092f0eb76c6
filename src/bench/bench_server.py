"""A threaded loopback HTTP server for a directory written by ``bench_index.write``.

Standard library only. Binds ``127.0.0.1`` on an ephemeral port, never any other address.

- ``/simple/`` and ``/simple/<project>/``: the PEP 503 HTML pages (``text/html``), gzip-encoded
  when the client accepts it (as PyPI does); ``/simple/<project>`` redirects to the slash form.
- ``/files/<project>/<file>``: wheels, sdists and PEP 658 ``.metadata`` files, with single
  ``Range`` requests (``bytes=a-b``, ``bytes=a-``, ``bytes=-n``) answered 206 as a CDN does.
- HTTP/1.1 with keep-alive and ``TCP_NODELAY``; files are read once and kept in memory.

It counts requests and bytes by client (``pip``, ``java`` from the User-Agent: ``Java/17…`` or
``Java-http-client/17…``) and by kind (page, metadata, wheel, other) so that a benchmark can say how
much each tool asked for.
"""
import gzip
import os
import posixpath
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote, urlsplit

RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


class Stats(object):
    def __init__(self):
        self._lock = threading.Lock()
        self._counts = {}

    def add(self, client, kind, status, sent):
        with self._lock:
            key = (client, kind)
            entry = self._counts.setdefault(key, {"requests": 0, "bytes": 0, "errors": 0})
            entry["requests"] += 1
            entry["bytes"] += sent
            if status >= 400:
                entry["errors"] += 1

    def take(self):
        """The counts since the last call, as {client: {kind: {requests, bytes, errors}}}; resets them."""
        with self._lock:
            counts, self._counts = self._counts, {}
        out = {}
        for (client, kind), entry in sorted(counts.items()):
            out.setdefault(client, {})[kind] = entry
        return out


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256  # a burst of parallel connections must not wait for SYN retries
    allow_reuse_address = True


class IndexServer(object):
    """Serves ``root`` on 127.0.0.1; use as a context manager or call ``start``/``stop``."""

    def __init__(self, root):
        self.root = os.path.abspath(root)
        self.stats = Stats()
        self._cache = {}
        self._cache_lock = threading.Lock()
        self._httpd = None
        self._thread = None

    @property
    def url(self):
        host, port = self._httpd.server_address[:2]
        return "http://%s:%d" % (host, port)

    @property
    def index_url(self):
        return self.url + "/simple/"

    def start(self):
        server = self

        class Handler(_Handler):
            owner = server

        self._httpd = _Server(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="bench-index-server", daemon=True)
        self._thread.start()
        return self

    def stop(self):
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._thread.join(10)
            self._httpd = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    def content(self, relative):
        """(bytes, gzip bytes or None) of a file under root, cached; None if there is no such file."""
        entry = self._cache.get(relative)
        if entry is not None:
            return entry
        path = os.path.join(self.root, *relative.split("/"))
        if not os.path.isfile(path):
            return None
        with open(path, "rb") as fh:
            data = fh.read()
        compressed = gzip.compress(data, 6, mtime=0) if relative.endswith(".html") else None
        entry = (data, compressed)
        with self._cache_lock:
            self._cache[relative] = entry
        return entry


class _Handler(BaseHTTPRequestHandler):
    owner = None
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    server_version = "smvm-bench-index/1"

    def log_message(self, format, *args):  # quiet: the benchmark reports counts instead
        pass

    def do_HEAD(self):
        self._serve(head=True)

    def do_GET(self):
        self._serve(head=False)

    def _client(self):
        agent = self.headers.get("User-Agent", "")
        if agent.startswith("pip/") or " pip/" in agent or '"pip"' in agent:
            return "pip"
        if agent.startswith("Java-http-client/") or agent.startswith("Java/"):
            return "java"  # the plugin: the JDK's HttpClient (https, proxies) or HttpURLConnection (plain http)
        return "other"

    def _serve(self, head):
        path = posixpath.normpath(unquote(urlsplit(self.path).path))
        if self.path.split("?")[0].endswith("/") and not path.endswith("/"):
            path += "/"
        if ".." in path.split("/"):
            return self._send(404, b"not found\n", "text/plain", "other", head)
        if path.startswith("/simple"):
            rest = path[len("/simple"):].strip("/")
            if rest and not path.endswith("/"):
                self.owner.stats.add(self._client(), "page", 301, 0)
                self.send_response(301)
                self.send_header("Location", "/simple/%s/" % rest)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            relative = "simple/" + (rest + "/" if rest else "") + "index.html"
            entry = self.owner.content(relative)
            if entry is None:
                return self._send(404, b"no such project\n", "text/plain", "page", head)
            data, compressed = entry
            if compressed is not None and "gzip" in self.headers.get("Accept-Encoding", ""):
                return self._send(200, compressed, "text/html; charset=utf-8", "page", head,
                                  {"Content-Encoding": "gzip", "Vary": "Accept-Encoding"})
            return self._send(200, data, "text/html; charset=utf-8", "page", head, {"Vary": "Accept-Encoding"})
        if path.startswith("/files/"):
            entry = self.owner.content(path[1:])
            kind = "metadata" if path.endswith(".metadata") else "wheel" if path.endswith(".whl") else "other"
            if entry is None:
                return self._send(404, b"no such file\n", "text/plain", kind, head)
            data = entry[0]
            content_type = "text/plain; charset=utf-8" if kind == "metadata" else "application/octet-stream"
            wanted = self.headers.get("Range")
            if wanted:
                m = RANGE.match(wanted.strip())
                size = len(data)
                start = end = None
                if m and (m.group(1) or m.group(2)):
                    if m.group(1):
                        start = int(m.group(1))
                        end = min(int(m.group(2)), size - 1) if m.group(2) else size - 1
                    else:
                        start, end = max(0, size - int(m.group(2))), size - 1
                if start is None or start >= size or end < start:
                    return self._send(416, b"", content_type, kind, head, {"Content-Range": "bytes */%d" % size})
                return self._send(206, data[start:end + 1], content_type, kind, head,
                                  {"Content-Range": "bytes %d-%d/%d" % (start, end, size), "Accept-Ranges": "bytes"})
            return self._send(200, data, content_type, kind, head, {"Accept-Ranges": "bytes"})
        return self._send(404, b"not found\n", "text/plain", "other", head)

    def _send(self, status, body, content_type, kind, head, headers=None):
        # counted before the client can have the response, so that a count taken after it is complete
        self.owner.stats.add(self._client(), kind, status, 0 if head else len(body))
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if not head:
            self.wfile.write(body)
