"""Which surface rules of the extractor say something no other rule or pattern says (issue #14, item 2).

For each rule of :class:`collabkg.loaders.extract.Extractor` (the methods ``run`` calls per
sentence, and the module-level readers it calls), over a set of documents:

- ``only``: the statements (subject, predicate, object; an entity's classes and label count as
  statements too) that this rule alone produced: no pattern (``Discourse``), no mention and no
  other rule tried to add the same statement. Counted at the moment of adding, before
  :meth:`Extraction.add` drops a repeat of a statement already added from the same sentence, so a
  pattern that reads what a rule read first still counts as producing it.
- ``lost`` / ``gained``: the statements that disappear / appear when the rule is switched off
  (replaced by a no-op) and the document extracted again. Evidence is ignored: this is what
  deleting the rule would change in the graph. A rule with ``lost == gained == 0`` everywhere is
  subsumed by the others.

Inputs: files and folders of documents (read as ``collabkg build`` reads them, ``sources.yaml``
included), ``--test-texts`` (the string literals of tests/loaders/*.py long enough to be
sentences), ``--pattern-examples`` (the example sentences of loaders/patterns/*.yaml).

``--save FILE`` writes every statement of every input (evidence left out) as sorted lines;
``--compare FILE`` then says what a later version of the code changed (for checking a deletion).

Run from the worktree::

    .venv/bin/python scripts/rule_overlap.py corpus tests/loaders/docs tests/data/second-corpus \\
        ../shared/devset --test-texts --pattern-examples

The dev set is only measured: its text is never printed (``--examples`` prints statements, not
sentences, and only of the inputs given).
"""

from __future__ import annotations

import argparse
import ast
import datetime as dt
import functools
import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml

from collabkg import api
from collabkg.loaders import extract as extract_module
from collabkg.loaders.discourse import Discourse
from collabkg.loaders.documents import Document, find_documents, read_document
from collabkg.loaders.extract import Extractor
from collabkg.loaders.facts import Extraction
from collabkg.loaders.nlp import get_pipeline
from collabkg.loaders.registry import load_places, load_registry

ROOT = Path(__file__).resolve().parent.parent

#: the rules switched off one at a time: Extractor methods and functions of the extract module
METHODS = ["cooperations", "projects", "posts", "meetings", "named_event", "memberships", "ordinal_events", "attendance",
           "sponsors", "attendees", "chairs", "agreements", "task_groups", "platforms", "collaborations", "located",
           "visits", "list_sections"]
FUNCTIONS = ["read_rosters", "read_on_behalf", "read_titled_people", "read_addresses", "link_prefixed_units"]
RETURNS_LIST = {"agreements", "task_groups", "platforms"}
#: where the rules' code is: the Extractor and its mixins (loaders/extract_*.py), and their modules
_RULE_CLASSES = [c for c in Extractor.__mro__ if c is not object]
_RULE_MODULES = list(dict.fromkeys([extract_module] + [sys.modules[c.__module__] for c in _RULE_CLASSES]))

