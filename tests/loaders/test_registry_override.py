"""An extra registry entry with a built-in id replaces the built-in body only when it says
``override: true`` (and a warning says so); without it, it is refused by name."""

from __future__ import annotations

import pytest

from collabkg.errors import RegistryError
from collabkg.loaders.registry import load_registry

CAS_AGAIN = "entries:\n  - id: cas\n    name: Castle Academy of Sciences\n    kind: Academy\n    country: CN\n"


def test_a_built_in_id_is_not_replaced_silently(tmp_path):
    """Before: the entry silently renamed the built-in Chinese Academy of Sciences."""
    extra = tmp_path / "extra.yaml"
    extra.write_text(CAS_AGAIN)
    reg, problems = load_registry(extra, strict=False)
    assert reg.get("cas").name == "Chinese Academy of Sciences"
    assert [str(p) for p in problems] == [
        f"{extra}: entry 1 (id cas): id 'cas' is the built-in body 'Chinese Academy of Sciences'; the entry was left out "
        "(add 'override: true' to the entry to replace the built-in one, or choose another id)"]
    with pytest.raises(RegistryError, match="is the built-in body 'Chinese Academy of Sciences'"):
        load_registry(extra)


def test_override_true_replaces_it_and_warns(tmp_path):
    extra = tmp_path / "extra.yaml"
    extra.write_text(CAS_AGAIN + "    override: true\n")
    with pytest.warns(UserWarning, match=r"entry 1 \(id cas\): replaces the built-in body 'cas' \('Chinese Academy of Sciences' -> 'Castle Academy of Sciences'\)"):
        reg, problems = load_registry(extra, strict=False)
    assert problems == [] and reg.get("cas").name == "Castle Academy of Sciences"


def test_new_ids_need_no_override(tmp_path):
    extra = tmp_path / "extra.yaml"
    extra.write_text("entries:\n  - id: npi\n    name: Norwegian Polar Institute\n    kind: ResearchInstitute\n    country: 'NO'\n")
    reg, problems = load_registry(extra, strict=False)
    assert problems == [] and reg.get("npi").name == "Norwegian Polar Institute"
