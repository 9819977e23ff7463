"""Tracing: names to entities, k shortest paths, hops with evidence."""

import networkx as nx
import pytest

from collabkg.errors import EntityNotFound, NoPath
from collabkg.graph.analysis import find_entity, k_shortest_paths, resolve_entity, time_slice, trace
from collabkg.graph.analysis.paths import _NAME_INDEX
from ckg_ids import BIG, CAS, CNIC, NCAR


@pytest.mark.parametrize("name", ["NCAR", "ncar", "National Center for Atmospheric Research",
                                  "national center for atmospheric research.", NCAR,
                                  "National Centre for Atmospheric Research"])
def test_find_entity_by_any_name(mini, name):
    assert find_entity(mini, name) == NCAR


def test_find_entity_unknown_suggests(mini):
    with pytest.raises(EntityNotFound) as e:
        find_entity(mini, "Quaid University")
    assert not e.value.ambiguous
    assert e.value.suggestions[0] == "Quaid-i-Azam University"
    assert "did you mean: Quaid-i-Azam University" in str(e.value)
    with pytest.raises(EntityNotFound) as e:
        find_entity(mini, "Xylophone Orchestra")
    assert e.value.suggestions == []


def test_find_entity_close_spelling(mini):
    assert find_entity(mini, "Bejing Institute of Genomics") == BIG
    assert resolve_entity(mini, "Bejing Institute of Genomics") == (BIG, "close spelling")
    assert resolve_entity(mini, "NCAR") == (NCAR, "alias")
    assert resolve_entity(mini, NCAR) == (NCAR, "iri")


@pytest.mark.parametrize("name", ["USGSS", "USG", "NCARR", "ncr"])
def test_an_acronym_is_never_guessed(mini, name):
    """'USGSS' was read as USGS, and on the sample corpus 'NASA' as the National Academy of Sciences
    (NAS): a close spelling of an acronym is another body's acronym more often than a typo."""
    with pytest.raises(EntityNotFound, match=f"^{name}: no such entity") as e:
        find_entity(mini, name)
    assert e.value.suggestions, "the close names are suggested"


def test_trace_says_when_it_read_a_close_spelling(mini):
    df = trace(mini, "Bejing Institute of Genomics", "NCAR")
    assert df.attrs["guesses"] == ["'Bejing Institute of Genomics' read as 'Beijing Institute of Genomics' (a close spelling, not a name or acronym)"]
    assert trace(mini, "BIG", "NCAR").attrs["guesses"] == []


def test_find_entity_ambiguous(mini):
    # two entities share an alias: ambiguous, both listed with kind and IRI
    mini.nodes[BIG]["aliases"].append("Genomics")
    mini.nodes["https://w3id.org/collabkg/id/organization/big-data-center"]["aliases"].append("Genomics")
    _NAME_INDEX.pop(mini, None)
    with pytest.raises(EntityNotFound) as e:
        find_entity(mini, "genomics")
    assert e.value.ambiguous
    assert len(e.value.suggestions) == 2
    assert any(BIG in s for s in e.value.suggestions)
    assert "genomics: several entities have this name" in str(e.value)


def test_canonical_name_beats_alias(mini):
    mini.nodes[CAS]["aliases"].append("Computer Network and Information Center")
    _NAME_INDEX.pop(mini, None)
    assert find_entity(mini, "Computer Network and Information Center") == CNIC


def test_trace_ncar_to_big_with_evidence(mini):
    df = trace(mini, "NCAR", "BIG", k=3, max_hops=6)
    first = df[df.path == 1]
    assert first["source"].iloc[0] == NCAR and first["target"].iloc[-1] == BIG
    assert first["target_name"].tolist() == [
        "Memorandum of Understanding between CNIC and NCAR", "Computer Network and Information Center",
        "Chinese Academy of Sciences", "Beijing Institute of Genomics"]
    assert first["relation"].tolist() == ["party", "party", "part of", "part of"]
    assert first["direction"].tolist() == ["<-", "->", "->", "<-"]
    assert first["quote"].iloc[0].startswith("Memorandum of Understanding between the CAS")
    assert first["document_title"].iloc[0] == "China-US Roundtable on Scientific Data Cooperation"
    # places are not passed through by default; allowed, the country gives one more path
    assert df["path"].nunique() == 2
    assert trace(mini, "NCAR", "BIG", k=3, avoid_kinds=())["path"].nunique() == 3
    assert not df["target_kind"].iloc[:-1].eq("place").any()
    lengths = df.groupby("path").size().tolist()
    assert lengths == sorted(lengths)


def test_trace_bounds_and_errors(mini):
    with pytest.raises(NoPath):
        trace(mini, "NCAR", "BIG", max_hops=3)
    with pytest.raises(EntityNotFound):
        trace(mini, "NCAR", "Nowhere Institute of Nothing")
    df = trace(mini, "NCAR", "BIG", k=1)
    assert df["path"].unique().tolist() == [1]


def test_avoid_kinds(mini):
    paths = k_shortest_paths(mini, NCAR, BIG, k=10, max_hops=8, avoid_kinds=["place", "event"])
    assert paths
    for p in paths:
        assert not any(mini.nodes[n]["kind"] in ("place", "event") for n in p[1:-1])


def test_trace_as_of_drops_later_facts(mini):
    # the MoU is only known from a 2022 page: as of 2010 NCAR reaches BIG no more within 6 hops
    with pytest.raises(NoPath):
        trace(time_slice(mini, as_of=2010), "NCAR", "BIG", max_hops=6, avoid_kinds=["place"])


def test_k_shortest_paths_plain_graph():
    G = nx.cycle_graph(6)
    assert k_shortest_paths(G, 0, 3, k=5) == [[0, 1, 2, 3], [0, 5, 4, 3]]
    with pytest.raises(nx.NodeNotFound):
        k_shortest_paths(G, 0, 99)


def test_misspellings_on_large_graphs_compare_names_sharing_a_word(monkeypatch):
    from collabkg.graph.analysis import paths as _  # noqa: F401
    import importlib

    pmod = importlib.import_module("collabkg.graph.analysis.paths")
    monkeypatch.setattr(pmod, "MAX_CANDIDATES", 50)
    G = nx.Graph()
    for i in range(300):
        G.add_node(f"o{i}", kind="organization", name=f"Institute number {i}", aliases=[])
    G.add_node("big", kind="organization", name="Beijing Institute of Genomics", aliases=["BIG"])
    assert find_entity(G, "Bejing Institute of Genomics") == "big"  # via the rare word "genomics"
    assert find_entity(G, "Institute numbr 17") == "o17"
    with pytest.raises(EntityNotFound):
        find_entity(G, "Zzyzx")


def test_equally_short_paths_avoid_hubs_first():
    # a - hub - b and a - quiet - b are both 2 hops; the hub links many others
    G = nx.Graph([("a", "hub"), ("hub", "b"), ("a", "quiet"), ("quiet", "b")])
    G.add_edges_from(("hub", f"x{i}") for i in range(20))
    assert k_shortest_paths(G, "a", "b", k=1) == [["a", "quiet", "b"]]
    assert k_shortest_paths(G, "a", "b", k=2) == [["a", "quiet", "b"], ["a", "hub", "b"]]
