"""Build throughput: the sample corpus, and generated news items of our genre (about 300 words each).

Each generated document is a news item about international scientific-data cooperation, written
from templates with varied names (people, bodies, cities, dates, events): a headline, a dateline,
a meeting held by two bodies and chaired by someone with a post, speakers, an agreement signed
between two bodies, a sponsor, a follow-up. Nothing comes from the dev set.

Reported for each build (into a fresh store, the statistical pipeline loaded beforehand):
documents/s, words/s, CPU-s per document (this process and its children: user + system), and the
time per stage, measured inside the one build by timing the functions the build calls, each
second counted once, in the innermost stage running:

read (reading files), nlp (spaCy, whether per document or in batches), rules (the surface rules
and mentions: extraction minus nlp and patterns), patterns (dependency patterns,
``loaders/discourse.py``), emit (RDF), validation (SHACL, ``keep_conforming``), store (Oxigraph
writes: a document at a time, or new documents together), export (TriG/Turtle outputs and the
registry graph).

Run alone (the two cores are shared)::

    python benchmarks/build_speed.py                     # sample corpus + 1000 documents, prints Markdown
    python benchmarks/build_speed.py --docs 200 --label before --results
    python benchmarks/build_speed.py --workers 1 --workers 2 --label after --results
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import tempfile
import time
import warnings
from collections import defaultdict
from contextlib import contextmanager
from pathlib import Path

from spacy.language import Language

from collabkg import api
from collabkg.graph.store import Store
from collabkg.loaders import discourse

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from build_inputs import machine  # noqa: E402
from results import write_generated  # noqa: E402

GIVEN = ["Anna", "Marek", "Sofia", "Tomás", "Ingrid", "Yusuf", "Mei", "Hiroshi", "Fatima", "Lars", "Priya", "Carlos",
         "Elena", "Kwame", "Sun-hee", "Pierre", "Aisha", "Dmitri", "Leila", "Mateo", "Hanna", "Ravi", "Zanele", "Tobias"]
FAMILY = ["Kowalski", "Lindqvist", "Moreau", "Okafor", "Tanaka", "Hernández", "Novak", "Haddad", "Fischer", "Mensah",
          "Rossi", "Nakamura", "Eriksen", "Banerjee", "Costa", "Petrov", "Jansen", "Wright", "Dubois", "Alvarez"]
TITLES = ["Prof.", "Dr.", "Mr.", "Ms.", "Professor"]
POSTS = ["Director", "President", "Vice President", "Secretary General", "Head", "Chair"]
FIELDS = ["Earth Observation", "Marine Science", "Biodiversity", "Climate Research", "Genomics", "Polar Research",
          "Data Science", "Atmospheric Physics", "Hydrology", "Astronomy", "Seismology", "Agricultural Data"]
KINDS = ["Institute of {f}", "Center for {f} Data", "National Institute of {f}", "Academy of {f}", "{f} Data Centre"]
CITIES = ["Lisbon", "Warsaw", "Nairobi", "Kyoto", "Oslo", "Santiago", "Hanoi", "Accra", "Vienna", "Montreal",
          "Bergen", "Cape Town", "Seoul", "Lima", "Tartu", "Dakar"]
EVENTS = ["Workshop on {f} Data Sharing", "Symposium on Open {f} Data", "Forum on {f} Data Infrastructures",
          "Summer School on {f} Data", "Roundtable on {f} Data Policy"]
ORDINALS = ["First", "Second", "Third", "4th", "5th", "Sixth", "7th"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]


def _body(rng: random.Random) -> str:
    return f"{rng.choice(CITIES)} " + rng.choice(KINDS).format(f=rng.choice(FIELDS))


def _person(rng: random.Random) -> str:
    return f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"


def news_item(i: int) -> str:
    """Generated document ``i`` (about 300 words), the same for the same ``i``."""
    rng = random.Random(f"build-speed-{i}")
    a, b, c = _body(rng), _body(rng), _body(rng)
    while len({a, b, c}) < 3:
        b, c = _body(rng), _body(rng)
    chair, s1, s2, s3 = (_person(rng) for _ in range(4))
    city, year = rng.choice(CITIES), rng.randint(2012, 2025)
    month, day = rng.choice(MONTHS), rng.randint(1, 28)
    field = rng.choice(FIELDS)
    event = f"{rng.choice(ORDINALS)} " + rng.choice(EVENTS).format(f=field)
    t = rng.choice(TITLES)
    paras = [
        f"{event} held in {city}",
        f"{city}, {month} {day}, {year}",
        f"The {event} was held in {city} on {month} {day}, {year}. The meeting was jointly organized by the {a} "
        f"and the {b}, and brought together more than {rng.randint(40, 200)} researchers, data managers and policy "
        f"makers from {rng.randint(8, 30)} countries to discuss how research data in {field.lower()} can be shared "
        f"across borders.",
        f"{t} {chair}, {rng.choice(POSTS)} of the {a}, chaired the opening session. In his welcome address he "
        f"recalled that the two institutions have worked together on data infrastructures for {rng.randint(3, 12)} "
        f"years and stressed the value of common standards, persistent identifiers and open access to data.",
        f"{rng.choice(TITLES)} {s1}, {rng.choice(POSTS)} of the {b}, presented the data services of the {b} and the "
        f"training programmes it offers to young scientists. {rng.choice(TITLES)} {s2} from the {c} gave a keynote "
        f"speech on the quality of long-term observation records and on the curation of legacy data.",
        f"During the workshop, the {a} and the {c} signed a Memorandum of Understanding on cooperation in "
        f"{field.lower()} data. Under the agreement the two parties will exchange visiting scholars, organize joint "
        f"training courses and build a shared catalogue of data sets over the next {rng.randint(2, 5)} years.",
        f"The event was sponsored by the {rng.choice(CITIES)} Foundation for Science. {rng.choice(TITLES)} {s3}, "
        f"Secretary General of the {b}, closed the meeting and announced that the next workshop of the series will "
        f"take place in {rng.choice(CITIES)} in {year + 1}. Participants agreed to set up a working group on data "
        f"policy that will report at the next meeting.",
    ]
    return "\n\n".join(paras) + "\n"


def write_corpus(folder: Path, n: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"news-{i:04d}.txt").write_text(news_item(i), encoding="utf-8")


#: (owner, attribute, stage): the functions a build spends its time in
STAGES = [(api, "read_document", "read"), (api, "extract", "rules"), (Language, "__call__", "nlp"),
          (Language, "pipe", "nlp"), (discourse.Discourse, "run", "patterns"), (api, "emit_document", "emit"),
          (api, "keep_conforming", "validation"), (Store, "replace_graph", "store"),
          (api, "_refresh_registry_graph", "export"), (api, "export_files", "export")]
# optional hooks (absent in older code): a batched build's parsing; the bulk write of new documents
OPTIONAL = [(api, "parse_texts", "nlp"), (Store, "add_graphs", "store")]


@contextmanager
def timed_stages():
    """Seconds per stage, exclusive: a stage called inside another is subtracted from the outer one."""
    spent: dict[str, float] = defaultdict(float)
    stack: list[list] = []  # [stage, start, child seconds]
    saved = []

    def enter(stage):
        stack.append([stage, time.perf_counter(), 0.0])

    def leave():
        stage, t0, child = stack.pop()
        total = time.perf_counter() - t0
        spent[stage] += total - child
        if stack:
            stack[-1][2] += total

    def wrap(func, stage):
        import inspect

        if inspect.isgeneratorfunction(func) or func is Language.pipe:
            def timed_gen(*a, **kw):
                it = iter(func(*a, **kw))
                while True:
                    enter(stage)
                    try:
                        item = next(it)
                    except StopIteration:
                        return
                    finally:
                        leave()
                    yield item
            return timed_gen

        def timed(*a, **kw):
            enter(stage)
            try:
                return func(*a, **kw)
            finally:
                leave()
        return timed

    hooks = list(STAGES) + [(owner, name, stage) for owner, name, stage in OPTIONAL if hasattr(owner, name)]
    for owner, name, stage in hooks:
        func = owner.__dict__[name] if isinstance(owner, type) else getattr(owner, name)
        saved.append((owner, name, func))
        setattr(owner, name, wrap(func, stage))
    try:
        yield spent
    finally:
        for owner, name, func in saved:
            setattr(owner, name, func)


def cpu_seconds() -> float:
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def words_in(paths: list[Path]) -> int:
    return sum(len(p.read_text(encoding="utf-8").split()) for p in paths)


def timed_build(inputs: list[Path], store: Path, workers: int | None = None) -> dict:
    files = sorted(p for d in inputs for p in (d.glob("*.txt") if d.is_dir() else [d]))
    with timed_stages() as spent, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        c, t = cpu_seconds(), time.perf_counter()
        kw = {"workers": workers} if workers is not None else {}  # the code before had no workers
        report = api.build(inputs, store=store, out=store.parent / (store.name + ".out"), **kw)
        total, cpu = time.perf_counter() - t, cpu_seconds() - c
    n = len(report.loaded)
    return {"total": total, "cpu": cpu, "spent": dict(spent), "docs": len(files), "loaded": n,
            "words": words_in(files), "problems": len(report.problems)}


STAGE_ORDER = ["read", "nlp", "rules", "patterns", "emit", "validation", "store", "export"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=1000, help="generated documents [1000]")
    ap.add_argument("--label", default="", help="a word for the code measured (e.g. before, after)")
    ap.add_argument("--workers", type=int, action="append",
                    help="worker processes of the build (repeat to compare, e.g. --workers 1 --workers 2) [the build's default]")
    ap.add_argument("--results", action="store_true", help="write the report into benchmarks/RESULTS.md")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="collabkg-speed-"))
    gen = tmp / "generated"
    write_corpus(gen, args.docs)
    sample = api.default_corpus()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        api.build([gen / "news-0000.txt"], store=tmp / "warm")  # the pipeline loaded once, outside the timings
    load_before = os.getloadavg()
    runs = {}
    for w in args.workers or [None]:
        tag = f", {w} worker{'s' if w > 1 else ''}" if w is not None else ""
        runs[f"sample corpus{tag}"] = timed_build([sample], tmp / f"s-sample-{w}", w)
        runs[f"generated ({args.docs} news items){tag}"] = timed_build([gen], tmp / f"s-gen-{w}", w)
    load_after = os.getloadavg()
    label = f" ({args.label})" if args.label else ""
    flags = "".join(f" --workers {w}" for w in args.workers or [])
    lines = [f"`python benchmarks/build_speed.py --docs {args.docs}{flags}`{label}, finished "
             f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; {machine()}; load average (1, 5, 15 min) "
             f"{load_before[0]:.2f} {load_before[1]:.2f} {load_before[2]:.2f} before, "
             f"{load_after[0]:.2f} {load_after[1]:.2f} {load_after[2]:.2f} after. One build each into a fresh store, "
             "the pipeline loaded beforehand.", "",
             "| input | documents | loaded | seconds | documents/s | words/s | CPU-s/document | "
             + " | ".join(STAGE_ORDER) + " |",
             "|---|---:|---:|---:|---:|---:|---:|" + "---:|" * len(STAGE_ORDER)]
    for name, r in runs.items():
        total, spent = r["total"], r["spent"]
        cells = [f"{spent.get(p, 0):.1f} ({100 * spent.get(p, 0) / total:.0f}%)" if spent.get(p) else "-" for p in STAGE_ORDER]
        lines.append(f"| {name} | {r['docs']} | {r['loaded']} | {total:.1f} | {r['docs'] / total:.2f} | "
                     f"{r['words'] / total:.0f} | {r['cpu'] / r['docs']:.3f} | " + " | ".join(cells) + " |")
    lines += ["", "Stage columns: wall seconds inside that stage (share of the build), each second counted once "
              "(in the innermost stage); the rest of a build is its own loop. With worker processes, the "
              "stages they run (nlp, rules, patterns, emit, validation) are not seen by this process: their time is "
              "in the loop (waiting). CPU-s: user + system of this process and of the worker processes it waited for."]
    report = "\n".join(lines)
    print(report)
    if args.results:
        title = "Build throughput" + (f": {args.label}" if args.label else "")
        write_generated(HERE / "RESULTS.md", title, report)


if __name__ == "__main__":
    main()
