"""Page keys' digests (warta_incremental.fingerprint): equal values give equal digests, any changed field a new one."""

from dataclasses import dataclass, fields, replace
from datetime import date, datetime

import pytest
from warta.aggregate.site_index import ArticleRecord
from warta.aggregate.timeline import Event, Period
from warta.entities.tagging import TaggedEntity
from warta_incremental.fingerprint import Fingerprints, Unknown, _flat_kind


def events(tag: str = "") -> tuple[Event, ...]:
    """Built anew on every call: equal values, no shared objects (the strings are made at run time)."""
    return tuple(Event(iso=f"2023-09-{day:02d}", precision="day", value=date(2023, 9, day), phrase="Rabu" + tag,
                       sentence="".join(["Kim Jong Un tiba ", str(day)]), entity_ids=("kim-jong-un", f"x{day}"),
                       article_key="2023/09/kim/", end=Period(date(2023, 9, 20), "day", "2023-09-20") if day == 2
                       else None)
                 for day in (1, 2, 3))


def test_equal_sequences_of_flat_records_digest_alike_whatever_objects_they_share():
    first, second = events(), events()
    assert first[0].sentence is not second[0].sentence
    shared = (first[0], first[0], first[1])  # one object twice: pickled without the memo, so like two copies
    copies = (first[0], replace(first[0]), first[1])
    assert Fingerprints().digest(first) == Fingerprints().digest(second)
    assert Fingerprints().digest(shared) == Fingerprints().digest(copies)


@pytest.mark.parametrize("name", [f.name for f in fields(Event)])
def test_any_changed_field_of_one_event_changes_the_digest(name):
    others = {"iso": "2023-09-30", "precision": "month", "value": date(2023, 9, 30), "phrase": "Kamis",
              "sentence": "Lain.", "entity_ids": ("putin",), "article_key": "lain/", "is_publication": True,
              "end": Period(date(2023, 9, 21), "day", "2023-09-21"), "anchor_phrase": "4 September",
              "anchor_sentence": "Lain.", "anchor_iso": "2023-09-04", "cue": "lalu"}
    changed = list(events())
    changed[1] = replace(changed[1], **{name: others[name]})
    assert Fingerprints().digest(tuple(changed)) != Fingerprints().digest(events())


def test_the_fast_digest_is_the_walk_for_our_plain_dataclasses_only():
    assert _flat_kind(Event) and _flat_kind(TaggedEntity) and _flat_kind(Period)
    assert not _flat_kind(ArticleRecord)  # holds other records' tuples: walked, each digested once per build
    assert not _flat_kind(date)


def test_a_value_pickle_cannot_write_is_still_refused():
    strange = (replace(events()[0], phrase=lambda: "x"),)
    with pytest.raises(Unknown):
        Fingerprints().digest(strange)


def test_a_sequence_of_mixed_kinds_is_walked_so_the_records_in_it_are_digested_once():
    event = events()[0]
    record = ArticleRecord(url="/kim/", title="Kim", date=event.value, lang="id", category="Dunia", story=None,
                           summary="", entities=(), events=events())
    fingerprints = Fingerprints()
    fingerprints.digest((event, record))  # an entity page's timeline entry: (item, its sources, ...)
    kept = [value for value, _ in fingerprints.pure.values()]
    assert any(v is record for v in kept) and any(v is record.events for v in kept)



def article(body: str):
    from pelican.contents import Article
    from pelican.settings import DEFAULT_CONFIG

    return Article(body, metadata={"title": "Kim", "date": datetime(2023, 9, 13), "slug": "kim"},
                   settings=dict(DEFAULT_CONFIG))


@dataclass
class Front:
    lead: object


LISTING = frozenset({"title", "date", "warta_named"})  # what a listing's template reads (warta_incremental.reads)


def test_a_listing_digests_the_attributes_it_reads_and_an_article_page_all_of_them():
    one, other = article("<p>Satu.</p>"), article("<p>Dua.</p>")
    other.warta_entities = ("offsets moved",)
    fingerprints = Fingerprints()
    assert fingerprints.digest(one, LISTING) == fingerprints.digest(other, LISTING)
    assert fingerprints.digest(one, None) != fingerprints.digest(other, None)
    assert Fingerprints().digest(one) == fingerprints.digest(one, None)
    other.title = "Putin"
    assert Fingerprints().digest(one, LISTING) != Fingerprints().digest(other, LISTING)


def test_a_property_read_means_every_attribute():
    one, other = article("<p>Satu.</p>"), article("<p>Dua.</p>")
    for computed in ("url_format", "get_url_setting", "get_content"):  # a property, a method, Pelican's memoized
        assert Fingerprints().digest(one, LISTING | {computed}) != Fingerprints().digest(other, LISTING | {computed})


def test_a_page_showing_the_body_digests_what_pelican_makes_it_of_and_not_every_attribute():
    shown = LISTING | {"content"}
    one, other = article("<p>Satu.</p>"), article("<p>Satu.</p>")
    other.warta_events = ("moved",)  # not shown
    assert Fingerprints().digest(one, shown) == Fingerprints().digest(other, shown)
    other._content = "<p>Dua.</p>"
    assert Fingerprints().digest(one, shown) != Fingerprints().digest(other, shown)
    linking, moved = article('<a href="{filename}/b.md">b</a>'), article('<a href="{filename}/b.md">b</a>')
    assert Fingerprints(b"b at /b/").digest(linking, shown) != Fingerprints(b"b at /c/").digest(moved, shown)
    assert Fingerprints(b"b at /b/").digest(one, shown) == Fingerprints(b"b at /c/").digest(one, shown)
    other.source_path = "elsewhere/kim.md"  # {filename} links are resolved from the source's folder
    assert Fingerprints().digest(article("<p>Dua.</p>"), shown) != Fingerprints().digest(other, shown)


def test_a_summary_is_the_front_matter_s_or_else_the_body_s():
    shown = LISTING | {"summary"}
    one, other = article("<p>Satu.</p>"), article("<p>Dua.</p>")
    assert Fingerprints().digest(one, shown) != Fingerprints().digest(other, shown)
    one.metadata["summary"] = other.metadata["summary"] = "Kim tiba."
    assert Fingerprints().digest(one, shown) == Fingerprints().digest(other, shown)
    other.metadata["summary"] = "Kim pulang."
    assert Fingerprints().digest(one, shown) != Fingerprints().digest(other, shown)


def test_what_holds_an_article_is_digested_for_each_projection_even_after_the_article_alone():
    front, other = Front(article("<p>Satu.</p>")), Front(article("<p>Dua.</p>"))
    fingerprints = Fingerprints()
    fingerprints.digest(front.lead, LISTING)  # a listing of the lead first: then found in the memo
    listed = fingerprints.digest(front, LISTING)
    assert listed == fingerprints.digest(other, LISTING)
    assert fingerprints.digest(front, None) == Fingerprints().digest(front) != listed
    assert fingerprints.digest(front, None) != fingerprints.digest(other, None)