#: regex families inside a rule: (family, rule, a piece of the regex's source only that family's regex has).
#: Switched off by making that regex find nothing while the rule runs.
FAMILIES = [
    ("posts: X, Role of|from|at|in|with Y", "posts", r")(?:\s+(?:of|from|at|in|with)\s+(?:the\s+)?|,\s+)"),
    # "posts: X (Role of Y)" (r"\s*\(\s*(?:the\s+)?(" + role + ...): 0 lost, 0 gained; deleted (issue #14 item 2)
    ("posts: X, a senior engineer at Y", "posts", "engineer|scientist"),
    ("posts: X, Head of Unit at Y", "posts", r"){0,3})\s+(?:at|in|with)"),
    ("cooperations: start year", "cooperations", "(?:begun|began|started"),
    ("cooperations: partners", "cooperations", r"(?:cooperation|collaboration|partnership|exchanges?)\s+between"),
    ("meetings: organizer (meeting of X)", "meetings", r"\sof\s+$"),
    ("chairs: chaired by X", "chairs", r"presided\s+over|moderated|hosted)\s+by"),
    ("chairs: X chaired", "chairs", r"(chaired|co-chaired|presided over|moderated)\s+(?:the"),
    ("agreements: between A and B", "agreements", r")?between\s+(.+?)"),
    ("agreements: A-B agreement (countries)", "agreements", r"\s*[-–—]\s*([A-Z][\w.]*)\s+(?:[a-z]+\s+){0,3}$"),
    ("agreements: A signed with B / A and B signed", "agreements", "(?:agreed|agrees|agree|plans?"),
    ("platforms: a platform for X", "platforms", r"platform\s+(?:for|of)"),
    ("platforms: based on X", "platforms", r"\bbased\s+(?:on|at|in)"),
    ("platforms: builds", "platforms", "(?:build|develop|establish"),
    ("platforms: Platform in Place", "platforms", r"\s+in\s+"),
    ("collaborations: collaboration with X", "collaborations", r"partnerships?)\s+with"),
    ("collaborations: led by X", "collaborations", r"(?:led|coordinated|headed)\s+by"),
    ("collaborations: project partners are X", "collaborations", r"partners\s+(?:are|were"),
    ("collaborations: organised by X", "collaborations", r"(?:The|This|Each)\s+(?:"),
    ("collaborations: cooperation between countries", "collaborations", r"relations)\s+between"),
    ("collaborations: Sino-X partnership", "collaborations", r"[-–]([A-Z][a-z]+)\s+(?:partnership"),
    ("collaborations: country pairs (both regexes)", "collaborations",
     (r"relations)\s+between", r"[-–]([A-Z][a-z]+)\s+(?:partnership")),
    ("delegations: 25 from China", None, r"(?:of\s+them\s+|participants\s+|experts"),
    ("delegations: 40 German and 35 Chinese", None, r"(?=(?:and|,|as\s+well\s+as)"),
    ("list_sections: participants list", None, r"^(?:list\s+of\s+)?(?:participants"),
    ("list_sections: outcomes list", None, r"\b(success(?:es)?|achievements?"),
    ("list_sections: focus list", None, r"\b(focus|areas?|topics?"),
]


def _has(src: str, marker) -> bool:
    return any(m in src for m in ((marker,) if isinstance(marker, str) else marker))


class _Off:
    """A stand-in for ``re`` (or for one compiled regex) that finds nothing for one family's regex."""

    def __init__(self, real, marker: str, rule: str | None):
        self.real, self.marker, self.rule, self.hits = real, marker, rule, 0

    def _off(self, pattern) -> bool:
        src = pattern if isinstance(pattern, str) else getattr(pattern, "pattern", "")
        if _has(src, self.marker) and (self.rule is None or (_stack and _stack[0] == self.rule)):
            self.hits += 1
            return True
        return False

    def search(self, pattern, *a, **k):
        return None if self._off(pattern) else self.real.search(pattern, *a, **k)

    def match(self, pattern, *a, **k):
        return None if self._off(pattern) else self.real.match(pattern, *a, **k)

    def fullmatch(self, pattern, *a, **k):
        return None if self._off(pattern) else self.real.fullmatch(pattern, *a, **k)

    def finditer(self, pattern, *a, **k):
        return iter(()) if self._off(pattern) else self.real.finditer(pattern, *a, **k)

    def __getattr__(self, name):
        return getattr(self.real, name)


class _OffCompiled:
    def __init__(self, compiled):
        self.pattern = compiled.pattern

    def search(self, *a, **k):
        return None

    match = fullmatch = search

    def finditer(self, *a, **k):
        return iter(())

_stack: list[str] = []          # the rules running now, outermost first
_produced: dict | None = None   # statement -> producers, while recording


def _producer() -> str:
    return _stack[0] if _stack else "mentions"


def _wrap(name, fn):
    @functools.wraps(fn)
    def inner(*a, **k):
        _stack.append(name)
        try:
            return fn(*a, **k)
        finally:
            _stack.pop()
    return inner


