"""discover() keeps its memo with the caller: the frozen CorpusStats is never changed by a call."""

from warta.entities.discovery import CorpusStats, discover

CORPUS = [("Ketua Partai Demokrat Anas Urbaningrum hadir di Jakarta bersama Budi Santoso.", "id"),
          ("Menurut Anas Urbaningrum semua lancar, kata Budi Santoso.", "id")]


def state(stats: CorpusStats) -> dict:
    return {name: dict(value) for name, value in vars(stats).items() if name != "types"}


def test_discover_leaves_the_stats_as_they_were_and_fills_the_callers_memo():
    stats = CorpusStats.from_texts(CORPUS)
    before = state(stats)
    memo: dict = {}
    first = [discover(text, lang, [], stats, 0.0, memo=memo) for text, lang in CORPUS]
    assert memo and state(stats) == before
    assert [discover(text, lang, [], stats, 0.0) for text, lang in CORPUS] == first
    assert "Budi Santoso" in [c.name for c in first[0]]
