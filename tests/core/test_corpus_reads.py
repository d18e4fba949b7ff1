"""The questions name spans ask of the corpus statistics: recorded, replayed from a shared memo, answered again."""

from __future__ import annotations

import pytest
from warta.entities.corpus_reads import ReadMemo, ReadStats, reads_digest, reads_of
from warta.entities.discovery import CorpusStats
from warta.entities.names import name_spans

TEXTS = [("Gubernur Heru Budi Hartono meninjau Kampung Melayu bersama warga kampung.", "id"),
         ("Menteri Sri Mulyani bertemu Bank Dunia di Jakarta pada Senin.", "id"),
         ("Warga Kampung Melayu mengungsi ke masjid.", "id")]


def test_the_questions_asked_give_the_same_spans_and_nothing_else_is_open():
    stats = CorpusStats.from_texts(TEXTS)
    asked = ReadStats(stats)
    assert name_spans(TEXTS[0][0], "id", asked) == name_spans(TEXTS[0][0], "id", stats)
    questions = reads_of(asked.log)
    assert ["case", "kampung"] in questions and {q for q, _ in questions} <= {"case", "seen_runs", "run_type"}
    with pytest.raises(AttributeError):
        asked.lower  # noqa: B018 - the raw counts are not open to a recorded computation


def test_a_shared_memo_hands_its_questions_to_every_article_that_uses_an_entry():
    stats = CorpusStats.from_texts(TEXTS)
    memo, alone = ReadMemo(), []
    for text, lang in TEXTS:
        fresh = ReadStats(stats)
        name_spans(text, lang, fresh, memo={})
        alone.append(reads_of(fresh.log))
    for (text, lang), expected in zip(TEXTS, alone):
        memo.stats = asked = ReadStats(stats)
        name_spans(text, lang, asked, memo=memo)
        assert reads_of(asked.log) == expected  # what the article asked, whether or not the memo held the answer
    memo.stats = None


def test_an_entry_made_without_a_recorder_is_made_again_under_one():
    memo = ReadMemo()
    memo["key"] = "made unrecorded"
    memo.stats = ReadStats(CorpusStats.from_texts(TEXTS))
    assert memo.get("key") is None


def test_the_digest_changes_when_an_answer_does():
    stats = CorpusStats.from_texts(TEXTS)
    questions = [["case", "kampung"], ["seen_runs", "Kampung Melayu"]]
    more = CorpusStats.from_texts(TEXTS + [("Di kampung itu, kampung lain, kampung kami.", "id")] * 3)
    same = CorpusStats.from_texts(TEXTS + [("Presiden berbicara.", "id")])
    assert reads_digest(stats, questions) == reads_digest(same, questions) != reads_digest(more, questions)
    memo: dict = {}  # one build's answers, shared by its articles: the same digests
    first = reads_digest(stats, questions, memo)
    assert first == reads_digest(stats, questions) == reads_digest(stats, questions, memo)
    assert sorted(memo) == [("case", "kampung"), ("seen_runs", "Kampung Melayu")]
