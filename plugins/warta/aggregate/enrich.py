"""Enrich one article: its text, entity mentions, dated expressions, tags and events (pure).

The expensive, per-article part (:func:`analyse`) depends only on the article and, for its registry matches, the
registry, so it is cached under :func:`analysis_key` with the registry's digest: after a registry change only the
matching runs again. The rest (name spans, linking, discovery, tags, events) also depends on the corpus statistics
and the site's prior: it is cached under :func:`enrichment_key` and kept while the statistics answer the questions
it asked as before (``warta.entities.corpus_reads``).
"""

from __future__ import annotations

import gc
import hashlib
import json
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime
from functools import cache, partial
from pathlib import Path

from warta.aggregate.timeline import Event, article_events
from warta.entities.corpus_reads import ReadMemo, ReadStats, reads_digest, reads_of
from warta.entities.discovery import Candidate, CorpusStats, discover
from warta.entities.lexicon import ordinary
from warta.entities.linking import Ambiguous, link
from warta.entities.matcher import Matcher, Mention
from warta.entities.mention_links import occurrence
from warta.entities.names import Name, name_spans
from warta.entities.registry import Registry
from warta.problems import noting
from warta.entities.tagging import TaggedEntity, tag
from warta.jsontext import compact
from warta.entities.text import ArticleText, article_text
from warta.temporal import TimeExpr, extract


@dataclass(frozen=True)
class Analysis:
    text: ArticleText
    mentions: tuple[Mention, ...]
    times: tuple[TimeExpr, ...]


@dataclass(frozen=True)
class FirstMention:
    """Where a registered entity is first named in the body: its words and which occurrence of them."""

    entity_id: str
    surface: str
    occurrence: int


@dataclass(frozen=True)
class Enrichment:
    entities: tuple[TaggedEntity, ...]
    candidates: tuple[Candidate, ...]
    events: tuple[Event, ...]
    first_mentions: tuple[FirstMention, ...] = ()
    ambiguous: tuple[Ambiguous, ...] = ()  # shared forms the article does not settle: linked to nothing
    mentions: tuple[Mention, ...] = ()  # registry mentions as linked (what the tags count), in text order


@cache
def code_version() -> str:
    """A digest of the core (warta/, not only aggregate/): cached analyses die with any change to it."""
    return tree_digest(Path(__file__).parents[1])


def tree_digest(root: Path) -> str:
    """Every file under ``root`` but compiled bytecode, by path and bytes: the sources and the data they read
    (the model of names, its word list), so a model retrained under the same file name is no stale cache."""
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def analysis_key(title: str, summary: str, html: str, lang: str, published: datetime) -> str:
    return _digest(code_version(), title, summary, html, lang, published.isoformat())


def names_key(title: str, summary: str, html: str, lang: str) -> str:
    """What an article's name spans depend on besides the corpus statistics: not the registry, nor the date, so a
    new alias does not run the model of names over every article again."""
    return _digest(code_version(), "names", title, summary, html, lang)


def enrichment_key(analysis: str, doc: Document, registry: str, threshold: float, others: bool,
                   prior: tuple[tuple[str, int], ...]) -> str:
    """What an article's enrichment depends on besides its name spans and the corpus statistics: what
    :func:`enrichment_stamp` digests, its analysis (by ``analysis_key``), its URL, category and front-matter
    entities, the options, the site's prior for its shared forms (:func:`prior_of`)."""
    return _digest(enrichment_stamp(registry), analysis, doc.url, doc.category,
                   repr((doc.add, doc.remove, doc.links, threshold, others, prior)))


@cache
def enrichment_stamp(registry: str) -> str:
    """What every article's enrichment depends on: the code, the word list the linker reads (wordfreq's), the
    registry (by digest). The cache loads only the enrichments made under the build's stamp."""
    return _digest(code_version(), "enrichment", wordfreq_version(), registry)


@cache
def wordfreq_version() -> str:
    from importlib.metadata import version

    return version("wordfreq")


