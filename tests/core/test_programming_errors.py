"""A programming error is not a content problem: it propagates with its traceback and a note naming the file."""

import traceback
from datetime import datetime, timezone

import pytest
from warta.aggregate.enrich import Document, enrich_corpus
from warta.entities.registry import make_registry


def test_an_error_inside_enrichment_names_the_article():
    broken = Document("2023/09/x/", "Judul", "", None, "id", datetime(2023, 9, 14, tzinfo=timezone.utc),
                      source="content/articles/2023/09/x.md")  # html None: a glue bug, not bad content
    fine = Document("2023/09/y/", "Judul", "", "<p>Teks.</p>", "id", datetime(2023, 9, 14, tzinfo=timezone.utc))
    with pytest.raises(Exception) as caught:
        enrich_corpus([fine, broken], make_registry([]), 0.7)
    assert caught.value.__notes__ == ["content/articles/2023/09/x.md: while enriching this article"]
    shown = "".join(traceback.format_exception(caught.value))
    assert "Traceback" in shown and "content/articles/2023/09/x.md: while enriching this article" in shown
