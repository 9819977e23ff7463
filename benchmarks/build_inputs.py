"""Benchmark of building from the new inputs: 200 generated PDFs, and 200 HTML pages served by URL.

Each document is a two-page meeting report (about 450 words: who met whom, where, when, who
signed what, with a running header, a footer with page numbers, and words hyphenated at line
ends in the PDFs). The HTML pages carry the same text and are served by a local HTTP server on
127.0.0.1 (a port in 18400-18499). Reported: documents per second for the whole build, and where
the time goes (reading or fetching, extraction, RDF emission, SHACL validation, storing, the
TriG/Turtle outputs), measured by timing those functions inside the one build. Two ratios against
a peer, measured in the same process:

- the PDF reader against pypdf's bare ``extract_text`` of the same files (what our page rules,
  header/footer removal and cleaning cost over the library's text);
- the HTML pages fetched by URL and read against the same pages read from files (what fetching costs).

Run alone (the two cores are shared)::

    python benchmarks/build_inputs.py                       # 200 + 200, prints Markdown
    python benchmarks/build_inputs.py --docs 50 --results   # and writes benchmarks/RESULTS.md
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import sys
import tempfile
import threading
import time
from collections import defaultdict
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from fpdf import FPDF

from collabkg import api
from collabkg.graph.store import Store
from collabkg.loaders import fetch as fetch_mod

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from results import write_generated  # noqa: E402

BODIES = ["the Chinese Academy of Sciences", "CODATA", "the National Center for Atmospheric Research",
          "the Beijing Institute of Genomics", "the European Bioinformatics Institute", "the Japan Science and Technology Agency",
          "the Royal Society", "the National Science Foundation", "the University of Cape Town", "the Max Planck Society"]
PEOPLE = ["Jane Doe", "LI Wei", "Maria Silva", "John Smith", "Amina Diallo", "Kenji Sato", "Olga Petrova", "Rahul Mehta"]
CITIES = ["Beijing", "Paris", "Boulder", "Tokyo", "Cape Town", "London", "Munich", "Nairobi"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]


def report_text(i: int) -> tuple[str, list[str]]:
    """Document ``i``: a title and its paragraphs, varied by a seeded generator."""
    rng = random.Random(i)
    paras = []
    for _ in range(9):
        a, b = rng.sample(BODIES, 2)
        p, city = rng.choice(PEOPLE), rng.choice(CITIES)
        date = f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(2010, 2023)}"
        paras.append(f"On {date} {a} and {b} held a joint workshop in {city} on open research data and the "
                     f"interoperability of scientific data infrastructures. {p}, Director of {a.removeprefix('the ')}, "
                     f"chaired the meeting, and the participants agreed to continue their cooperation on "
                     f"data sharing and training in the coming years.")
    return f"Meeting report {i}", paras


class _PDF(FPDF):
    def header(self):
        self.set_font("helvetica", size=9)
        self.cell(0, 8, "Cooperation reports", align="C", new_x="LMARGIN", new_y="NEXT")

    def footer(self):
        self.set_y(-15)
        self.set_font("helvetica", size=9)
        self.cell(0, 10, f"Page {self.page_no()}", align="C")


def write_pdf(path: Path, i: int) -> None:
    title, paras = report_text(i)
    pdf = _PDF()
    pdf.set_title(title)
    pdf.set_author("Secretariat")
    pdf.set_font("helvetica", size=11)
    pdf.add_page()
    for n, para in enumerate(paras):
        if n == 5:
            pdf.add_page()
        pdf.multi_cell(0, 6, para, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    pdf.output(str(path))


def write_html(path: Path, i: int) -> None:
    title, paras = report_text(i)
    body = "".join(f"<p>{p}</p>\n" for p in paras)
    path.write_text(f"<!doctype html><html><head><title>{title}</title></head><body><nav>Home | News | Contact</nav>"
                    f"<main><h1>{title}</h1>\n{body}</main><footer>Contact us</footer></body></html>", encoding="utf-8")


#: (module, attribute, phase): the functions a build spends its time in, timed where the build calls them
PHASES = [(api, "read_document", "read"), (api, "read_url", "read"), (fetch_mod, "fetch", "fetch (inside read)"),
          (api, "extract", "extract"), (api, "emit_document", "emit RDF"), (api, "shacl_validate", "SHACL validate"),
          (Store, "replace_graph", "store"), (api, "_refresh_registry_graph", "registry graph"),
          (api, "export_files", "TriG/Turtle outputs")]


@contextmanager
def timed_phases():
    spent: dict[str, float] = defaultdict(float)
    saved = []

    def wrap(func, phase):
        def timed(*a, **kw):
            t = time.perf_counter()
            try:
                return func(*a, **kw)
            finally:
                spent[phase] += time.perf_counter() - t
        return timed

    for owner, name, phase in PHASES:
        func = getattr(owner, name)
        saved.append((owner, name, func))
        setattr(owner, name, wrap(func, phase))
    try:
        yield spent
    finally:
        for owner, name, func in saved:
            setattr(owner, name, func)


def timed_build(inputs: list, store: Path) -> tuple[float, dict, api.BuildReport]:
    with timed_phases() as spent:
        t = time.perf_counter()
        report = api.build(inputs, store=store, out=store.parent / (store.name + ".out"))
        total = time.perf_counter() - t
    return total, dict(spent), report


def median_alternating(a, b, rounds: int = 3) -> tuple[float, float]:
    """Median seconds of ``a()`` and ``b()``, run alternately ``rounds`` times each."""
    ta, tb = [], []
    for _ in range(rounds):
        ta.append(a())
        tb.append(b())
    return sorted(ta)[rounds // 2], sorted(tb)[rounds // 2]


def reading_by_url(urls: list[str]) -> float:
    client = fetch_mod.make_client()
    t = time.perf_counter()
    for u in urls:
        fetch_mod.read_url(u, client=client)
    client.close()
    return time.perf_counter() - t


def pypdf_floor(files: list[Path]) -> float:
    from pypdf import PdfReader

    t = time.perf_counter()
    for f in files:
        for page in PdfReader(f).pages:
            page.extract_text()
    return time.perf_counter() - t


def our_reading(files: list[Path]) -> float:
    from collabkg.loaders.documents import read_document

    t = time.perf_counter()
    for f in files:
        read_document(f)
    return time.perf_counter() - t


def machine() -> str:
    model = ""
    try:
        model = next(ln.split(":", 1)[1].strip() for ln in open("/proc/cpuinfo") if ln.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return f"{os.cpu_count()} cores ({model}), {platform.system()} {platform.release()}, Python {platform.python_version()}"


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder: Path, port: int) -> ThreadingHTTPServer:
    handler = partial(_Quiet, directory=str(folder))
    httpd = ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=200, help="documents of each kind [200]")
    ap.add_argument("--port", type=int, default=18400, help="port of the local HTTP server [18400]")
    ap.add_argument("--results", action="store_true", help="write the report into benchmarks/RESULTS.md")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="collabkg-bench-"))
    pdfs, pages = tmp / "pdf", tmp / "html"
    pdfs.mkdir()
    pages.mkdir()
    for i in range(args.docs):
        write_pdf(pdfs / f"report-{i:03d}.pdf", i)
        write_html(pages / f"report-{i:03d}.html", i)
    load_before = os.getloadavg()
    api.build([pdfs / "report-000.pdf"], store=tmp / "warm")  # the pipeline loaded once, outside the timings
    runs = {}
    httpd = serve(pages, args.port)
    try:
        urls = [f"http://127.0.0.1:{args.port}/report-{i:03d}.html" for i in range(args.docs)]
        runs["PDF files"] = timed_build([pdfs], tmp / "s-pdf")
        runs["HTML by URL"] = timed_build(urls, tmp / "s-url")
        html_files = sorted(pages.glob("*.html"))
        by_url, from_files = median_alternating(partial(reading_by_url, urls), partial(our_reading, html_files))
    finally:
        httpd.shutdown()
        httpd.server_close()
    files = sorted(pdfs.glob("*.pdf"))
    ours, floor = median_alternating(partial(our_reading, files), partial(pypdf_floor, files))
    load_after = os.getloadavg()

    phases = [p for p in dict.fromkeys(ph for _, _, ph in PHASES)]
    lines = [f"`python benchmarks/build_inputs.py --docs {args.docs}`, finished {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; "
             f"{machine()}; load average (1, 5, 15 min) {load_before[0]:.2f} {load_before[1]:.2f} {load_before[2]:.2f} before, "
             f"{load_after[0]:.2f} {load_after[1]:.2f} {load_after[2]:.2f} after. One build each into a fresh store, the pipeline "
             "loaded beforehand.", "",
             "| input | documents | loaded | seconds | documents/s | " + " | ".join(phases) + " |",
             "|---|---:|---:|---:|---:|" + "---:|" * len(phases)]
    for name, (total, spent, report) in runs.items():
        cells = [f"{spent.get(p, 0):.1f} ({100 * spent.get(p, 0) / total:.0f}%)" if spent.get(p) else "-" for p in phases]
        lines.append(f"| {name} | {args.docs} | {len(report.loaded)} | {total:.1f} | {len(report.loaded) / total:.2f} | " + " | ".join(cells) + " |")
    lines += ["", "Phase columns: seconds inside that step (share of the build); 'fetch' is part of 'read'.", "",
              "| ratio (same process) | value |", "|---|---:|",
              f"| PDF reading, {len(files)} files: collabkg's reader / pypdf's bare extract_text | {ours:.2f} s / {floor:.2f} s = {ours / floor:.2f}x |",
              f"| HTML reading, {len(html_files)} pages: fetched by URL and read / read from files | {by_url:.2f} s / {from_files:.2f} s = "
              f"{by_url / from_files:.2f}x |",
              "", "Ratios: median of 3 alternating rounds each (reading only: no extraction, validation or store)."]
    report = "\n".join(lines)
    print(report)
    if args.results:
        write_generated(HERE / "RESULTS.md", "Build from PDF and URL inputs", report)


if __name__ == "__main__":
    main()
