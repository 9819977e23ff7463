"""Facts from the dependency patterns: the agent, place, role and things a matched pattern's
nodes name (lists, the "by ..." of an event, datelines), and the fact each pattern states
(``apply``, ``_fact``), with its evidence; the slots and predicates of each kind of pattern."""

from __future__ import annotations

import re

from collabkg.loaders.discourse_events import _is_future
from collabkg.loaders.facts import Evidence
from collabkg.loaders.parse_lists import _listed
from collabkg.loaders.person_names import TITLE_RE
from collabkg.loaders.registry import norm
from collabkg.loaders.resolve import delegation_key


#: the role a verb of leading gives its subject ("X, who chairs the group": its Chair)
_VERB_ROLES = {"lead": "Leader", "chair": "Chair", "head": "Head", "coordinate": "Coordinator", "direct": "Director",
               "co-chair": "Co-chair", "cochair": "Co-chair", "manage": "Manager", "convene": "Convener"}


#: words that make a title another one ("Vice-President", "Deputy Director")
_ROLE_PREFIXES = {"vice", "deputy", "co", "executive", "assistant", "acting", "associate", "honorary"}


#: words before a title that say when or in what order it is held, not what it is ("the first President")
_PASSING = {"first", "second", "third", "new", "current", "incoming", "newly", "sitting"}


def _right_after(text: str, org_tok, person_tok) -> bool:
    """Whether the person's name follows the body's name with only a comma and titles between them."""
    om, pm = org_tok._.ckg_mention, person_tok._.ckg_mention
    if om is None or pm is None or pm.start < om.end:
        return False
    return re.fullmatch(r"\s*,\s*(?:(?:[A-Z][a-z]{0,9}\.?|Prof\.\s*Dr)\s+)*", text[om.end:pm.start]) is not None


def _group_of(tok):
    """The delegation (mission, team, visit) a body's name after "of" belongs to ("a delegation of the
    X led by A": the parser hangs "led" on the X), else None."""
    if tok._.ckg_kind != "ORG" or tok.dep_ != "pobj" or tok.head.lower_ != "of":
        return None
    group = tok.head.head
    return group if group._.ckg_kind == "EVENT" and group.lemma_.lower() in ("delegation", "mission", "team", "visit") else None


def _how_taken(doc, i: int, role_i: int) -> bool:
    """Whether token ``i``, before the role noun, is a participle that says how the post was taken
    ("elected", "re-elected", "appointed"), or the "re" and "-" of "re-elected"."""
    t = doc[i]
    if t.lower_ in _TAKEN:
        return True
    return t.lower_ in ("re", "-") and i + 1 < role_i and (doc[i + 1].text == "-" or doc[i + 1].lower_ in _TAKEN)


#: how a post was taken, written before its title: not part of it ("was newly elected Vice-Chair")
_TAKEN = {"elected", "re-elected", "reelected", "appointed", "re-appointed", "reappointed", "named", "nominated", "designated",
          "chosen", "selected", "confirmed", "installed"}