def links_key(html: str, links) -> str:
    """What an article's HTML with its first mentions linked depends on: the HTML, the links (MentionLink) and the
    code that places and writes them (lxml serialises)."""
    return _digest(code_version(), "links", lxml_version(), html,
                   *(f"{link.surface}\0{link.occurrence}\0{link.href}\0{link.title}" for link in links))


@cache
def lxml_version() -> str:
    from lxml import etree

    return ".".join(map(str, etree.LXML_VERSION + etree.LIBXML_VERSION))


def _digest(*parts: str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode())
        digest.update(b"\0")
    return digest.hexdigest()


def analyse(title: str, summary: str, html: str, lang: str, published: datetime, matcher: Matcher) -> Analysis:
    text = article_text(title, summary, html)
    return Analysis(text, tuple(matcher.match(text.text, lang)), tuple(extract(text.text, lang, published)))


def enrich(analysis: Analysis, *, lang: str, published: datetime, url: str, title: str, registry: Registry,
           stats: CorpusStats, add=(), remove=(), threshold: float = 0.7, known=frozenset(),
           memo: dict | None = None, others: bool = False, overrides=None, category: str = "",
           prior=None, names=None) -> Enrichment:
    """Tags (registered and discovered) and events of one analysed article; ``known``, ``memo``, ``others``:
    see discover(); ``overrides``, ``category``, ``prior``: see warta.entities.linking.link(); ``names``: the
    text's name spans when already known (``name_spans(text, lang, stats)``)."""
    text = analysis.text
    if names is None:
        names = name_spans(text.text, lang, stats, memo=memo)
    headline = _title_if_headline_case(text)
    linked = link(text.text, lang, analysis.mentions, names, registry, overrides=overrides, category=category,
                  prior=prior, ordinary=ordinary, skip=headline)
    dropped = {m for m, why in linked.dropped if why == "nested"}  # the longer name may be new; a word is not
    candidates = tuple(discover(text.text, lang, [m for m in analysis.mentions if m not in dropped], stats,
                                threshold, skip=headline, known=known, memo=memo,
                                others=others, names=names))
    shown = tuple(c for c in candidates if c.type_guess)  # events and documents go to the review list only
    entities = tuple(tag(text, lang, None, registry, add, remove, shown, mentions=linked.mentions))
    removed = set(remove)
    mentions = [m for m in linked.mentions if m.entity_id not in removed]
    events = tuple(article_events(text.text, lang, published, url, title, mentions, list(analysis.times)))
    return Enrichment(entities, candidates, events, first_body_mentions(text, mentions, entities), linked.ambiguous,
                      linked.mentions)


def first_body_mentions(text: ArticleText, mentions, entities) -> tuple[FirstMention, ...]:
    """The first mention in the body (not title, lede or a heading) of each registered, tagged entity."""
    if not text.paragraph_spans:
        return ()
    body_start = text.paragraph_spans[0][0]
    tagged = {e.id for e in entities if e.registered}
    firsts: dict[str, FirstMention] = {}
    for mention in mentions:
        if mention.start >= body_start and mention.entity_id in tagged and mention.entity_id not in firsts \
                and not any(start <= mention.start < end for start, end in text.heading_spans):
            count = occurrence(text.text, mention.surface, mention.start, body_start)
            firsts[mention.entity_id] = FirstMention(mention.entity_id, mention.surface, count)
    return tuple(firsts.values())


def short_forms(registry: Registry) -> frozenset[str]:
    return frozenset(form for entity in registry.entities.values() for form in entity.short)


def _title_if_headline_case(text: ArticleText) -> tuple[tuple[int, int], ...]:
    """English headlines capitalise every word; names there are not evidence of anything."""
    start, end = text.title_span
    words = [w for w in text.text[start:end].split() if w[:1].isalpha()]
    capitalised = sum(w[:1].isupper() for w in words)
    return ((start, end),) if words and capitalised / len(words) > 0.6 else ()


