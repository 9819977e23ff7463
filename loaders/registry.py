"""The curated registry of known bodies, and the gazetteer of places.

Both are YAML files shipped with the package (``registry.yaml``, ``places.yaml``); a user adds
their own registry with ``collabkg build --registry FILE``. Entries are checked on load, and a bad
one is reported with the file, the entry and the field at fault.

>>> reg = load_registry()
>>> reg.lookup("CAS").name
'Chinese Academy of Sciences'
>>> reg.lookup("chinese academy of science").id
'cas'
>>> places = load_places()
>>> places.country("U.S.").name, places.country("Chinese").code
('United States', 'CN')
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from collabkg.errors import RegistryError

__all__ = ["Entry", "Registry", "Country", "Places", "load_registry", "load_places", "ORG_KINDS", "norm"]

#: Kinds a registry entry may have (ontology class local names) and the one-word kind used for grouping.
ORG_KINDS = {
    "Academy": "organization", "NationalCommittee": "organization", "ResearchInstitute": "organization",
    "ResearchCenter": "organization", "University": "organization", "GovernmentAgency": "organization",
    "Bureau": "organization", "Division": "organization", "InternationalBody": "organization",
    "TaskGroup": "organization", "Organization": "organization", "FundingProgram": "program",
    "Program": "program", "Project": "project", "DataInfrastructure": "infrastructure", "Platform": "platform",
}
_FIELDS = {"id", "name", "aliases", "acronyms", "kind", "country", "parent", "national_committee_of",
           "hosted_by", "ror", "wikidata", "ror_source", "wikidata_source", "source", "override"}


def norm(text: str) -> str:
    """Normalise a name for matching: case, punctuation, "the", "&"/"and" and spacing folded.

    >>> norm("The  Bureau of International Cooperation, CAS") == norm("bureau of international cooperation cas")
    True
    """
    t = text.lower().replace("&", " and ").replace("’", "'")
    t = re.sub(r"[“”\"'.,()\[\]–—\-/]", " ", t)
    t = re.sub(r"^\s*the\s+", "", t)
    return re.sub(r"\s+", " ", t).strip()


@dataclass
class Entry:
    """One known body."""

    id: str
    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    acronyms: list[str] = field(default_factory=list)
    country: str | None = None
    parent: str | None = None
    national_committee_of: str | None = None
    hosted_by: str | None = None
    ror: str | None = None
    wikidata: str | None = None
    ror_source: str | None = None
    wikidata_source: str | None = None
    source: str | None = None
    origin: str = ""

    @property
    def surface_forms(self) -> list[str]:
        return [self.name, *self.aliases, *self.acronyms]


class Registry:
    """Known bodies by id, and a lookup from any name, alias or acronym."""

    def __init__(self, entries: list[Entry]):
        self.entries = {e.id: e for e in entries}
        self._by_norm: dict[str, Entry] = {}
        self._acronyms: dict[str, Entry] = {}
        for e in entries:
            for form in (e.name, *e.aliases):
                self._by_norm.setdefault(norm(form), e)
            for a in e.acronyms:
                self._acronyms.setdefault(a, e)

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self):
        return iter(self.entries.values())

    def lookup(self, name: str) -> Entry | None:
        """Return the entry a name, alias or acronym (case-sensitive for acronyms) refers to."""
        name = name.strip()
        if name in self._acronyms:
            return self._acronyms[name]
        return self._by_norm.get(norm(name))

    def get(self, entry_id: str | None) -> Entry | None:
        return self.entries.get(entry_id) if entry_id else None

    @property
    def acronyms(self) -> dict[str, Entry]:
        return dict(self._acronyms)


def _entry(raw: object, where: str) -> Entry:
    if not isinstance(raw, dict):
        raise RegistryError(f"{where}: an entry must be a mapping with id, name and kind, got {type(raw).__name__}")
    unknown = set(raw) - _FIELDS
    if unknown:
        raise RegistryError(f"{where}: unknown field(s) {sorted(unknown)}", hint=f"allowed: {sorted(_FIELDS)}")
    for req in ("id", "name", "kind"):
        if not isinstance(raw.get(req), str) or not raw[req].strip():
            raise RegistryError(f"{where}: field {req!r} is missing or not a string", hint="every entry needs id, name and kind")
    if raw["kind"] not in ORG_KINDS:
        raise RegistryError(f"{where} ({raw['id']}): kind {raw['kind']!r} is not one of {sorted(ORG_KINDS)}")
    for lst in ("aliases", "acronyms"):
        v = raw.get(lst, [])
        if not isinstance(v, list) or not all(isinstance(x, str) and x.strip() for x in v):
            raise RegistryError(f"{where} ({raw['id']}): {lst!r} must be a list of names")
    if isinstance(raw.get("country"), bool):
        raise RegistryError(f"{where} ({raw['id']}): country is {raw['country']!r}, not a code", hint="quote it: YAML reads NO, ON, YES as booleans, write country: \"NO\"")
    if raw.get("country") is not None and not re.fullmatch(r"[A-Z]{2}", str(raw["country"])):
        raise RegistryError(f"{where} ({raw['id']}): country {raw['country']!r} is not an ISO 3166-1 alpha-2 code such as CN")
    for ext, pat in (("ror", r"https://ror\.org/0[a-z0-9]{8}"), ("wikidata", r"http://www\.wikidata\.org/entity/Q\d+")):
        if raw.get(ext) is not None:
            if not re.fullmatch(pat, str(raw[ext])):
                raise RegistryError(f"{where} ({raw['id']}): {ext} {raw[ext]!r} is not a full identifier IRI", hint=f"expected the form {pat}")
            if not raw.get(f"{ext}_source"):
                raise RegistryError(f"{where} ({raw['id']}): {ext} given without {ext}_source", hint="say where the identifier was verified")
    return Entry(**{k: (v.strip() if isinstance(v, str) else v) for k, v in raw.items()}, origin=where)


def load_registry(*extra: str | Path, strict: bool = True):
    """Load the bundled registry plus any ``extra`` YAML files (later entries win on the same id).

    An extra entry with the id of a built-in body replaces it only with ``override: true`` (and a
    warning says so); without it the entry is refused, naming the built-in body.

    With ``strict=False`` a malformed file or entry is left out instead, and the result is
    ``(registry, problems)``: the good entries still load.

    Raises
    ------
    RegistryError
        (strict) a file is missing, not YAML, or holds a malformed entry (the message names file and entry).
    """
    problems: list[RegistryError] = []

    def fail(err: RegistryError) -> None:
        if strict:
            raise err
        problems.append(err)

    sources: list[tuple[str, str]] = [("registry.yaml (bundled)", resources.files("collabkg.loaders").joinpath("registry.yaml").read_text("utf-8"))]
    for p in extra:
        try:
            sources.append((str(p), Path(p).read_text("utf-8")))
        except (OSError, UnicodeDecodeError) as e:
            fail(RegistryError(f"{p}: cannot read the registry file: {e}"))
    entries: dict[str, Entry] = {}
    builtin: dict[str, Entry] = {}
    for name, text in sources:
        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as e:
            mark = getattr(e, "problem_mark", None)
            at = f" line {mark.line + 1}, column {mark.column + 1}:" if mark else ""
            fail(RegistryError(f"{name}:{at} not valid YAML: {getattr(e, 'problem', e)}", hint="fix the file; its entries were not loaded"))
            continue
        items = data.get("entries") if isinstance(data, dict) else data
        if not isinstance(items, list):
            fail(RegistryError(f"{name}: expected a list of entries (or a mapping with 'entries:')"))
            continue
        for i, raw in enumerate(items, 1):
            ident = raw.get("id") if isinstance(raw, dict) else None
            where = f"{name}: entry {i}" + (f" (id {ident})" if ident else "")
            override = isinstance(raw, dict) and raw.get("override") is True
            try:
                e = _entry({k: v for k, v in raw.items() if k != "override"} if isinstance(raw, dict) else raw, where)
            except RegistryError as err:
                fail(err)
                continue
            old = builtin.get(e.id)
            if old is not None and name != sources[0][0]:
                if not override:  # a built-in body is never replaced by accident
                    fail(RegistryError(f"{where}: id {e.id!r} is the built-in body {old.name!r}; the entry was left out",
                                       hint="add 'override: true' to the entry to replace the built-in one, or choose another id"))
                    continue
                warnings.warn(f"{where}: replaces the built-in body {e.id!r} ({old.name!r} -> {e.name!r}), as its 'override: true' asks",
                              stacklevel=2)
            entries[e.id] = e
        if name == sources[0][0]:
            builtin = dict(entries)
    for e in entries.values():
        for ref in ("parent", "national_committee_of", "hosted_by"):
            target = getattr(e, ref)
            if target and target not in entries:
                fail(RegistryError(f"{e.origin}: {ref} {target!r} is not the id of any entry", hint="the link was left out"))
                setattr(e, ref, None)
    reg = Registry(list(entries.values()))
    return reg if strict else (reg, problems)


@dataclass(frozen=True)
class Country:
    code: str
    name: str


class Places:
    """Countries (by name, other names, adjectives), regions and cities."""

    def __init__(self, data: dict):
        self.countries: dict[str, Country] = {}
        self._country_forms: dict[str, Country] = {}
        self._adjectives: dict[str, Country] = {}
        for c in data.get("countries", []):
            country = Country(c["code"], c["name"])
            self.countries[c["code"]] = country
            for form in (c["name"], *c.get("names", [])):
                self._country_forms[form] = country
                self._country_forms.setdefault(form.lower(), country) if len(form) > 3 else None
            for adj in c.get("adjectives", []):
                self._adjectives[adj] = country
        self._add_iso_countries()
        self.regions: dict[str, str] = {}
        for r in data.get("regions", []):
            for form in (r["name"], *r.get("names", [])):
                self.regions[form] = r["name"]
        self.cities: dict[str, tuple[str, str]] = {}
        for c in data.get("cities", []):
            for form in (c["name"], *c.get("names", [])):
                self.cities[form] = (c["name"], c["country"])
        # capitals and cities of a million people (loaders/world_cities.yaml); the hand-kept list wins
        for c in data.get("world_cities", []):
            if c["name"] in self._country_forms or c["name"] in self.cities:
                continue
            for form in (c["name"], *c.get("names", [])):
                self.cities.setdefault(form, (c["name"], c["country"]))
        self.us_states = set(data.get("us_states", []))
        self._subdivisions: dict[str, tuple[str, str | None]] | None = None

    #: first-level subdivisions of ISO 3166-2 (pycountry) a text names as a region of its country
    _SUBDIVISION_TYPES = {"State", "Province", "Autonomous region", "Autonomous community", "Land", "Territory",
                          "Union territory", "Region", "Autonomous province", "Federal district", "Regional state"}

    def subdivision(self, text: str) -> tuple[str, str | None] | None:
        """The state, province or region of ISO 3166-2 a name stands for, as ``(name, country code)``;
        the code is None when several countries have one of that name ("Punjab").

        >>> load_places().subdivision("California"), load_places().subdivision("Yunnan Province")
        (('California', 'US'), ('Yunnan', 'CN'))
        """
        if self._subdivisions is None:
            import pycountry

            found: dict[str, set[tuple[str, str]]] = {}
            for sd in pycountry.subdivisions:
                if sd.type not in self._SUBDIVISION_TYPES or getattr(sd, "parent_code", None):
                    continue
                name = re.sub(r"\s*\[.*?\]|\s*\(.*?\)", "", sd.name).split(",")[0].strip()
                short = re.sub(r"\s+(?:Sheng|Zizhiqu|Shi|Province|State|Region)$", "", name)
                for form in {name, short, f"{short} {sd.type}", f"{short} Province", f"{short} State"}:
                    if len(form) > 3 and form not in self._country_forms and form not in self.cities:
                        found.setdefault(form, set()).add((short, sd.country_code))
            self._subdivisions = {f: (next(iter(v))[0], next(iter(v))[1] if len({c for _, c in v}) == 1 else None)
                                  for f, v in found.items()}
        t = text.strip()
        if t in _AP_STATES:  # "Menlo Park, Calif.": the state as news agencies abbreviate it
            return _AP_STATES[t], "US"
        return self._subdivisions.get(t)

    #: ISO names that are also common given names or other things: known only from the bundled gazetteer
    _AMBIGUOUS = {"Jordan", "Chad", "Georgia", "Jersey", "Guernsey", "Isle of Man", "Niger", "Guinea", "Dominica",
                  "Turkey"}

    def _add_iso_countries(self) -> None:
        """Every country of ISO 3166 (pycountry) that the bundled gazetteer does not name, by its short,
        common and official names ("Estonia", "Republic of Estonia")."""
        import pycountry

        for c in pycountry.countries:
            country = self.countries.get(c.alpha_2)
            if country is None:
                country = self.countries[c.alpha_2] = Country(c.alpha_2, getattr(c, "common_name", None) or c.name)
            for form in {c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)} - {None}:
                if "," in form or "(" in form or len(form) <= 3 or (form in self._AMBIGUOUS and form not in self._country_forms):
                    continue
                self._country_forms.setdefault(form, country)
                self._country_forms.setdefault(form.lower(), country)

    def country_name(self, text: str) -> Country | None:
        """The country ``text`` names as written (a name or other name, not an adjective), else None.

        >>> load_places().country_name("UK").name, load_places().country_name("British")
        ('United Kingdom', None)
        """
        return self._country_forms.get(text.strip())

    def country(self, text: str) -> Country | None:
        """Return the country a name, other name or adjective refers to ("U.S.", "Chinese", "Sino")."""
        t = text.strip()
        return self._country_forms.get(t) or self._adjectives.get(t) or self._country_forms.get(t.lower())

    _ADJ_ENDINGS = ("vian", "ian", "ean", "an", "ese", "ish", "i", "n")

    def adjective(self, code: str) -> str | None:
        """The first adjective of nationality the gazetteer gives a country ("CN": "Chinese"), if any.

        >>> load_places().adjective("CN")
        'Chinese'
        """
        return next((a for a, c in self._adjectives.items() if c.code == code), None)

    def country_of_adjective(self, word: str) -> Country | None:
        """The country an adjective of nationality names: the gazetteer's ("Chinese"), else the one
        country whose name begins with the word less a usual ending ("Omani", "Kenyan", "Peruvian").
        Ambiguous stems name none ("Austr-": Austria or Australia). For readings that already know the
        word is a nationality (a visit named "Omani Delegation"), not for finding places in text.

        >>> p = load_places()
        >>> [p.country_of_adjective(w).name for w in ("Omani", "Kenyan", "Peruvian", "Chinese")]
        ['Oman', 'Kenya', 'Peru', 'China']
        >>> p.country_of_adjective("Delegation") is None
        True
        """
        if word in self._adjectives:
            return self._adjectives[word]
        names = {n: c for n, c in self._country_forms.items() if n[:1].isupper() and " " not in n}
        for end in self._ADJ_ENDINGS:
            stem = word[:-len(end)] if word.endswith(end) else ""
            if len(stem) < 3:
                continue
            found = {c.code: c for n, c in names.items() if n.startswith(stem) and len(n) - len(stem) <= 2}
            if len(found) == 1:
                return next(iter(found.values()))
        return None

    _AFTER_COMMA = re.compile(r",[ \t]*([A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*){0,3})")

    def country_after(self, text: str, pos: int) -> Country | None:
        """The country a comma right at ``pos`` introduces ("Salzburg, Austria"), else None.

        >>> load_places().country_after("Salzburg, Austria on 4 May", 8).name
        'Austria'

        The country's name stays on the line ("Held in Kunming,China" over a dateline) and may be
        followed by other capitalised words ("Nairobi, Kenya Dec 05"):

        >>> load_places().country_after("Held in Kunming,China\\n\\nDec 05", 15).name
        'China'
        """
        cm = self._AFTER_COMMA.match(text[pos:pos + 40])
        if not cm:
            return None
        words = cm.group(1).split()
        return next((c for n in range(len(words), 0, -1) if (c := self.country(" ".join(words[:n]))) is not None), None)

    def is_place_name(self, word: str) -> bool:
        """Whether ``word`` names a city or a country (not an adjective: "Kenya", "Shanghai", not "Kenyan")."""
        return word in self.cities or word in self._country_forms

    def country_names(self) -> list[str]:
        return sorted(set(self._country_forms) | set(self._adjectives), key=len, reverse=True)


#: US states as the AP stylebook abbreviates them after a city ("Boulder, Colo.")
_AP_STATES = {"Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California", "Colo.": "Colorado",
              "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida", "Ga.": "Georgia", "Ill.": "Illinois",
              "Ind.": "Indiana", "Kan.": "Kansas", "Ky.": "Kentucky", "La.": "Louisiana", "Md.": "Maryland",
              "Mass.": "Massachusetts", "Mich.": "Michigan", "Minn.": "Minnesota", "Miss.": "Mississippi", "Mo.": "Missouri",
              "Mont.": "Montana", "Neb.": "Nebraska", "Nev.": "Nevada", "N.H.": "New Hampshire", "N.J.": "New Jersey",
              "N.M.": "New Mexico", "N.Y.": "New York", "N.C.": "North Carolina", "N.D.": "North Dakota", "Okla.": "Oklahoma",
              "Ore.": "Oregon", "Pa.": "Pennsylvania", "R.I.": "Rhode Island", "S.C.": "South Carolina", "S.D.": "South Dakota",
              "Tenn.": "Tennessee", "Vt.": "Vermont", "Va.": "Virginia", "Wash.": "Washington", "W.Va.": "West Virginia",
              "Wis.": "Wisconsin", "Wyo.": "Wyoming"}


@lru_cache(maxsize=1)
def load_places() -> Places:
    """The bundled gazetteer, read once per process and shared (nothing changes a :class:`Places`).

    The extractor asks for it several times per document (mentions, resolution); parsing the
    YAML each time was about 0.03 CPU-s per call, a quarter of a document's cost.

    >>> load_places() is load_places()
    True
    """
    folder = resources.files("collabkg.loaders")
    data = yaml.safe_load(folder.joinpath("places.yaml").read_text("utf-8"))
    data["world_cities"] = yaml.safe_load(folder.joinpath("world_cities.yaml").read_text("utf-8"))["cities"]
    return Places(data)
