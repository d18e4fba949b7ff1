"""Timeline dates in the theme: the week label comes from the gettext catalogue of the page's language."""

from datetime import date
from types import SimpleNamespace

from warta_content.theme import event_label

from tests.conftest import REPO

THEME = str(REPO / "theme")


def test_week_label_is_translated_per_language():
    item = SimpleNamespace(value=date(2023, 9, 13), precision="week")
    assert event_label(THEME, item, "id") == "Pekan 37, 2023"
    assert event_label(THEME, item, "en") == "Week 37, 2023"
    day = SimpleNamespace(value=date(2023, 9, 13), precision="day")
    assert event_label(THEME, day, "id") == "13 September 2023"