@dataclass(frozen=True)
class Document:
    """One article as the enrichment sees it: rendered HTML plus front-matter facts."""

    url: str
    title: str
    summary: str
    html: str
    lang: str
    published: datetime
    add: tuple[str, ...] = ()
    remove: tuple[str, ...] = ()
    source: str = ""  # the file, for naming it when enrichment hits a programming error
    category: str = ""
    links: tuple[tuple[str, str], ...] = ()  # front-matter entities.link: (form, id) pairs

    @property
    def where(self) -> str:
        return self.source or self.url


SETTLE_EVERY = 100  # documents between two gc.freeze() calls


@contextmanager
def settled_results():
    """Keep the garbage collector on, but stop it re-walking results that are already kept.

    Enrichment keeps ~200 small objects per article (mentions, tags, events) to the end; every full collection
    walks all of them again, about a fifth of enrichment time. ``settle()`` (gc.freeze) moves what is alive into
    the permanent generation, which collections skip; leaving unfreezes it. When someone else has frozen objects
    (a pre-fork server), nothing is frozen here, since leaving would unfreeze theirs."""
    owned = gc.get_freeze_count() == 0
    try:
        yield gc.freeze if owned else (lambda: None)
    finally:
        if owned:
            gc.unfreeze()


def _settling(items, settle):
    """``items`` in order, ``settle()`` called before every SETTLE_EVERY-th: what the loop keeps is then settled."""
    for count, item in enumerate(items):
        if count % SETTLE_EVERY == 0:
            settle()
        yield item


def enrich_corpus(documents, registry: Registry, threshold: float, cache=None, others: bool = False,
                  map_=map) -> list[Enrichment]:
    """Enrich every document; ``cache`` (an AnalysisCache) skips unchanged articles; ``others``: also
    list events and documents among the candidates (the review list). ``map_``: how to map a function over
    article numbers (the caller may run it in other processes); the results are the same for any."""
    with settled_results() as settle:
        return _enrich_corpus(documents, registry, threshold, cache, others, settle, map_)


