"""The views in a real headless Chromium: loads offline and clean, draws, counts match,
clicks open the evidence, hostile text stays inert. Screenshots land in test-artifacts/."""

import networkx as nx
import pytest

from collabkg.graph.views import graph_view, neighbourhood_view, path_view, save_html
from ckg_browser import XSS_IRI, XSS_NAME, XSS_QUOTE

pytestmark = pytest.mark.browser

NCAR = "https://w3id.org/collabkg/id/organization/national-center-for-atmospheric-research"
MOU = "https://w3id.org/collabkg/id/agreement/mou-cnic-ncar"


def check_clean(page, G):
    assert page.stable, "the drawing never became stable"
    assert page.errors() == []
    assert page.outside_requests() == []
    assert any(u.startswith("file://") for u in page.requests)
    assert page.js("return [window.ckg.nodes.length, window.ckg.edges.length]") == [
        G.number_of_nodes(), G.number_of_edges()]
    assert page.drawn_pixels() > 2000


def test_whole_graph_view(hostile, tmp_path, open_page):
    page = open_page(save_html(graph_view(hostile, heading="Miniature corpus"), tmp_path / "graph.html"))
    check_clean(page, hostile)
    page.screenshot("view-graph")
    # the legend lists kinds with their colours
    legend = page.js("return document.getElementById('ckg-legend').innerText")
    assert "organization" in legend and "agreement" in legend and "node size: degree" in legend

    # every node and edge has a (plain text) tooltip; with evidence where there is some
    assert page.js("return window.ckg.nodes.get({filter: n => !n.title}).length") == 0
    assert page.js("return window.ckg.edges.get({filter: e => !e.title}).length") == 0
    title = page.js("return window.ckg.nodes.get(arguments[0]).title", NCAR)
    assert "Memorandum of Understanding between the CAS" in title and "China-US Roundtable" in title
    title = page.js("return window.ckg.edges.get({filter: e => e.from === arguments[0] || e.to === arguments[0]})"
                    ".map(e => e.title).join('|')", MOU)
    assert "\u2014party\u2192 National Center for Atmospheric Research" in title

    # clicking a node opens its details with the evidence
    x, y = page.node_dom(NCAR)
    page.click_canvas(x, y)
    text = page.popup()
    assert page.js("return document.getElementById('ckg-details').dataset.item") == NCAR
    assert "National Center for Atmospheric Research" in text
    assert "Memorandum of Understanding between the CAS Computer Network" in text
    assert "China-US Roundtable on Scientific Data Cooperation" in text
    page.screenshot("view-graph-node-clicked")

    # clicking the middle of an edge opens the statement and its quote
    page.js("document.querySelector('#ckg-details .ckg-close').click()")
    assert page.js("return document.getElementById('ckg-details').style.display") == "none"
    page.js("window.ckg.network.setOptions({edges: {smooth: false}})")  # the midpoint is then on the line
    (x1, y1), (x2, y2) = page.node_dom(NCAR), page.node_dom(MOU)
    page.click_canvas((x1 + x2) / 2, (y1 + y2) / 2)
    text = page.popup()
    assert "\u2014party\u2192" in text and "Memorandum of Understanding between the CAS" in text
    page.screenshot("view-graph-edge-clicked")


def test_hostile_text_is_inert(hostile, tmp_path, open_page):
    page = open_page(save_html(graph_view(hostile, heading="<img src=z onerror=window.ckgPwned=6>"),
                               tmp_path / "xss.html"))
    check_clean(page, hostile)
    x, y = page.node_dom(XSS_IRI)
    page.click_canvas(x, y)
    text = page.popup()
    assert XSS_NAME in text and XSS_QUOTE in text  # shown as text...
    assert page.js("return window.ckgPwned") is None  # ...and nothing ran
    assert page.js("return document.querySelectorAll('img, svg, b, i').length") == 0
    assert "<img src=z" in page.js("return document.getElementById('ckg-heading').textContent")
    # the hover tooltip (vis-network title) is plain text too
    assert page.js("return window.ckg.nodes.get(arguments[0]).title.indexOf('<img src=x')", XSS_IRI) >= 0
    page.screenshot("view-xss")


def test_select_and_filter_menus(mini, tmp_path, open_page):
    page = open_page(save_html(graph_view(mini), tmp_path / "menus.html"))
    check_clean(page, mini)
    # find a node with the select menu (tom-select)
    page.js("document.getElementById('select-node').tomselect.setValue(arguments[0])", NCAR)
    assert "National Center for Atmospheric Research" in page.popup()
    assert page.js("return window.ckg.network.getSelectedNodes()") == [NCAR]
    # hide a kind with the legend's checkbox
    page.js("document.querySelector('#ckg-legend input[data-kind=place]').click()")
    hidden = page.js("return window.ckg.nodes.get({filter: n => n.hidden}).map(n => n.kind)")
    assert hidden and set(hidden) == {"place"}
    # filter edges by relation
    page.js("document.getElementById('select-relation').tomselect.setValue(['party'])")
    shown = page.js("return window.ckg.edges.get({filter: e => !e.hidden}).map(e => e.relation)")
    assert shown and set(shown) == {"party"}
    page.screenshot("view-filtered")
    page.js("document.getElementById('ckg-reset').click()")
    assert page.js("return window.ckg.edges.get({filter: e => e.hidden}).length") == 0
    assert page.errors() == []


