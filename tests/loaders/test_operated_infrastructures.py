"""A body that runs a data infrastructure leads it ("X operates / runs / maintains the Y Repository",
"the Y Portal is operated by X"; loaders/patterns/leadership.yaml). Documents of our own writing;
a guard: running a meeting or a ship is no leadership of an infrastructure."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from collabkg.loaders.documents import Document
from collabkg.loaders.extract import extract


def leaders(text: str) -> set[tuple[str, str]]:
    x = extract(Document(Path("t.txt"), f"News\n\n{text}\n", issued=dt.date(2025, 5, 3)))
    label = lambda k: x.entities[k].label if isinstance(k, str) and k in x.entities else str(k)  # noqa: E731
    return {(label(f.subject), label(f.obj)) for f in x.facts if f.predicate == "ckg:leader"}


@pytest.mark.parametrize("sentence, thing", [
    ("The Andean Research Data Centre operates the Cordillera Data Repository.", "Cordillera Data Repository"),
    ("The Andean Research Data Centre runs the Cordillera Data Portal and trains data stewards.", "Cordillera Data Portal"),
    ("The Cordillera Data Repository is operated by the Andean Research Data Centre.", "Cordillera Data Repository"),
    ("The Cordillera Data Portal is maintained by the Andean Research Data Centre.", "Cordillera Data Portal"),
])
def test_a_body_that_runs_an_infrastructure_leads_it(sentence, thing):
    assert (thing, "Andean Research Data Centre") in leaders(sentence)


def test_running_a_ship_is_no_leadership_of_an_infrastructure():
    assert leaders("The Andean Research Data Centre operates a research vessel in the Humboldt Current.") == set()
