"""settings_stamp: what get_settings is made from, compared cheaply on hot paths."""

from __future__ import annotations

import inspect
import re

from geokit.settings import get_settings, override, settings_stamp


def test_every_variable_get_settings_reads_changes_the_stamp(monkeypatch):
    read = set(re.findall(r'"(GEOKIT_\w+)"', inspect.getsource(get_settings)))
    assert len(read) >= 5, read
    for name in sorted(read):
        before = settings_stamp()
        monkeypatch.setenv(name, f"stamp-test-{name}")
        assert settings_stamp() != before, f"{name} is read by get_settings but not in settings_stamp"


def test_configure_changes_the_stamp_until_undone():
    before = settings_stamp()
    with override(timeout=7.5):
        assert settings_stamp() != before
    assert settings_stamp() == before


def test_parse_article_follows_a_settings_change_at_once(monkeypatch):
    """The geoparser keeps its default gazetteer for a second, but not across a settings change."""
    from geokit.gazetteer import Gazetteer
    from geokit.geoparse import article

    seen = []

    class Spy:
        @staticmethod
        def default(*, settings):  # type: ignore[no-untyped-def]
            seen.append(settings)
            return Gazetteer.default(settings=settings)

    monkeypatch.setattr(article, "Gazetteer", Spy)
    monkeypatch.setattr(article, "_DEFAULT", [])
    text = "Date: 2026-01-31\n\nGunmen killed two policemen in Quetta on Saturday."
    article.parse_article(text)
    assert seen and seen[-1].user_agent != "geokit-test/stamp"
    with override(user_agent="geokit-test/stamp"):
        frame = article.parse_article(text)
    assert seen[-1].user_agent == "geokit-test/stamp"
    assert list(frame.loc[frame["role"] == "incident", "place"]) == ["Quetta"]