def _install_recorders() -> None:
    for name in METHODS:
        setattr(Extractor, name, _wrap(name, getattr(Extractor, name)))
    for name in FUNCTIONS:
        setattr(extract_module, name, _wrap(name, getattr(extract_module, name)))
    Discourse.run = _wrap("patterns", Discourse.run)
    add, entity = Extraction.add, Extraction.entity

    def rec_add(self, s, p, o, evidence):
        if _produced is not None and s != o:
            _produced[(s, p, _term(o))].add((_producer(), evidence.method))
        return add(self, s, p, o, evidence)

    def rec_entity(self, key, kind, classes, label, evidence, *, entry=None):
        if _produced is not None:
            for c in classes:
                _produced[(key, "a", c)].add((_producer(), evidence.method if evidence is not None else ""))
        return entity(self, key, kind, classes, label, evidence, entry=entry)

    Extraction.add, Extraction.entity = rec_add, rec_entity


def _term(o) -> str:
    return o if isinstance(o, str) else o.n3()


def statements(x: Extraction) -> set[tuple[str, str, str]]:
    """Every statement of an extraction, evidence left out."""
    out = {(f.subject, f.predicate, _term(f.obj)) for f in x.facts}
    for k, e in x.entities.items():
        out.add((k, "kind", e.kind))
        out.add((k, "label", e.label))
        out |= {(k, "a", c) for c in e.classes}
        out |= {(k, "altLabel", a) for a in e.alt_labels}
        out |= {(k, "acronym", a) for a in e.acronyms}
        if e.entry is not None:
            out.add((k, "entry", e.entry.id))
    return out


def read_inputs(paths: list[str], test_texts: bool, pattern_examples: bool) -> list[Document]:
    docs = []
    files = [Path(p) for p in paths]
    if files:
        found, problems = find_documents(files)
        meta, _ = api._sources_metadata(files)
        for p in found:
            try:
                docs.append(read_document(p, metadata=meta.get(p.resolve())))
            except Exception as e:  # noqa: BLE001 - a document the build would not read either
                print(f"skipped {p}: {e}", file=sys.stderr)
    texts: list[str] = []
    if test_texts:
        for f in sorted((ROOT / "tests" / "loaders").glob("*.py")):
            for node in ast.walk(ast.parse(f.read_text())):
                if isinstance(node, ast.Constant) and isinstance(node.value, str):
                    t = node.value
                    if len(t) >= 30 and " " in t and any(c.isupper() for c in t) and not t.lstrip().startswith(("SELECT", "PREFIX", '"""')):
                        texts.append(t)
    if pattern_examples:
        for f in sorted((ROOT / "loaders" / "patterns").glob("*.yaml")):
            for p in yaml.safe_load(f.read_text()).get("patterns", []):
                ex = p.get("example") or {}
                if ex.get("text"):
                    texts.append(ex["text"])
    for i, t in enumerate(dict.fromkeys(texts)):
        docs.append(Document(Path(f"text-{i}.txt"), t, issued=dt.date(2023, 1, 15)))
    return docs