class _PatternFacts:
    """The facts of matched patterns: mixed into Discourse."""

    # -- the entities of nodes ----------------------------------------------------------------
    def agent(self, tok, s, ev, kinds=("PERSON", "ORG", "GPE", "PROJECT")) -> str | None:
        if _in_dateline(tok):
            return None  # "KYOTO, Japan, June 2 -- A delegation ... visited": the place of the dateline, no agent
        m = tok._.ckg_mention
        if m is None and tok.lemma_.lower() in _GROUP_NOUNS:
            # "a delegation of CAS", "experts from NCAR": the body the group comes from
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in ("of", "from"):
                    g = next((g for g in c.children if g.dep_ == "pobj" and g._.ckg_mention is not None), None)
                    if g is not None:
                        tok, m = g, g._.ckg_mention
                        break
        if m is None or tok._.ckg_kind not in kinds:
            return None
        if m.label == "PERSON":
            return self.ex.person(m, ev)
        if m.label in ("ORG", "GPE", "REGION"):
            return self.ex.org(m, ev)
        return None

    def place(self, tok, s, ev) -> str | None:
        m = tok._.ckg_mention
        if m is None:
            return None
        if m.label == "CITY":
            name = self.ex.places.cities[m.text][0] if m.text in self.ex.places.cities else m.text
            if not m.code:  # a city the NER found: the one of that name the rules placed in a country
                known = next((k for k, e in self.ex.x.entities.items() if e.kind == "place" and e.label == name
                              and "schema:City" in e.classes and self.ex.x.objects(k, "schema:containedInPlace")), None)
                if known:
                    return known
            return self.ex.city(name, m.code, ev)
        if m.label in ("GPE", "REGION", "ORG"):
            return self.ex.org(m, ev)
        if m.label == "VENUE":
            name = m.extra.get("name") or m.text  # "the Conference Hall of the X": named with its owner
            return self.ex.x.entity(f"place/{norm(name)}", "place", ["schema:Place"], name, ev).key
        return None

    def role(self, tok) -> str:
        """The title of a post around a role noun, as written: "Vice-Chancellor", "executive director";
        a verb of leading names the role it stands for ("who chairs the group": "Chair")."""
        if tok.pos_ in ("VERB", "AUX"):
            return _VERB_ROLES.get(tok.lemma_.lower(), tok.lemma_.capitalize())
        start = tok.i
        for c in tok.lefts:
            if c.dep_ in ("compound", "amod", "punct", "nmod") and c._.ckg_kind in ("", "ROLE") and c.lower_ not in ("the", "a", "an", ","):
                start = min(start, c.left_edge.i)
        while start < tok.i and (self.doc[start]._.ckg_kind not in ("", "ROLE") or self.doc[start].dep_ == "det"
                                 or not self.doc[start].text[:1].isalpha()):
            start += 1
        while start < tok.i and (self.doc[start].lower_ in _PASSING or _how_taken(self.doc, start, tok.i)):
            start += 1  # "the first President", "the new Director", "was re-elected Secretary General"
        while start >= 1:  # "its vice-president X": the parser may hang "vice" and "-" on the name, not the title
            prev = self.doc[start - 1]
            if prev.text == "-" and not prev.whitespace_ and start >= 2 and self.doc[start - 2].lower_ in _ROLE_PREFIXES:
                start -= 2
            elif prev.lower_ in _ROLE_PREFIXES and prev.dep_ in ("compound", "amod") and prev.head.i in (tok.i, tok.head.i):
                start -= 1
            else:
                break
        end = tok.i
        while end + 2 < len(self.doc) and self.doc[end + 1].text == "-" and not self.doc[end + 1].whitespace_ \
                and self.doc[end + 2].lower_ in ("general", "elect", "designate"):
            end += 2  # "Secretary-General", "President-elect": the role goes on past its noun
        title = self.ex.text[self.doc[start].idx:self.doc[end].idx + len(self.doc[end].text)]
        return title[:1].upper() + title[1:]

    def things(self, tok, s, ev, role: str, *, alone: bool = False) -> list[str]:
        """The entities a node stands for: its own, and those coordinated with it (``alone``: its own
        only)."""
        group = next((g for g in _KIND_GROUPS if tok._.ckg_kind in g), {tok._.ckg_kind})
        toks = [tok] if alone else _listed(tok, group)
        out = []
        for t in toks:
            if t._.ckg_group and role in ("agent", "thing"):
                # "the two academies": the first two different bodies named before
                group = []
                for m in t._.ckg_group:
                    k = self.ex.org(m, ev)
                    if k and k not in (g for _, g in group):
                        group.append((m.start, k))
                    if len(group) == 2:
                        break
                out += [k for _, k in sorted(group) if k not in out]  # in the order they were named
                continue
            if role in ("event",) or (role == "thing" and t.pos_ == "VERB"):
                k = self.event_for(t, s)
            elif role == "place":
                k = self.place(t, s, ev)
            elif role == "thing":
                k = self.event_for(t, s) if t._.ckg_kind == "EVENT" else self.agent(t, s, ev, ("ORG", "PROJECT", "PERSON", "VENUE"))
                if k is None and t._.ckg_kind in ("VENUE", "CITY", "REGION", "GPE"):
                    k = self.place(t, s, ev)
            else:
                k = self.agent(t, s, ev)
            if k and out and role in ("agent", "thing") and self._address_of_previous(t, k):
                continue
            if k and k not in out:
                out.append(k)
        return out

    def _unit_addressed(self, tok):
        """The smallest unit of the address ``tok``'s body closes ("Laboratory of X, Institute of Y,
        Academy of Z, Tromso": the laboratory), when ``tok``'s body is written as the parent of a unit
        right before it; None otherwise."""
        m = tok._.ckg_mention
        if m is None or tok._.ckg_kind != "ORG":
            return None
        unit = None
        while True:
            child = next((c for c in self.ex.mentions if c.label == "ORG" and c.parent is not None and c.end <= m.start
                          and (c.parent is m or (c.parent.start, c.parent.end) == (m.start, m.end))), None)
            if child is None:
                return unit
            unit = m = child

    def _address_of_previous(self, t, k: str) -> bool:
        """Whether the body ``k`` (at ``t``) is written right after a unit of its own, as that unit's
        address ("organized by IX, AY, and co-organized by ..." where IX is a unit of AY; "Prof. X of
        the School of Y, University of Z, spoke"): the unit's body, not another item of the list."""
        if not k.startswith("organization/") or t._.ckg_mention is None:
            return False
        text, start = self.ex.text, t._.ckg_mention.start
        gap = re.search(r"(?:\s*\([^()]{1,15}\))?,\s+(?:the\s+)?$", text[max(0, start - 24):start])
        if gap is None:
            return False
        end = start - len(gap.group(0))
        unit = next((m for m in self.ex.mentions if m.label == "ORG" and m.end == end), None)
        if unit is None:
            return False
        if unit.parent is not None and (unit.parent is t._.ckg_mention or (unit.parent.start, unit.parent.end) == (start, t._.ckg_mention.end)):
            return unit.extra.get("parent_rel") != "hostedBy"  # "CODATA-China, CAS": a host is a party too
        names = {unit.text, unit.extra.get("name"), self.ex.acronyms.get(unit.text)} - {None}
        ents = self.ex.x.entities
        return any(f.predicate == "org:subOrganizationOf" and f.obj == k and f.subject in ents
                   and names & ({ents[f.subject].label} | ents[f.subject].alt_labels | ents[f.subject].acronyms) for f in self.ex.x.facts)

    # -- applying a pattern ---------------------------------------------------------------
    def _post(self, ptok, rtok, otok, s, ev) -> None:
        """The post of the person at ``ptok`` in the body at ``otok``, titled by ``rtok`` (a role noun,
        or a verb of leading: "who chairs": "Chair")."""
        person, org = self.agent(ptok, s, ev), self.agent(otok, s, ev)
        if rtok.pos_ in ("VERB", "AUX"):
            # "headed by its vice-president X": the title written before the name, not the verb's
            written = [c for c in ptok.children if c.dep_ == "compound" and c._.ckg_kind == "ROLE"
                       and not re.fullmatch(TITLE_RE, c.text)]  # "Academician X, who leads": an honorific, no post
            if not written and ptok.dep_ == "appos" and ptok.head._.ckg_kind == "ROLE":
                written = [ptok.head]
            rtok = written[-1] if written else rtok
        role = self.role(rtok)
        if not (person and org and person.startswith("person/") and org.split("/", 1)[0] in ("organization", "platform", "infrastructure")):
            return  # a platform or archive with a director acts as a body (extract._infrastructures_acting_as_bodies)
        self.log.append((ev.method, person, "org:Post", org))
        if any(v.start == s.start and (not v.method.startswith("pattern:") or org in self.ex.x.objects(p_, "org:postIn"))
               for p_ in self.ex.x.objects(person, "org:holds") for v in self.ex.x.entities[p_].evidence):
            return  # the rules read this person's post in this sentence (theirs stands), or a pattern did in this body
        self.ex.add_post(person, role, org, ev)

    def apply(self, p, nodes) -> None:
        first = min(nodes.values(), key=lambda t: t.i)
        s = self._sentence(first)
        if s is None:
            return
        ev = self._ev(s, p.method)
        to_come = any(t.pos_ in ("VERB", "AUX") and _is_future(t) for t in nodes.values())
        # "A, Rector of X, and B, Director of Y, who led the delegation": a relative clause of the
        # match speaks of the name it hangs on, not of the names coordinated with it
        said_of_one = {t.head.i for t in nodes.values() if t.dep_ == "relcl"}
        for e in p.emit:
            fact = e["fact"]
            if to_come and "MAIN" in e.values() and not self.scheduled:
                continue  # "X will speak at the next forum": not at the one the document reports
            if fact == "post":  # one person, one role, one body: no spreading over coordinated names
                ptok, rtok = nodes[e["person"]], nodes[e["role"]]
                if e.get("appositive") and not _right_after(self.ex.text, nodes[e["org"]], ptok):
                    continue  # "the director of X, Dr. A": the name right after the body, a comma between; not "X and Dr. A"
                if rtok.tag_ in ("NNS", "NNPS"):
                    continue  # "Members of the Board: A, B": a roster (loaders/rosters.py), not one post
                if ptok.i < rtok.i:
                    nxt = ptok.doc[rtok.i + 1] if rtok.i + 1 < len(ptok.doc) else None
                    if nxt is not None and nxt._.ckg_kind == "PERSON" and nxt._.ckg_mention is not ptok._.ckg_mention:
                        ptok = nxt  # "..., greets NOAA oceanographer Lena Xu": a title right before a name is that name's
                    else:
                        # "A and B, head of X": the title after a name belongs to the nearest name before it
                        nearer = [t for t in ptok.doc[ptok.i + 1:rtok.i] if t._.ckg_kind == "PERSON" and t._.ckg_mention is not ptok._.ckg_mention]
                        ptok = nearer[-1] if nearer else ptok
                otok = nodes[e["org"]]
                if otok.i < rtok.i and any(t._.ckg_kind == "ORG" and t._.ckg_mention is not otok._.ckg_mention and t.head.i == rtok.i
                                           and t.dep_ in ("compound", "nmod", "poss") for t in otok.doc[otok.i + 1:rtok.i]):
                    continue  # "USGS Eastern Rivers Center Director X": the director of the centre, the body nearest the title
                own = [g for c in rtok.children if c.dep_ == "prep" and c.lower_ in ("of", "for")
                       for g in c.children if g.dep_ == "pobj"] if rtok.pos_ not in ("VERB", "AUX") else []  # "led X for eight years": no body
                own = [g for g in own if not any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in g.children)
                       and _names_a_body(g, rtok)]
                if own and not any(g.i <= otok.i <= max(d.i for d in g.subtree) for g in own):
                    continue  # "the Minister of Fisheries and Oceans, ... NOAA": the role names its own body
                    # (but "chair of its board": the board of the body the sentence names)
                verb = rtok
                # "co-chaired by A and B" (emit ``listed: true``): the verb's post for each name coordinated
                listed = [ptok, *(c for c in ptok.conjuncts if c._.ckg_kind == "PERSON")] if e.get("listed") and verb.pos_ in ("VERB", "AUX") else [ptok]
                for ptok in listed:
                    self._post(ptok, verb, otok, s, ev)
                continue
            if fact == "party":
                tok, ptok = nodes[e["agreement"]], nodes[e["party"]]
                group = next((g for g in _KIND_GROUPS if ptok._.ckg_kind in g), {ptok._.ckg_kind})
                for t in _listed(ptok, group):
                    if _an_address(t):
                        continue  # "MoU with the X (X), USA": where the body is, or the academy it is part of
                    for k in self.things(t, s, ev, "agent", alone=True):
                        self.parties[(tok.i, s.start)].append((k, ev, tok))
                continue
            if fact == "date":
                ev_key = self._event_node(e["event"], nodes, s)
                if ev_key:
                    span = self._date_span(nodes[e["date"]])
                    if span is not None:
                        # "from 22 to 24 May 2024": the NER's span may leave out the days before the month
                        a = span.start
                        while a > 0 and (self.doc[a - 1].like_num or self.doc[a - 1].text in ("to", "-", "–", "and")) \
                                and self.doc[a - 1]._.ckg_kind in ("", "DATE"):
                            a -= 1
                        while a < span.start and not self.doc[a].like_num:
                            a += 1  # a range starts with a day, not with "to"
                        text = self.doc[a:span.end].text
                        self.log.append((ev.method, ev_key, "schema:startDate", text))
                        self.ex._dates(ev_key, s, p.method, text=text)
                continue
            a_role, b_role = _ROLES[fact]
            subj_name, obj_name = e[_SLOTS[fact][0]], e[_SLOTS[fact][1]]
            visit = None
            if fact == "leader" and subj_name != "MAIN" and (group := _group_of(nodes[subj_name])) is not None:
                # "a delegation of the X led by A": the delegation's leader (its visit's, read by the rules), not the X's
                nodes = {**nodes, subj_name: group}
                visit = next((k for k in self._events_in(s) if k.startswith("event/visit")), None)
            if fact in ("member", "part"):  # "A of X and B of Y": each its own, never crossed
                b = self.agent(nodes[obj_name], s, ev)
                # but "Its members include A, B and C" (emit ``listed: true``): each name listed
                for t in _listed(nodes[subj_name], {"ORG", "PERSON"}) if e.get("listed") else [nodes[subj_name]]:
                    a = self.agent(t, s, ev)
                    if a and b:
                        self._fact(fact, a, b, ev)
                continue
            subj = ([self.main] if subj_name == "MAIN" and self.main else [] if subj_name == "MAIN" else [visit] if visit
                    else self.things(nodes[subj_name], s, ev, a_role, alone=nodes[subj_name].i in said_of_one))
            if not subj and e.get("or_main") and self.main and a_role == "event":
                subj = [self.main]  # "X met with Y" (no date): at the visit or meeting the document reports
            moved = []
            if a_role == "thing" and b_role == "agent" and len(subj) > 1:
                # "the Archive developed by A (X), B, C and D": the parser may hang B, C and D on the
                # Archive; of another kind than it and after the agent, they are agents too
                kind = subj[0].split("/", 1)[0]
                moved = [k for k in subj if k.split("/", 1)[0] != kind]
                subj = [k for k in subj if k.split("/", 1)[0] == kind]
                agent_tok = nodes.get(obj_name) if obj_name != "MAIN" else None
                if agent_tok is None or agent_tok.i < nodes[subj_name].i:
                    moved = []
                else:
                    after = {self.agent(t, s, ev, ("ORG", "PERSON", "GPE")) for t in _listed(nodes[subj_name], {"ORG", "PERSON", "GPE", "PROJECT"})
                             if t.i > agent_tok.i}
                    moved = [k for k in moved if k in after]
            if fact == "location" and nodes[subj_name]._.ckg_kind == "ORG" and _in_agent_of_event(nodes[subj_name]):
                continue  # "the forum was organized by A and B in Oslo": the place is the forum's, not B's
            if fact == "location" and nodes[subj_name]._.ckg_kind in ("ORG", "PROJECT", "VENUE", "CITY", "REGION", "GPE"):
                # "A (Beijing), B (Beijing) and C (Lanzhou)": a body's own place, never spread over the list
                subj = [k for k in [self.agent(nodes[subj_name], s, ev, ("ORG", "PROJECT")) or self.place(nodes[subj_name], s, ev)] if k]
                unit = self._unit_addressed(nodes[subj_name])
                if unit is not None:  # "the Institute of X, Academy of Y, Tromso": the institute's address
                    subj = [k for k in [self.ex.org(unit, ev)] if k]
            obj = ([self.main] if obj_name == "MAIN" and self.main else [] if obj_name == "MAIN"
                   else self.things(nodes[obj_name], s, ev, b_role, alone=nodes[obj_name].i in said_of_one))
            if fact == "location" and nodes[subj_name]._.ckg_kind in ("ORG", "PROJECT", "VENUE", "CITY", "REGION", "GPE"):
                # "X, Bergen, Norway and Y": the body's (or city's) own place, not the list it stands in;
                # but "Located in A, B and C, the centres ..." (``listed: true``): each place of the list
                places = [nodes[obj_name], *nodes[obj_name].conjuncts] if e.get("listed") else [nodes[obj_name]]
                obj = [k for k in (self.place(t, s, ev) for t in places if t._.ckg_kind in ("CITY", "GPE", "REGION", "VENUE")) if k]
            if fact == "location" and nodes[subj_name]._.ckg_kind == "EVENT" and nodes[obj_name]._.ckg_kind in ("ORG", "VENUE"):
                # "took place at the Faculty of Science, University of X, Bangkok": the city written with the venue
                venue = nodes[obj_name]
                cities = [t for t in venue.subtree if t.i > venue.i and t._.ckg_kind == "CITY" and t.dep_ in ("appos", "conj", "pobj", "npadvmod")
                          and (t.dep_ != "pobj" or t.head.lower_ == "in")]
                obj += [k for k in (self.place(t, s, ev) for t in cities[:1]) if k and k not in obj]
            obj += [k for k in moved if k not in obj]
            if moved:  # "by A (X), B, CAS": A's parents named after it as its address are no agents of their own
                parents = {f.obj for f in self.ex.x.facts if f.predicate == "org:subOrganizationOf" and f.subject in obj}
                obj = [k for k in obj if k not in parents]
            bound = {frozenset((f.subject, f.obj)) for f in self.ex.x.facts
                     if f.predicate in ("org:subOrganizationOf", "ckg:hostedBy")} if fact == "cooperates" else set()
            for i, a in enumerate(subj):
                for b in obj[i + 1:] if subj_name == obj_name else obj:  # "the two academies": each pair once
                    if frozenset((a, b)) in bound:
                        continue  # "between CODATA-China, CAS and ...": a body and its own host are no two sides
                    self._fact(fact, a, b, ev)

    def _date_span(self, tok):
        """The NER's date span holding ``tok`` (an index of the spans, made once)."""
        if self._dates_at is None:
            self._dates_at = {t.i: e for e in self.doc.ents for t in e}
        return self._dates_at.get(tok.i)

    def _event_node(self, name, nodes, s):
        if name == "MAIN":
            return self.main
        return self.event_for(nodes[name], s)

    def _fact(self, fact: str, a: str, b: str, ev: Evidence) -> None:
        x = self.ex.x
        if a == b or a is None or b is None:
            return
        if fact == "organizer" and b.startswith("person/"):
            fact = "chair"
        pred = _PREDICATES[fact]
        if fact in ("member",) and b.split("/", 1)[0] not in ("organization", "infrastructure", "platform"):
            return  # a body, or a network with members (which then is a body as well: extract._infrastructures_acting_as_bodies)
        if fact == "member" and a.startswith("person/") and any(b in x.objects(p, "org:postIn") or any(v.start == ev.start for v in x.entities[p].evidence)
                                                                for p in x.objects(a, "org:holds")):
            return  # a post in the same body, or one read in this sentence, says more
        if fact == "member" and a.startswith("person/") and any(
                f.subject == a and f.predicate == "org:memberOf" and f.evidence.start == ev.start and f.obj != b
                and f.evidence.method == "rule:person-affiliation" for f in x.facts):
            return  # "Prof. A from X and Dr. B from Y": A's body was read from the words; the parse may cross them
        if fact == "part" and not (a.startswith("organization/") and b.startswith("organization/")):
            return
        if fact == "hosted" and not (a.split("/", 1)[0] in ("organization", "infrastructure", "platform", "program")
                                     and b.startswith("organization/")):
            return  # a body hosts a body, or a network's or programme's secretariat
        if fact in ("attendee", "chair", "organizer", "subevent") and not a.startswith("event/"):
            return
        if fact == "chair" and not b.startswith("person/"):
            return
        self.log.append((ev.method, a, pred, b))
        if fact == "attendee" and b.startswith("place/") and "schema:Country" in x.entities[b].classes:
            self._country_delegation(a, b, ev)
            return
        x.add(a, pred, b, ev)

    def _country_delegation(self, event: str, country: str, ev: Evidence) -> None:
        """"attended by representatives from China, Kenya and Peru": the country's representatives
        attended, not the country: a delegation of the country (at least one person, ``ckg:AtLeast``)
        unless the text gave one with its count."""
        x = self.ex.x
        key = delegation_key(event, country.split("/", 1)[1])
        if key in x.entities:
            x.add(event, "ckg:delegation", key, ev)
            return
        self.ex.add_delegation(event, country, 1, "ckg:AtLeast", f"Representatives of {x.entities[country].label}", ev)


