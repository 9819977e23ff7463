"""Documents from the web: fetch a URL (httpx), check what came back, and read it like a file.

``collabkg build https://...`` and ``--urls FILE`` come here. A fetch has a connect and a read
timeout and an overall deadline, a size cap (``MAX_BYTES`` of the file readers, checked on the
declared length and again while reading), a user agent naming collabkg, at most
``MAX_REDIRECTS`` redirects, and a content-type check: HTML, plain text, Markdown, PDF and Word
are read by the reader of that type; anything else is refused with the type named. The URL
given becomes the document's identity and its ``dcterms:source`` (with the final URL too,
after a redirect).

>>> is_url("https://codata.org/events/"), is_url("corpus/page.html"), is_url("ftp://x.org/a")
(True, False, False)
>>> url_name("https://codata.org/events/roundtable/", ".html")
'codata-org-events-roundtable.html'
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from pathlib import Path

from collabkg.errors import DocumentError
from collabkg.loaders.documents import MAX_BYTES, Document, read_document

__all__ = ["is_url", "url_name", "fetch", "read_url", "read_url_list", "Fetched", "make_client", "USER_AGENT", "MAX_REDIRECTS", "TIMEOUT", "DEADLINE"]

try:
    from importlib.metadata import version as _version

    _VERSION = _version("collabkg")
except Exception:  # not installed (running from a bare checkout)
    _VERSION = "0"

USER_AGENT = f"collabkg/{_VERSION} (knowledge-graph builder; reads public pages once per build)"
MAX_REDIRECTS = 5
#: Seconds to connect, and to wait for each piece of the answer.
TIMEOUT = 15.0
#: Seconds a whole download may take (a server trickling bytes cannot hold a build forever).
DEADLINE = 60.0

#: Content types read, and the reader (by suffix) that reads each.
CONTENT_TYPES = {
    "text/html": ".html", "application/xhtml+xml": ".html", "text/plain": ".txt", "text/markdown": ".md",
    "text/x-markdown": ".md", "application/pdf": ".pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
}
#: A server that says "application/octet-stream" (or nothing) is believed by the URL's suffix.
_UNTYPED = {"", "application/octet-stream", "binary/octet-stream"}


def is_url(text: object) -> bool:
    """True for an ``http://`` or ``https://`` address."""
    return isinstance(text, str) and re.match(r"^https?://[^/\s]", text, re.I) is not None


def url_name(url: str, suffix: str) -> str:
    """A file name for a fetched document: the URL's host and path as a slug, with the reader's suffix."""
    from collabkg.ontology.iris import slug

    stem = re.sub(r"^https?://", "", url, flags=re.I)
    stem = re.sub(r"\.(?:html?|pdf|docx|txt|md)$", "", stem.rstrip("/"), flags=re.I)
    return slug(stem)[:100] + suffix


@dataclass
class Fetched:
    """What a fetch brought back: the URL asked for, the URL answered from, its type and bytes."""

    url: str
    final_url: str
    content_type: str
    suffix: str
    data: bytes


def make_client(timeout: float = TIMEOUT):
    """An httpx client with collabkg's user agent, timeouts and redirect limit, for many fetches."""
    import httpx

    return httpx.Client(headers={"User-Agent": USER_AGENT}, timeout=httpx.Timeout(timeout), follow_redirects=True,
                        max_redirects=MAX_REDIRECTS)


def fetch(url: str, *, client=None, timeout: float = TIMEOUT, deadline: float = DEADLINE, max_bytes: int = MAX_BYTES) -> Fetched:
    """GET ``url`` within the limits; return the bytes and the reader suffix for its content type.

    Raises
    ------
    DocumentError
        not an http(s) URL; no answer (connection refused, name unknown, timeout, over the
        deadline); too many redirects; an HTTP error status; over ``max_bytes``; a content type
        that is not a document. The message names the URL and what to do.
    """
    import httpx

    if not is_url(url):
        raise DocumentError(url, "not an http(s) URL", hint="give an address starting with http:// or https://")
    own = client is None
    client = client or make_client(timeout)
    started = time.monotonic()
    try:
        with client.stream("GET", url, timeout=timeout) as r:
            final = str(r.url)
            if r.status_code >= 400:
                raise DocumentError(url, f"HTTP {r.status_code} {r.reason_phrase}" + (f" (at {final})" if final != url else ""),
                                    hint="check the address in a browser; nothing was read from it")
            ctype = r.headers.get("content-type", "").split(";")[0].strip().lower()
            suffix = CONTENT_TYPES.get(ctype)
            if suffix is None and ctype in _UNTYPED:
                suffix = next((s for s in set(CONTENT_TYPES.values()) if final.lower().split("?")[0].endswith(s)), None)
            if suffix is None:
                raise DocumentError(url, f"the server sends {ctype or 'no content type'!r}, not a document",
                                    hint=f"collabkg reads {', '.join(sorted(set(CONTENT_TYPES)))}")
            declared = r.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise DocumentError(url, f"too large ({int(declared) / 1e6:.1f} MB > {max_bytes / 1e6:.1f} MB), not downloaded",
                                    hint="download the part you need and build the file")
            chunks, size = [], 0
            for chunk in r.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise DocumentError(url, f"too large (over {max_bytes / 1e6:.1f} MB), download stopped",
                                        hint="download the part you need and build the file")
                if time.monotonic() - started > deadline:
                    raise DocumentError(url, f"the download took over {deadline:g} s, stopped",
                                        hint="try again later, or save the page and build the file")
                chunks.append(chunk)
    except httpx.TooManyRedirects as e:
        raise DocumentError(url, f"more than {MAX_REDIRECTS} redirects", hint="open it in a browser to see where it leads") from e
    except httpx.TimeoutException as e:
        raise DocumentError(url, f"no answer within {timeout:g} s ({type(e).__name__})", hint="try again later, or save the page and build the file") from e
    except httpx.HTTPError as e:
        raise DocumentError(url, f"cannot fetch: {e}", hint="check the address and the network") from e
    finally:
        if own:
            client.close()
    return Fetched(url, final, ctype, suffix, b"".join(chunks))


def read_url(url: str, *, metadata: dict | None = None, client=None, **limits) -> Document:
    """Fetch ``url`` and read it with the reader of its content type; the URL is its source.

    ``metadata`` (from a manifest) overrides what the page says. ``limits``: ``timeout``,
    ``deadline``, ``max_bytes`` of :func:`fetch`.

    Raises
    ------
    DocumentError
        as :func:`fetch`, or as the reader (e.g. a scanned PDF).
    """
    f = fetch(url, client=client, **limits)
    meta = {"url": url, **(metadata or {})}
    doc = read_document(Path(url_name(url, f.suffix)), metadata=meta, data=f.data)
    doc.meta["fetched_url"] = url
    if f.final_url != url:
        doc.meta["final_url"] = f.final_url
    return doc


def read_url_list(path: str | Path) -> tuple[list[str], list[DocumentError]]:
    """The URLs of a text file, one a line (blank lines and ``#`` comments skipped), and the lines that are not URLs.

    Raises
    ------
    DocumentError
        the file cannot be read.
    """
    path = Path(path)
    try:
        lines = path.read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise DocumentError(path, f"cannot read the list of URLs: {e}", hint="a UTF-8 text file, one URL a line") from e
    urls, problems = [], []
    for n, line in enumerate(lines, 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if is_url(line):
            urls.append(line)
        else:
            problems.append(DocumentError(f"{path}:{n}", f"not an http(s) URL: {line[:80]!r}", hint="one URL a line, starting with http:// or https://"))
    return urls, problems
