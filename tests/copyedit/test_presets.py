"""A preset is public configuration: it pickles and copies (to hand to worker processes) and checks its fields."""

from __future__ import annotations

import copy
import pickle
from dataclasses import FrozenInstanceError, replace

import pytest

from newsdesk.copyedit import PRESETS, Preset, copyedit_text


def test_presets_pickle_and_copy() -> None:
    for preset in PRESETS.values():
        assert pickle.loads(pickle.dumps(preset)) == preset
        assert copy.deepcopy(preset) == preset


def test_a_preset_is_frozen_and_a_changed_copy_is_used() -> None:
    with pytest.raises(FrozenInstanceError):
        PRESETS["precision"].spell_margin = 0.0  # type: ignore[misc]
    lenient = replace(PRESETS["precision"], spell_margin=0.5)
    assert isinstance(lenient, Preset) and lenient != PRESETS["precision"]
    assert copyedit_text("the othre team lost,and left.", preset=lenient).text == "The other team lost, and left."