_SLOTS = {"member": ("person", "org"), "part": ("unit", "parent"), "attendee": ("event", "agent"),
          "organizer": ("event", "agent"), "chair": ("event", "person"), "sponsor": ("thing", "sponsor"),
          "location": ("thing", "place"), "leader": ("thing", "leader"), "cooperates": ("a", "b"),
          "partner": ("thing", "partner"), "subevent": ("event", "parent"), "hosted": ("unit", "host")}


_ROLES = {"member": ("agent", "agent"), "part": ("agent", "agent"), "attendee": ("event", "agent"),
          "organizer": ("event", "agent"), "chair": ("event", "agent"), "sponsor": ("thing", "agent"),
          "location": ("thing", "place"), "leader": ("thing", "agent"), "cooperates": ("agent", "agent"),
          "partner": ("thing", "agent"), "subevent": ("event", "event"), "hosted": ("agent", "agent")}


_PREDICATES = {"member": "org:memberOf", "part": "org:subOrganizationOf", "attendee": "schema:attendee",
               "organizer": "schema:organizer", "chair": "ckg:chair", "sponsor": "schema:sponsor",
               "location": "schema:location", "leader": "ckg:leader", "cooperates": "ckg:cooperatesWith",
               "partner": "ckg:partner", "subevent": "schema:superEvent", "party": "ckg:party", "hosted": "ckg:hostedBy"}


