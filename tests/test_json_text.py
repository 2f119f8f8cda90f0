"""The JSON writer (render/json_text.py) writes what json.dumps(indent=2, ensure_ascii=False) writes."""

from __future__ import annotations

import json
from enum import Enum
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from compare.render.json_text import dumps_indented

SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner)
                      | st.dictionaries(st.text(max_size=5), inner, max_size=4), max_leaves=30)


def _std(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2)


@given(VALUES)
def test_same_text_as_json_dumps(obj: Any) -> None:
    assert dumps_indented(obj) == _std(obj)


class _Kind(str, Enum):
    TXT = "txt"


def test_what_it_does_not_write_itself_is_json_dumps_text_or_error() -> None:
    odd = {"kind": _Kind.TXT, 1: "int key", None: [float("nan"), float("-inf")], "s\u2028": '"\\\n\x00'}
    assert dumps_indented(odd) == _std(odd)
    with pytest.raises(TypeError):
        dumps_indented({"x": {1, 2}})
    loop: list[Any] = []
    loop.append(loop)
    with pytest.raises(ValueError, match="Circular"):
        dumps_indented(loop)
