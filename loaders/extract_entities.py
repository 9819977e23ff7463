"""The extractor's entities: a sentence of the document (``_Sentence``), the ontology class of
each kind of body (``_CLASS``), and the helpers that make an entity of a mention (a body with its
parent, country and national committee; a country, region, city or person) and add facts with
their evidence. Mixed into :class:`collabkg.loaders.extract.Extractor`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rdflib import Literal

from collabkg.loaders.body_names import HEADS, initials
from collabkg.loaders.clean import BULLET
from collabkg.loaders.facts import Evidence
from collabkg.loaders.mention_model import Mention
from collabkg.loaders.registry import norm
from collabkg.loaders.resolve import person_key


# ontology class (local name) -> (IRI kind, CURIEs to assert)
_CLASS = {
    "Academy": ("organization", ["org:Organization", "org:FormalOrganization", "ckg:Academy"]),
    "NationalCommittee": ("organization", ["org:Organization", "org:FormalOrganization", "ckg:NationalCommittee"]),
    "ResearchInstitute": ("organization", ["org:Organization", "org:FormalOrganization", "ckg:ResearchInstitute"]),
    "ResearchCenter": ("organization", ["org:Organization", "org:OrganizationalUnit", "ckg:ResearchCenter"]),
    "University": ("organization", ["org:Organization", "org:FormalOrganization", "ckg:University"]),
    "GovernmentAgency": ("organization", ["org:Organization", "org:FormalOrganization", "ckg:GovernmentAgency"]),
    "Bureau": ("organization", ["org:Organization", "org:OrganizationalUnit", "ckg:Bureau"]),
    "Division": ("organization", ["org:Organization", "org:OrganizationalUnit", "ckg:Division"]),
    "InternationalBody": ("organization", ["org:Organization", "org:FormalOrganization", "ckg:InternationalBody"]),
    "TaskGroup": ("organization", ["org:Organization", "org:OrganizationalUnit", "ckg:TaskGroup"]),
    "Organization": ("organization", ["org:Organization"]),
    "OrganizationalUnit": ("organization", ["org:Organization", "org:OrganizationalUnit"]),
    "FundingProgram": ("program", ["ckg:FundingProgram"]),
    "Program": ("program", ["ckg:Program"]),
    "Project": ("project", ["ckg:Project"]),
    "DataInfrastructure": ("infrastructure", ["ckg:DataInfrastructure"]),
    "Platform": ("platform", ["ckg:DataInfrastructure", "ckg:Platform"]),
}


@dataclass
class _Sentence:
    start: int
    end: int
    text: str
    mentions: list[Mention]

    @property
    def is_bullet(self) -> bool:
        return self.text.startswith(BULLET)


class _Entities:
    """Entities of mentions, and facts with evidence: mixed into the Extractor."""

    # -- helpers --------------------------------------------------------------------------
    def ev(self, s: _Sentence, method: str) -> Evidence:
        return Evidence(s.start, s.end, s.text, method)

    def _spelt_out(self, acronym: str) -> Mention | None:
        """The one body named in the document whose words' initials spell ``acronym`` ("Baltic Ice
        Institute" for "BII"), when the document never defines it; None when none or several do."""
        found = {}
        for o in self.mentions:
            name = o.extra.get("name") or o.text
            if o.label == "ORG" and not re.fullmatch(r"[A-Z][A-Z0-9&-]*", name) and len(name.split()) >= 2:
                if initials(re.findall(r"[\w'’-]+", name)) == acronym:
                    found.setdefault(name, o)
        return next(iter(found.values())) if len(found) == 1 else None

    def _parent_entry(self, p: Mention) -> str | None:
        """The registry id of a parent mention, or None when the registry does not know it."""
        if p.entry is not None:
            return p.entry.id
        name = p.extra.get("name") or p.extra.get("long") or self.acronyms.get(p.text) or p.text
        entry = self.registry.lookup(name)
        return entry.id if entry is not None else None

    def org(self, m: Mention, ev: Evidence, *, as_cls: str | None = None) -> str | None:
        """The entity of a body mention (registry-resolved), with parent and country facts."""
        if m.label == "GPE":
            key = self.country(m.code, ev)
            if (c := self.places.country_name(m.text)) is not None and c.code == m.code and m.text != c.name:
                self.x.entities[key].alt_labels.add(m.text)  # "the UK", "the U.S.": the names the text uses
            return key
        if m.label == "REGION":
            return self.region(m.code, ev, m.extra.get("country"))
        if m.label != "ORG":
            return None
        entry = m.entry
        name = m.extra.get("name") or m.text
        if entry is None and (m.method == "acronym-use" or (m.text in self.acronyms and m.text.isupper() and m.method != "acronym-definition")):
            # "NDI Polar Laboratory" after "the Nordic Data Institute (NDI)": the body the document named so
            long = self.acronyms.get(m.text) or m.extra.get("long")
            entry = self.registry.lookup(long) if long else None
            name = long or name
        if entry is None and (am := re.fullmatch(r"([A-Z][A-Za-z&-]{1,11})\s+([A-Z][a-z]+)", name)) and am.group(1) in self.acronyms \
                and self.acronyms[am.group(1)].lower().endswith(" " + am.group(2).lower()):
            name = self.acronyms[am.group(1)]  # "PDC Program" after "the Polar Data Commons Program (PDC)": that programme
        if entry is None:
            entry = self.registry.lookup(name)
        if entry is None and m.method != "acronym-definition" and re.fullmatch(r"[A-Z][A-Z0-9]{1,9}", name) and name not in self.acronyms:
            long = self._spelt_out(name)
            if long is not None:  # "BII Deputy Director" after "the Baltic Ice Institute": that institute
                self.acronyms[name] = long.extra.get("name") or long.text
                key = self.org(long, ev, as_cls=as_cls)
                if key:
                    self.x.entities[key].acronyms.add(name)
                return key
        if entry is not None and entry.parent and m.parent is not None and self._parent_entry(m.parent) != entry.parent:
            # "the EAS Bureau of International Cooperation": the registry's bureau is another academy's;
            # this one is the text's own unit of its own parent
            entry, name = None, m.extra.get("name") or m.text
        if name.endswith(("Groups", "Universities", "Centers", "Centres", "Institutes")) and entry is None:
            return None  # a plural: a kind of body, not one body
        cls = as_cls or (entry.kind if entry else m.cls) or "Organization"
        kind, classes = _CLASS.get(cls, _CLASS["Organization"])
        committee_of, country = (self._national_committee(m, name, ev) if cls == "NationalCommittee" and entry is None
                                 else (None, m.country))
        name_key = name
        if not country and entry is None and (om := re.search(r"\bof\s+(?:the\s+)?([A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|of))*)$", name)):
            # "the Royal Academy of Letters of Chad", "the Academy of Sciences of the Republic of X": in that country
            c = self.places.country(om.group(1))
            country = c.code if c is not None else None
            short = name[:om.start()].strip()
            if country and _distinctive(short):
                # "the Polar Records Institute of Norway", later "the Polar Records Institute": one body
                name_key = short
        if entry is not None:
            key = f"{kind}/{entry.id}"
            label = entry.name
        else:
            key = f"{kind}/{norm(name_key)}"
            label = re.sub(r"^[“\"]|[”\"]$", "", name)
            if committee_of and country:
                # "CODATA-Japan" = "the Japanese National Committee for CODATA": one body per body and country
                key = f"{kind}/{committee_of.split('/', 1)[1]}-{norm(self.places.countries[country].name).replace(' ', '-')}"
            if m.parent is not None and _is_generic_unit(name):
                # "the Data Center of IGSNRR": one of many data centres; known by its parent too, so it
                # never merges with another body's "Data Center"
                pkey = self.org(m.parent, ev)
                if pkey:
                    key = f"{kind}/{norm(name)}|{pkey.split('/', 1)[1]}"
            if kind in ("program", "project", "platform", "infrastructure") and key not in self.x.entities and len(name.split()) >= 2:
                # "the Data Stewardship Programme" after "CODATA Brazil Data Stewardship Programme": one programme
                longer = [k for k, e in self.x.entities.items() if e.kind == kind and e.entry is None and norm(e.label).endswith(" " + norm(name))]
                if len(longer) == 1:
                    key, label = longer[0], self.x.entities[longer[0]].label
        ent = self.x.entity(key, kind, classes, label, ev, entry=entry)
        if name != label:
            ent.alt_labels.add(name)
        if m.extra.get("alias"):
            ent.alt_labels.add(m.extra["alias"])  # its name in another language
        if m.acronym:
            ent.acronyms.add(m.acronym)
        if m.parent is not None:
            pkey = self.org(m.parent, ev)
            if pkey and pkey.startswith("program/"):
                # "regional centres of excellence (RCoE) of the Polar Data Programme": partners of the programme
                self.x.add(pkey, "ckg:partner", key, Evidence(ev.start, ev.end, ev.quote, "rule:programme-unit"))
            elif pkey:
                rel = "ckg:hostedBy" if m.extra.get("parent_rel") == "hostedBy" else "org:subOrganizationOf"
                self.x.add(key, rel, pkey, Evidence(ev.start, ev.end, ev.quote, "rule:sub-organization" if rel.startswith("org") else "rule:hosted-by"))
        if committee_of:
            self.x.add(key, "ckg:nationalCommitteeOf", committee_of, Evidence(ev.start, ev.end, ev.quote, "rule:national-committee"))
        if country:
            ckey = self.country(country, ev)
            self.x.add(key, "ckg:country", ckey, Evidence(ev.start, ev.end, ev.quote, "rule:org-country"))
        return key

    _COMMITTEE_OF = re.compile(r"\b(?:for|of|to)\s+(?:the\s+)?([A-Z][\w-]*(?:\s+(?:[A-Z][\w-]*|of|on|for|and))*)")

    def _national_committee(self, m: Mention, name: str, ev: Evidence) -> tuple[str | None, str | None]:
        """A national committee the registry does not know: the key of the international body it
        is the committee of ("... National Committee for CODATA", "CODATA-Japan") and its country
        code ("Kenyan ...", "... of Brazil", "CODATA-Japan"), each None if the name does not say."""
        body = m.extra.get("committee_of")
        if body is None and not re.search(r"\bNational\s+Committee\b", name):
            return None, m.country  # "the Executive Committee of CODATA": a committee of the body, not a national one
        if body is None:
            for bm in self._COMMITTEE_OF.finditer(name):
                words = bm.group(1).split()
                while words and words[-1] in ("of", "on", "for", "and"):
                    words.pop()
                for n in range(len(words), 0, -1):  # "CODATA of Brazil": the longest known name first
                    entry = self.registry.lookup(" ".join(words[:n]))
                    if entry is not None and entry.kind == "InternationalBody":
                        body = Mention(m.start, m.end, " ".join(words[:n]), "ORG", entry.kind, entry=entry)
                        break
                if body is not None:
                    break
        country = m.country
        if not country:
            words = name.split()
            # "South African National Committee ...", "Kenyan National Committee ...", "... of Brazil"
            cands = [" ".join(words[:n]) for n in (2, 1) if len(words) > n]
            if om := re.search(r"\bof\s+(?:the\s+)?([A-Z][\w .'-]+)$", name):
                cands.append(om.group(1))
            c = next((c for c in map(self.places.country, cands) if c is not None), None)
            country = c.code if c else None
        return (self.org(body, ev) if body is not None else None), country

    def country(self, code: str, ev: Evidence | None) -> str:
        c = self.places.countries.get(code)
        name = c.name if c else code
        return self.x.entity(f"place/{code.lower()}", "place", ["schema:Place", "schema:Country"], name, ev).key

    def region(self, name: str, ev: Evidence | None, country: str | None = None) -> str:
        """A region's entity; a state or province of one country (``country``, its ISO code) is in it."""
        key = self.x.entity(f"place/{norm(name)}", "place", ["schema:Place", "ckg:Region"], name, ev).key
        if country and ev is not None:
            self.x.add(key, "schema:containedInPlace", self.country(country, ev), Evidence(ev.start, ev.end, ev.quote, "rule:region-country"))
        return key

    def city(self, name: str, code: str | None, ev: Evidence) -> str:
        """A city's entity, in its country when ``code`` (ISO) is given, or when the document names
        the city with one country elsewhere ("held in Kunming, China ... in Kunming")."""
        code = code or self._city_countries().get(name)
        key = f"place/{norm(name)}-{code.lower()}" if code else f"place/{norm(name)}"
        ent = self.x.entity(key, "place", ["schema:Place", "schema:City"], name, ev)
        if code:
            self.x.add(ent.key, "schema:containedInPlace", self.country(code, ev), Evidence(ev.start, ev.end, ev.quote, "rule:city-country"))
        return ent.key

    def _city_countries(self) -> dict[str, str]:
        """The country of each city this document names with exactly one country ("Kunming, China")."""
        if self._city_country is None:
            seen: dict[str, set[str]] = {}
            for m in self.mentions:
                if m.label == "CITY":
                    code = m.code or ((c := self.places.country_after(self.text, m.end)) and c.code)
                    name = self.places.cities[m.text][0] if m.text in self.places.cities else m.text
                    if code:
                        seen.setdefault(name, set()).add(code)
                elif m.extra.get("city") and m.extra["city"][1]:  # an affiliation's "Kisumu, Kenya" (loaders/addresses.py)
                    seen.setdefault(m.extra["city"][0], set()).add(m.extra["city"][1])
            self._city_country = {n: next(iter(cs)) for n, cs in seen.items() if len(cs) == 1}
        return self._city_country

    def person(self, m: Mention, ev: Evidence) -> str:
        key = "person/" + person_key(m.text)
        if len(m.text.split()) == 1:
            # "Dr. Klein" after "Dr. Robert Klein": the one person of the document with that name
            # (a hyphenated family name, "Esquivel-Hart" after "Dr. Mariana Esquivel-Hart", is all of it)
            mine = person_key(m.text).split("-")
            same = {person_key(o.text) for o in self.mentions if o.label == "PERSON" and len(o.text.split()) > 1
                    and _contains(person_key(o.text).split("-"), mine)}
            if len(same) == 1:
                key = "person/" + same.pop()
                ent = self.x.entity(key, "person", ["foaf:Person"], next(o.text for o in self.mentions if o.label == "PERSON" and person_key(o.text) == key[7:]), ev)
                ent.alt_labels.add(f"{m.title} {m.text}" if m.title else m.text)
                return key
        ent = self.x.entity(key, "person", ["foaf:Person"], m.text, ev)
        if m.title:
            ent.alt_labels.add(f"{m.title}{'' if m.title.endswith('.') else '.'} {m.text}" if m.title in ("Dr", "Prof", "Mr", "Ms", "Mrs") else f"{m.title} {m.text}")
            self.x.add(key, "foaf:title", Literal(m.title if m.title.endswith(".") or len(m.title) > 4 else m.title + "."), Evidence(ev.start, ev.end, ev.quote, "rule:person-title"))
        return key

    def lit(self, key: str, pred: str, value: Literal, s: _Sentence, method: str) -> None:
        self.x.add(key, pred, value, self.ev(s, method))

    def rel(self, a: str | None, pred: str, b: str | None, s: _Sentence, method: str) -> None:
        if a and b:
            self.x.add(a, pred, b, self.ev(s, method))

    def mentions_in(self, s: _Sentence, a: int, b: int, labels=("ORG", "GPE", "REGION")) -> list[Mention]:
        return [m for m in s.mentions if a <= m.start and m.end <= b and m.label in labels]