def _enrich_corpus(documents, registry: Registry, threshold: float, cache, others: bool = False,
                   settle=lambda: None, map_=map) -> list[Enrichment]:
    matcher = Matcher(registry)

    def ours(analysis: Analysis) -> bool:  # a cache entry naming an id the registry lacks is not ours
        return all(i in registry.entities for m in analysis.mentions for i in (m.candidates or (m.entity_id,)))

    def enriched_ours(enrichment: Enrichment) -> bool:  # ids of the registry, or of the article's own new names
        known = registry.entities
        tags = {tag.id for tag in enrichment.entities}
        return (all(tag.id in known for tag in enrichment.entities if tag.registered)
                and all(m.entity_id in known for m in (*enrichment.mentions, *enrichment.first_mentions))
                and all(i in known for a in enrichment.ambiguous for i in a.candidates)
                and all(i in known or i in tags for event in enrichment.events for i in event.entity_ids))

    def analysed(number: int) -> Analysis:
        doc = documents[number]
        with noting(doc.where, "while enriching this article"):
            return analyse(doc.title, doc.summary, doc.html, doc.lang, doc.published, matcher)

    keys, analyses = [], []
    for doc in _settling(documents, settle):  # cached analyses are kept to the end too
        with noting(doc.where, "while enriching this article"):
            keys.append(analysis_key(doc.title, doc.summary, doc.html, doc.lang, doc.published))
            found = cache.cached(keys[-1], ours, registry.digest) if cache is not None else None
            analysis = found[0] if found is not None else None
            if found is not None and not found[1]:  # matched against another registry: match again
                analysis = replace(analysis, mentions=tuple(matcher.match(analysis.text.text, doc.lang)))
            analyses.append(analysis)
    missing = [number for number, analysis in enumerate(analyses) if analysis is None]
    for number, analysis in _settling(zip(missing, map_(analysed, missing)), settle):
        analyses[number] = analysis
    if cache is not None:
        for key, analysis in zip(keys, analyses):
            cache.keep(key, analysis, registry.digest)

    stats = CorpusStats.from_texts((a.text.text, d.lang) for a, d in zip(analyses, documents))
    known, memo = short_forms(registry) | registry.rejected, {}  # rejected names are never shown
    prior = linking_prior(analyses)
    # An article's name spans depend on its text and on what the corpus statistics answer to the questions they
    # asked: cached under a key of its text (names_key) with those questions, kept while the answers are the same.
    # Its enrichment depends on those spans, the questions discovery asks, and everything enrichment_key digests.
    span_memo, answers = ReadMemo(), partial(reads_digest, stats, memo={})
    name_keys = [names_key(d.title, d.summary, d.html, d.lang) for d in documents]
    results: list[Enrichment | None] = [None] * len(documents)
    names: list[tuple | None] = [None] * len(documents)  # (spans, their questions as JSON text) till enriched
    if cache is not None:
        enrich_keys = [enrichment_key(key, d, registry.digest, threshold, others, prior_of(a, prior))
                       for key, a, d in zip(keys, analyses, documents)]
        for number, (key, analysis) in enumerate(_settling(zip(enrich_keys, analyses), settle)):
            results[number] = cache.cached_enrichment(key, analysis, answers, enriched_ours)
        cache.drop_unread_enrichments()
        for number, (key, analysis) in enumerate(zip(name_keys, analyses)):
            if results[number] is not None:
                cache.retain_names(key)
            elif (found := cache.cached_names(key, len(analysis.text.text), answers)) is not None:
                names[number] = found[0], compact(found[1])

    def spans(number: int) -> tuple[list[Name], list, str]:  # the model of names: the costly step, mapped
        with noting(documents[number].where, "while enriching this article"):
            found, questions = recorded_spans(analyses[number].text.text, documents[number].lang, stats, span_memo)
            return found, questions, answers(questions)

    missing = [number for number, found in enumerate(names) if found is None and results[number] is None]
    for number, (found, questions, answered) in _settling(zip(missing, map_(spans, missing)), settle):
        names[number] = found, compact(questions)
        if cache is not None:
            cache.keep_names(name_keys[number], found, questions, answered)

    for number, (a, d) in enumerate(_settling(zip(analyses, documents), settle)):
        if results[number] is not None:
            continue
        found, questions = names[number]
        names[number] = None
        asked = ReadStats(stats)  # what discovery asks of the counts, beside what the spans asked
        with noting(d.where, "while enriching this article"):
            results[number] = enrich(a, lang=d.lang, published=d.published, url=d.url, title=d.title,
                                     registry=registry, stats=asked, add=d.add, remove=d.remove, threshold=threshold,
                                     known=known, memo=memo, others=others, overrides=dict(d.links),
                                     category=d.category, prior=prior, names=found)
        if cache is not None:
            questions = [list(pair) for pair in sorted({*map(tuple, json.loads(questions)),
                                                        *map(tuple, reads_of(asked.log))})]
            cache.keep_enrichment(enrich_keys[number], results[number], a, questions, answers(questions))
    return results


def recorded_spans(text: str, lang: str, stats: CorpusStats, memo: ReadMemo) -> tuple[list[Name], list]:
    """The text's name spans, and the questions they asked of ``stats``."""
    asked = memo.stats = ReadStats(stats)
    try:
        return name_spans(text, lang, asked, memo=memo), reads_of(asked.log)
    finally:
        memo.stats = None


def prior_of(analysis: Analysis, prior: Counter) -> tuple[tuple[str, int], ...]:
    """The part of the site's prior the article's linking reads: the counts of its shared forms' candidates."""
    return tuple(sorted((i, prior[i]) for i in {i for m in analysis.mentions for i in m.candidates}))


def linking_prior(analyses) -> Counter:
    """Entity id -> how many articles name it by a form of its own: how the site usually means a shared form."""
    return Counter(i for a in analyses for i in {m.entity_id for m in a.mentions if not m.candidates})

