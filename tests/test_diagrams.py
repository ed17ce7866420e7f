"""The Learning Cycle diagram is drawn from the stage data, with a picker and a text equivalent."""
from __future__ import annotations

import pytest

from hlskit import diagrams
from hlskit.content import load_content

CONTENT = load_content()


def test_layout_places_stages_clockwise_from_the_top():
    layout = diagrams.cycle_layout(CONTENT)
    assert list(layout["stage"]) == [s.id for s in CONTENT.stages]
    top = layout.iloc[0]
    assert top["x"] == pytest.approx(0) and top["y"] == pytest.approx(1)
    assert layout.iloc[1]["x"] > 0  # clockwise: the second stage is to the right


def test_every_stage_detail_carries_its_summary_and_involves_items():
    layout = diagrams.cycle_layout(CONTENT).set_index("stage")
    for st in CONTENT.stages:
        flat = " ".join(layout.loc[st.id, "detail"].split())
        assert st.summary in flat
        assert all(item in flat for item in st.involves)


def test_picker_starts_at_you_are_here_and_lists_every_stage():
    spec = diagrams.learning_cycle(CONTENT, here="experiment").to_dict()
    (param,) = spec["params"]
    assert param["value"] == "experiment"
    assert param["bind"]["options"] == [s.id for s in CONTENT.stages]
    assert "You are here: Experiment and explore." in spec["description"]


def test_unknown_here_is_refused_with_the_known_ids():
    with pytest.raises(KeyError, match="unknown stage 'finish'.*purpose"):
        diagrams.learning_cycle(CONTENT, here="finish")


def test_description_names_every_stage_in_order():
    text = diagrams.describe_cycle(CONTENT)
    positions = [text.index(s.name) for s in CONTENT.stages]
    assert positions == sorted(positions)
