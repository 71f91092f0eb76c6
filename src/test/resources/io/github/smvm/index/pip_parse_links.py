"""Prints what pip's own HTML link parsing makes of each page, as JSON.

Usage: python -I pip_parse_links.py <dir>. <dir>/pages.json maps page names to page URLs;
<dir>/<name>.html is the page's bytes (UTF-8). For each page: the links as pip's parse_links()
yields them (HTMLLinkParser, then Link.from_element), or the error pip raises on the page.
"""
import json
import os
import sys

from pip._internal.index.collector import IndexContent, parse_links
from pip._internal.models.link import _clean_link


def link_json(link):
    metadata = link.metadata_file_data
    return {
        "url": link.url,
        "hashes": _clean_link(link).hashes,
        "requires_python": link.requires_python,
        "yanked_reason": link.yanked_reason,
        "is_yanked": link.is_yanked,
        "core_metadata": metadata is not None,
        "metadata_hashes": (metadata.hashes or {}) if metadata is not None else {},
    }


def main(directory):
    with open(os.path.join(directory, "pages.json"), encoding="utf-8") as f:
        pages = json.load(f)
    out = {}
    for name, url in pages.items():
        with open(os.path.join(directory, name + ".html"), "rb") as f:
            content = f.read()
        try:
            links = [link_json(link) for link in parse_links(IndexContent(content, "text/html", "utf-8", url))]
            out[name] = {"links": links}
        except Exception as e:  # pip would fail on this page: record how
            out[name] = {"error": type(e).__name__ + ": " + str(e)[:200]}
    json.dump(out, sys.stdout, ensure_ascii=True, indent=1)


if __name__ == "__main__":
    main(sys.argv[1])