_KIND_GROUPS = ({"PERSON", "ORG", "GPE", "PROJECT"}, {"CITY", "GPE", "REGION", "VENUE"})


def _an_address(t) -> bool:
    """Whether the name at ``t`` is written after a body and a comma as that body's address: its
    country ("the Pacific Ocean Data Center (PODC), USA") or the academy a unit of it is part of ("the
    Institute of Glacier Studies, Tibet Academy of Sciences"), closing the list."""
    doc = t.doc
    first = t.i  # the name's first token ("Tibet" of "Tibet Academy of Sciences")
    while first > 0 and t._.ckg_mention is not None and doc[first - 1]._.ckg_mention is t._.ckg_mention:
        first -= 1
    if first < 2 or doc[first - 1].text != "," or any(c.dep_ == "conj" for c in t.children):
        return False
    j = first - 2
    if doc[j].text == ")":  # past the body's acronym in parentheses
        while j > 0 and doc[j].text != "(":
            j -= 1
        j -= 1
    before = doc[j]
    if before._.ckg_kind != "ORG" or before._.ckg_mention is None or before._.ckg_mention is t._.ckg_mention:
        return False
    if t._.ckg_kind == "GPE":
        return True
    own, other = before._.ckg_mention, t._.ckg_mention
    return t._.ckg_kind == "ORG" and other is not None and other.cls in ("Academy", "University") \
        and own.cls in ("ResearchInstitute", "ResearchCenter", "OrganizationalUnit")


