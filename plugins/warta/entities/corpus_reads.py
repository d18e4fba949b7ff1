"""Which questions a computation asked of the corpus statistics, so its result is kept until an answer changes.

An article's name spans depend on its own text and on some tens of the corpus counts (how often each of its
capitalised words is seen in lowercase, its runs, their types), read through three questions
(``CorpusStats.case``, ``seen_runs``, ``run_type``). :class:`ReadStats` stands in for a CorpusStats and notes
each question asked; the spans stay valid under any corpus that answers those questions the same way
(:func:`reads_digest`).
"""

from __future__ import annotations

import hashlib

from warta.entities.discovery import CorpusStats

QUESTIONS = ("case", "seen_runs", "run_type")  # all the rules and the model ask of the counts


class ReadStats:
    """A CorpusStats that notes each question asked of it in :attr:`log` ((question, argument, answer) triples).

    Only the questions are open: the raw counts are not, so a new reader of them fails here rather than
    keeping names the counts no longer give."""

    common = CorpusStats.common

    def __init__(self, stats: CorpusStats):
        self.log: list[tuple[str, str, object]] = []
        self._stats = stats
        self.runs_of = stats.runs_of  # a text's own runs: they follow from the text, not from the corpus

    def case(self, word: str) -> str:
        return self._asked("case", word.lower())

    def seen_runs(self, name: str) -> int:
        return self._asked("seen_runs", name)

    def run_type(self, name: str) -> str | None:
        return self._asked("run_type", name)

    def _asked(self, question: str, argument: str):
        answer = getattr(self._stats, question)(argument)
        self.log.append((question, argument, answer))
        return answer


class ReadMemo(dict):
    """rule_discover's memo, shared by the articles of one build: an entry computed for one article replays the
    questions it asked into every later article that uses it. ``stats``: the article being computed (an entry
    made without one is made again the first time an article uses it)."""

    def __init__(self):
        super().__init__()
        self.stats: ReadStats | None = None
        self._reads: dict = {}
        self._marks: dict = {}

    def get(self, key, default=None):
        if key in self and (self.stats is None or self._reads.get(key) is not None):
            if self.stats is not None:
                self.stats.log.extend(self._reads[key])
            return super().get(key)
        if self.stats is not None:
            self._marks[key] = len(self.stats.log)
        return default

    def __setitem__(self, key, value) -> None:
        recorded = self.stats is not None and key in self._marks
        self._reads[key] = tuple(self.stats.log[self._marks.pop(key):]) if recorded else None
        super().__setitem__(key, value)


def reads_of(log: list) -> list[list]:
    """The distinct questions of ``log``, in a stable order: [question, argument] pairs."""
    return [list(pair) for pair in sorted({(question, argument) for question, argument, _ in log})]


def reads_digest(stats, reads: list, memo: dict | None = None) -> str:
    """What ``stats`` answers to ``reads``, digested: equal digests, equal answers. ``memo``: each question's
    answer as digested, shared by the articles of one build (most ask about the same words)."""
    digest = hashlib.blake2b(digest_size=16)
    memo = {} if memo is None else memo  # without one, each question still digested once
    for question, argument in reads:
        line = memo.get((question, argument))
        if line is None:
            if question not in QUESTIONS:
                raise ValueError(f"not a question of the corpus statistics: {question!r}")
            line = memo[question, argument] = f"{question}\0{argument}\0{getattr(stats, question)(argument)}\n".encode(
                "utf-8", "surrogatepass")
        digest.update(line)
    return digest.hexdigest()
