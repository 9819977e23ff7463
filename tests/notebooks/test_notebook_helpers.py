"""collabkg.graph.views.notebook: inline views and answer comparison, without a kernel."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pandas as pd
import pytest
from pyvis.network import Network
from rdflib import Literal, URIRef

from collabkg.graph.analysis import example_store, project
from collabkg.graph.views import (CollabNetwork, answer_diff, graph_view, same_answer, show, side_by_side,
                                  to_notebook_html)

CDN = re.compile(r"cdn\.jsdelivr\.net|unpkg\.com|cdnjs\.cloudflare\.com|bootstrapcdn\.com|code\.jquery\.com")


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def _tags(html: str) -> list[tuple[str, dict]]:
    p = _Tags()
    p.feed(html)
    p.close()
    return p.tags


def test_hostile_text_stays_inside_srcdoc():
    net = CollabNetwork(heading='"><script>window.x=1</script>')
    net.add_node("a", label='</iframe><script>window.pwned=1</script>', kind="organization")
    net.add_node("b", label="&amp; \" ' <b>", kind="person")
    net.add_edge("a", "b", label="</script>")
    html = to_notebook_html(net)
    tags = _tags(html)
    assert [t for t, _ in tags] == ["div", "iframe"], "text escaped out of the srcdoc attribute"
    page = tags[1][1]["srcdoc"]
    assert page.startswith("<!DOCTYPE html>") and "vis-network" in page
    assert "<script>window.pwned" not in page  # the page escapes it as data in turn


def test_plain_pyvis_network_is_drawn_inline_not_from_a_cdn():
    net = Network(notebook=True, cdn_resources="remote", heading="plain")
    net.add_node(1, label="one")
    net.add_node(2, label="two")
    net.add_edge(1, 2)
    assert CDN.search(net.generate_html())  # what pyvis itself would show
    html = to_notebook_html(net, height="50vh")
    page = _tags(html)[1][1]["srcdoc"]
    assert not CDN.search(html) and not re.search(r"""(?:src|href)=["']?https?:""", page)
    assert '"label":"one"' in page and "vis-network" in page
    assert net.cdn_resources == "remote" and len(net.nodes) == 2  # the caller's network untouched


def test_show_returns_displayable_html():
    out = show(graph_view(project(example_store())), height=300)
    assert out._repr_html_().startswith('<div class="collabkg-view"><iframe')
    assert "height: 300px" in out.data


@pytest.mark.parametrize("bad", ["600px; background: url(x)", '1px" onload="x', "", "{}"])
def test_size_must_be_a_css_length(bad):
    with pytest.raises(ValueError):
        to_notebook_html(CollabNetwork(), height=bad)


def test_same_answer_ignores_order_and_representation_not_content():
    a = pd.DataFrame({"name": ["CAS", "BIG", None], "n": [2, 1, 3]})
    b = pd.DataFrame({"n": [3.0, 1.0, 2.0], "name": [float("nan"), Literal("BIG"), URIRef("CAS")]})
    assert same_answer(a, b) and same_answer(b, a)
    assert answer_diff(a, b).empty
    assert not same_answer(a, a.assign(n=["2", "1", "3"]))  # text is not a number
    assert not same_answer(a, pd.concat([a, a.iloc[:1]]))  # multiplicity counts
    assert not same_answer(a, a.rename(columns={"n": "count"}))
    with pytest.raises(ValueError, match="different columns"):
        answer_diff(a, a.rename(columns={"n": "count"}))


def test_answer_diff_names_each_sides_extra_rows():
    a = pd.DataFrame({"x": [1, 1, 2]})
    b = pd.DataFrame({"x": [1, 3]})
    diff = answer_diff(a, b, names=("SPARQL", "Cypher"))
    assert diff.values.tolist() == [["SPARQL only", 1], ["SPARQL only", 2], ["Cypher only", 3]]


def test_side_by_side_says_whether_the_answers_agree():
    a = pd.DataFrame({"x": [1, None]})
    same = side_by_side(a, a).data
    assert ">same rows: 2 and 2<" in same and same.count("<table") == 2 and ">None<" not in same
    differ = side_by_side(a, pd.DataFrame({"x": [1]}), titles=("left <b>", "right")).data
    assert ">DIFFERENT rows: 2 and 1<" in differ and "left &lt;b&gt;" in differ
