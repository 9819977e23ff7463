"""The view functions without a browser: what goes into the page, and how."""

import re

import networkx as nx
import pytest

from collabkg.errors import EntityNotFound, NoPath
from collabkg.graph.views import (CollabNetwork, graph_view, neighbourhood_view, path_view, save_html)
from collabkg.graph.views import network as vmod
from ckg_browser import XSS_NAME, XSS_QUOTE

NCAR = "https://w3id.org/collabkg/id/organization/national-center-for-atmospheric-research"
BIG = "https://w3id.org/collabkg/id/organization/beijing-institute-of-genomics"


def test_graph_view_nodes_edges_and_fields(mini):
    net = graph_view(mini)
    assert isinstance(net, CollabNetwork)
    assert net.num_nodes() == mini.number_of_nodes() and net.num_edges() == mini.number_of_edges()
    node = net.node_map[NCAR]
    assert node["kind"] == "organization" and node["label"] == "National Center for Atmospheric Research"
    assert ["aliases", "NCAR"] in node["info"]["rows"]
    quote, doc = node["info"]["evidence"][0]
    assert quote.startswith("Memorandum") and net.docs[doc][0] == "China-US Roundtable on Scientific Data Cooperation"
    edge = next(e for e in net.edges if {e["from"], e["to"]} == {NCAR, "https://w3id.org/collabkg/id/agreement/mou-cnic-ncar"})
    assert edge["label"] == "party"
    text, evidence = edge["info"]["statements"][0]
    assert text == "Memorandum of Understanding between CNIC and NCAR \u2014party\u2192 National Center for Atmospheric Research"
    assert evidence[0][0].startswith("Memorandum of Understanding between the CAS")
    assert net.docs[evidence[0][1]][1] == "https://w3id.org/collabkg/id/document/codata-china-us-roundtable"
    # small graph: physics on, bounded stabilization
    assert net.options["physics"]["enabled"] is True
    assert net.options["physics"]["stabilization"]["iterations"] <= 300


def test_sizes_follow_centrality(mini):
    net = graph_view(mini, size_by="betweenness")
    sizes = {n["id"]: n["size"] for n in net.nodes}
    cnic = "https://w3id.org/collabkg/id/organization/computer-network-and-information-center"
    assert sizes[cnic] == max(sizes.values())
    with pytest.raises(ValueError):
        graph_view(mini, size_by="shoe size")


def test_kinds_filter(mini):
    net = graph_view(mini, kinds=["organization", "agreement"])
    assert {n["kind"] for n in net.nodes} == {"organization", "agreement"}


def test_large_graph_has_positions_and_no_physics(monkeypatch):
    G = nx.gnm_random_graph(400, 1600, seed=1)
    monkeypatch.setattr(vmod, "EDGE_LABEL_MAX_EDGES", 1000)
    net = graph_view(G)
    assert net.options["physics"]["enabled"] is False
    assert all("x" in n and "y" in n for n in net.nodes)
    assert not any("label" in e for e in net.edges)
    assert net.options["edges"]["smooth"] is False


def test_refuses_to_draw_huge_graphs(monkeypatch):
    monkeypatch.setattr(vmod, "MAX_VIEW_NODES", 50)
    with pytest.raises(ValueError, match="too many to draw"):
        graph_view(nx.path_graph(51))


def test_neighbourhood_and_path(mini):
    net = neighbourhood_view(mini, "NCAR", depth=1)
    assert {n["id"] for n in net.nodes} == {NCAR, *mini[NCAR]}
    assert net.node_map[NCAR]["borderWidth"] == 4
    with pytest.raises(EntityNotFound):
        neighbourhood_view(mini, "No Such Body At All")
    net = path_view(mini, "NCAR", "BIG", k=1)
    assert len(net.nodes) == 5
    highlighted = [e for e in net.edges if e.get("width") == 4]
    assert len(highlighted) == 4
    with pytest.raises(NoPath):
        path_view(mini, "NCAR", "BIG", max_hops=2)


def test_html_is_self_contained_and_escaped(hostile, tmp_path):
    net = graph_view(hostile, heading="<script>window.ckgPwned=5</script>")
    out = save_html(net, tmp_path / "sub" / "v.html")
    html = out.read_text()
    assert not re.search(r"(src|href)\s*=\s*[\"']?(https?:)?//", html)
    assert "cdn.jsdelivr" not in html and "cdnjs.cloudflare" not in html and "bootstrap" not in html
    assert "vis-network" in html and "TomSelect" in html
    # the hostile text appears only as escaped JSON data
    for raw in (XSS_NAME, XSS_QUOTE, "<svg onload", "<script>window.ckgPwned"):
        assert raw not in html
    # data, vis-network, tom-select, app: no other script element, no source map to fetch
    assert len(re.findall(r"<script[ >]", html)) - html.count('"<script>"') == 4
    assert "sourceMappingURL" not in html
    assert "Content-Security-Policy" in html
    # atomic write leaves no temporary file
    assert [p.name for p in out.parent.iterdir()] == ["v.html"]


def test_pyvis_write_html_is_redirected(mini, tmp_path):
    net = graph_view(mini)
    net.write_html(str(tmp_path / "w.html"))
    assert (tmp_path / "w.html").stat().st_size > 100_000
    assert not (tmp_path / "lib").exists()