def _compare(docs, parsed, full, run):
    """Run every document again (``run(doc, parse)``, a rule or family switched off) against its full
    statements: (statements lost, gained, names of the documents that differ, (name, -/+, statement))."""
    lost = gained = 0
    where, examples = [], []
    for d, p, st in zip(docs, parsed, full):
        ab = run(d, p)
        lost += len(st - ab)
        gained += len(ab - st)
        if st != ab:
            where.append(d.name)
            examples += [(d.name, "-", t) for t in sorted(st - ab)] + [(d.name, "+", t) for t in sorted(ab - st)]
    return lost, gained, where, examples


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--test-texts", action="store_true")
    ap.add_argument("--pattern-examples", action="store_true")
    ap.add_argument("--save", help="write the statements of every input (sorted lines) to this file")
    ap.add_argument("--compare", help="compare the statements with those saved in this file")
    ap.add_argument("--no-ablation", action="store_true", help="do not switch off the rules one by one")
    ap.add_argument("--families", action="store_true", help="also switch off the regex families of FAMILIES one by one")
    ap.add_argument("--family", help="only the families whose name holds this")
    ap.add_argument("--examples", type=int, default=0, help="print this many statements each rule alone makes")
    args = ap.parse_args(argv)
    global _produced
    _install_recorders()
    reg, places = load_registry(), load_places()
    nlp = get_pipeline(reg)
    docs = read_inputs(args.paths, args.test_texts, args.pattern_examples)
    parsed = api.parse_texts(nlp, [d.text for d in docs])
    print(f"{len(docs)} inputs", file=sys.stderr)

    def run(d, p):
        try:
            return statements(extract_module.extract(d, registry=reg, places=places, nlp=nlp, known_acronyms={}, spacy_doc=p))
        except Exception as e:  # noqa: BLE001
            return {("ERROR", type(e).__name__, str(e))}

    full, only, only_family = [], Counter(), Counter()
    family_names = defaultdict(set)  # rule -> the evidence methods it records
    for d, p in zip(docs, parsed):
        _produced = defaultdict(set)
        st = run(d, p)
        full.append(st)
        for t in st:
            prods = _produced.get(t, set())
            if len({r for r, _ in prods}) == 1:
                only[next(iter(prods))[0]] += 1
            if len(prods) == 1:
                only_family[next(iter(prods))] += 1
        for r, m in {p for ps in _produced.values() for p in ps}:
            family_names[r].add(m)
        _produced = None
    lines = sorted(f"{d.name}\t{' | '.join(t)}" for d, st in zip(docs, full) for t in st)
    if args.save:
        Path(args.save).write_text("\n".join(lines) + "\n")
    if args.compare:
        old = set(Path(args.compare).read_text().splitlines()) - {""}
        new = set(lines)
        print(f"compare: {len(old - new)} statements gone, {len(new - old)} new")
        for x in sorted(old - new)[:40]:
            print("  -", x)
        for x in sorted(new - old)[:40]:
            print("  +", x)
    print("statements only one (rule, evidence method) produced:")
    for r in METHODS + FUNCTIONS:
        for m in sorted(family_names.get(r, ())):
            print(f"  {r:22} {m:40} {only_family.get((r, m), 0):6}")
    if not args.no_ablation:
        print(f"{'rule':22} {'only':>6} {'lost':>6} {'gained':>6}  docs-with-loss")
    for name in ([] if args.no_ablation else METHODS + FUNCTIONS):
        owner = Extractor if name in METHODS else extract_module
        orig = getattr(owner, name)
        setattr(owner, name, (lambda *a, **k: []) if name in RETURNS_LIST else
                (lambda *a, **k: False) if name == "named_event" else (lambda *a, **k: None))
        try:
            lost, gained, where, lost_examples = _compare(docs, parsed, full, run)
        finally:
            setattr(owner, name, orig)
        print(f"{name:22} {only.get(name, 0):6} {lost:6} {gained:6}  {len(where)}")
        for e in lost_examples[:args.examples]:
            print("     ", *e)
    if args.families:
        import re as real_re
        print(f"\n{'family':48} {'lost':>6} {'gained':>6}  docs  (regex calls switched off)")
        for fam, rule, marker in FAMILIES:
            if args.family and args.family not in fam:
                continue
            saved = {}
            off = _Off(real_re, marker, rule)
            for mod in _RULE_MODULES:
                mod.re = off
            for owner in (*_RULE_CLASSES, *_RULE_MODULES):  # compiled regexes holding the marker
                for k, v in list(vars(owner).items()):
                    if isinstance(v, real_re.Pattern) and _has(v.pattern, marker):
                        saved[(owner, k)] = v
                        setattr(owner, k, _OffCompiled(v))
            try:
                lost, gained, where, examples = _compare(docs, parsed, full, run)
            finally:
                for mod in _RULE_MODULES:
                    mod.re = real_re
                for (owner, k), v in saved.items():
                    setattr(owner, k, v)
            print(f"{fam:48} {lost:6} {gained:6}  {len(where):4}  ({off.hits}{' + compiled ' + ','.join(k for _, k in saved) if saved else ''})")
            for e in examples[:args.examples]:
                print("     ", *e)
    return 0


if __name__ == "__main__":
    sys.exit(main())