_GROUP_NOUNS = {"delegation", "team", "group", "expert", "scientist", "researcher", "representative", "delegate",
                "official", "member", "scholar", "staff", "leader", "participant"}


_DATELINE = re.compile(r"^[^\n]{0,80}?\s(?:--|—|–)\s")


def _in_agent_of_event(tok) -> bool:
    """Whether ``tok`` stands in the "by ..." phrase of a passive verb whose subject is an event."""
    for a in tok.ancestors:
        if a.dep_ == "agent":
            verb = a.head
            return any(c.dep_ == "nsubjpass" and c._.ckg_kind == "EVENT" for c in verb.children)
    return False


def _in_dateline(tok) -> bool:
    """Whether ``tok`` is in the dateline that opens a sentence: "LIMA, Peru, 3 May (Agency) -- ..."."""
    sent = tok.sent
    m = _DATELINE.match(sent.text)
    return bool(m) and tok.idx - sent.start_char < m.end() and not any(
        w.islower() and w not in ("of", "and") for w in m.group(0).split()[:-1])


#: titles whose "of" names a field of study, not a body ("professor of atmospheric physics at X")
_ACADEMIC_TITLES = {"professor", "lecturer", "fellow", "researcher", "scientist", "reader", "chair", "instructor", "teacher"}


def _names_a_body(tok, role) -> bool:
    """Whether ``tok``, after a role's "of", names a body the role is in ("Minister of Fisheries and
    Oceans", "Director of the Centre"), not a field ("professor of atmospheric physics", "Professor
    of Physics")."""
    if tok._.ckg_kind in ("ORG", "GPE"):
        return True
    return tok.text[:1].isupper() and role.lemma_.lower() not in _ACADEMIC_TITLES