def test_networks_built_the_pyvis_way(tmp_path, open_page):
    from collabkg.graph.views import CollabNetwork

    net = CollabNetwork(heading="by hand")
    net.add_node("a", label="A <b>", title="plain <i>text</i>", kind="organization")
    net.add_node("b", label="B")
    net.add_edge("a", "b", title="a to b", label="knows")
    net.write_html(str(tmp_path / "hand.html"))
    page = open_page(tmp_path / "hand.html", timeout=20)
    assert page.stable and page.errors() == [] and page.outside_requests() == []
    assert page.js("return [window.ckg.nodes.length, window.ckg.edges.length]") == [2, 1]
    assert page.js("return window.ckg.nodes.get('a').title") == "plain <i>text</i>"
    assert page.js("return document.querySelectorAll('#mynetwork b, #mynetwork i').length") == 0


def test_empty_graph_view(tmp_path, open_page):
    page = open_page(save_html(graph_view(nx.Graph(), heading="nothing"), tmp_path / "empty.html"), timeout=20)
    assert page.stable and page.errors() == [] and page.outside_requests() == []
    assert page.js("return window.ckg.nodes.length") == 0


def test_neighbourhood_view(mini, tmp_path, open_page):
    net = neighbourhood_view(mini, "CNIC", depth=2)
    page = open_page(save_html(net, tmp_path / "focus.html"))
    sub = nx.ego_graph(mini, "https://w3id.org/collabkg/id/organization/computer-network-and-information-center", 2)
    check_clean(page, sub)
    page.screenshot("view-neighbourhood")


def test_path_view(mini, tmp_path, open_page):
    net = path_view(mini, "NCAR", "BIG", k=3, context=1)
    page = open_page(save_html(net, tmp_path / "path.html"))
    assert page.stable and page.errors() == [] and page.outside_requests() == []
    assert page.js("return window.ckg.nodes.length") == len(net.nodes)
    assert page.js("return window.ckg.edges.get({filter: e => e.width === 4}).length") == 4
    page.screenshot("view-path")


@pytest.mark.slow
def test_large_graph_is_stable_without_physics(tmp_path, open_page):
    G = nx.Graph()
    import random

    rng = random.Random(0)
    kinds = ["organization", "person", "agreement", "event", "project"]
    n, m = 5000, 20000
    for i in range(n):
        G.add_node(i, kind=kinds[i % 5], name=f"Body {i}")
    # a collaboration-like graph: dense clusters, some long ties
    edges = 0  # (G.number_of_edges() walks every node: too slow to call in the loop)
    while edges < m:
        a = rng.randrange(n)
        b = (a // 100) * 100 + rng.randrange(100) if rng.random() < 0.85 else rng.randrange(n)
        if a != b and not G.has_edge(a, b):
            G.add_edge(a, b, relation=rng.choice(["party", "attendee", "partner"]))
            edges += 1
    net = graph_view(G, heading="5,000 nodes, 20,000 edges")
    assert net.options["physics"]["enabled"] is False
    page = open_page(save_html(net, tmp_path / "big.html"), timeout=60)
    check_clean(page, G)
    page.screenshot("view-large-5k")
    # pan and zoom keep working
    page.js("window.ckg.network.moveTo({scale: 2.0, position: {x: 0, y: 0}})")
    page.js("window.ckg.network.redraw()")
    assert page.errors() == []
    page.screenshot("view-large-5k-zoomed")


def test_sample_corpus_views(sample, tmp_path, open_page):
    page = open_page(save_html(graph_view(sample, heading="Sample corpus"), tmp_path / "sample.html"))
    check_clean(page, sample)
    page.screenshot("view-sample-graph")
    net = path_view(sample, "NCAR", "BIG")
    page = open_page(save_html(net, tmp_path / "sample-path.html"))
    assert page.stable and page.errors() == [] and page.outside_requests() == []
    big = next(n["id"] for n in net.nodes if n["label"] == "Beijing Institute of Genomics")
    x, y = page.node_dom(big)
    page.click_canvas(x, y)
    assert "Beijing Institute of Genomics" in page.popup()
    page.screenshot("view-sample-path")
    (cas,) = [n["id"] for n in net.nodes if n["label"] == "Chinese Academy of Sciences"]
    page = open_page(save_html(neighbourhood_view(sample, "CAS", depth=1), tmp_path / "sample-cas.html"))
    assert page.stable and page.errors() == [] and page.js("return window.ckg.nodes.get(arguments[0]).borderWidth", cas) == 4
    page.screenshot("view-sample-neighbourhood")