def _contains(words: list[str], part: list[str]) -> bool:
    """Whether ``part`` is a run of ``words``: ["hart"] and ["esquivel", "hart"] of ["esquivel", "hart", "mariana"]."""
    return any(words[i:i + len(part)] == part for i in range(len(words) - len(part) + 1))


#: Words a unit's name can be made of without naming any one body ("Data Center", "International Office").
_GENERIC_UNIT_WORDS = {
    "data", "center", "centre", "office", "division", "department", "bureau", "secretariat", "library", "unit",
    "laboratory", "lab", "information", "science", "sciences", "scientific", "research", "international",
    "cooperation", "affairs", "services", "service", "management", "technology", "network", "computing",
    "digital", "resources", "general", "executive", "national", "key", "and", "of", "for", "the", "&",
    # a governing or advisory body named by its function ("Executive Committee", "Board of Trustees")
    "committee", "board", "council", "panel", "commission", "presidium", "senate", "steering", "advisory",
    "governing", "organizing", "organising", "programme", "program", "technical", "standing", "editorial",
    "coordinating", "coordination", "supervisory", "policy", "trustees", "directors", "governors",
}


def _distinctive(name: str) -> bool:
    """Whether a body's name says which body it is by itself: a word in it is neither a head noun
    ("Institute"), a generic word ("National", "Science") nor a connector. "Polar Records Institute"
    is; "National Academy of Sciences" is not (one of many, told apart by their countries)."""
    words = [w for w in re.findall(r"[\w'’-]+", name) if w.lower() not in ("of", "for", "and", "the", "on", "in", "&")]
    return len(words) >= 2 and any(not HEADS.get(w) and w not in _PLAIN_NAME_WORDS and not w.isdigit() for w in words)


_PLAIN_NAME_WORDS = {"National", "International", "Science", "Sciences", "Scientific", "Technology", "Technical", "Research",
                     "Data", "Information", "Academy", "Royal", "State", "Federal", "Central", "General", "Studies", "Arts",
                     "Letters", "Humanities", "Engineering", "Medicine", "Medical", "Natural", "Social", "Higher", "Education",
                     "Republic", "People's", "Islamic", "Democratic", "United", "Council", "Foundation", "Institute"}


def _is_generic_unit(name: str) -> bool:
    """Whether a unit's name is a description any body could use ("Data Center", "Office of International Cooperation").

    >>> _is_generic_unit("Data Center"), _is_generic_unit("BIG Data Center"), _is_generic_unit("Polar Data Centre")
    (True, False, False)
    """
    words = re.findall(r"[\w&]+", name.lower())
    return bool(words) and all(w in _GENERIC_UNIT_WORDS for w in words)
