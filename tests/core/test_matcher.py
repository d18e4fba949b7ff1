import random
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from warta.entities.matcher import Matcher
from warta.entities.registry import Entity, load_registry, make_registry

from tests.core.naive_match import naive_match

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "entities" / "registry"
REGISTRY, _ = load_registry(FIXTURE)
MATCHER = Matcher(REGISTRY)
# Forms shared among entries: a full name of two ('Indonesia'), a full name of one and a short form of another
# ('Kim'), a short form of two ('Bali').
SHARED = make_registry([*REGISTRY.entities.values(), Entity("indonesia-team", "Indonesia", "organization"),
                        Entity("kim-club", "Kim", "organization"), Entity("bali-united", "Bali United",
                                                                          "organization", short=("Bali",))])

SHARED_MATCHER = Matcher(SHARED)


def found(text, lang="id", matcher=MATCHER):
    return [(m.entity_id, m.surface, m.via) for m in matcher.match(text, lang)]


def test_offsets_index_the_text():
    text = "Menurut Kim Jong Un, Korut siap."
    mentions = MATCHER.match(text, "id")
    assert [(m.start, m.end) for m in mentions] == [(8, 19), (21, 26)]
    assert all(text[m.start:m.end] == m.surface for m in mentions)


def test_hyphen_and_apostrophes_are_boundaries():
    assert found("Hubungan Rusia-Korut membaik.") == [("rusia", "Rusia", "name"), ("korea-utara", "Korut", "alias")]
    assert found("Vladimir Putin's visit and Vladimir Putin’s plan") == [
        ("vladimir-putin", "Vladimir Putin", "name"), ("vladimir-putin", "Vladimir Putin", "name")]


def test_no_match_inside_a_longer_word():
    text = "Kim Jong Un and Asian leaders studied Kimia; BIAS and USAID; Balinese food."
    assert found(text, "en") == [("kim-jong-un", "Kim Jong Un", "name")]


def test_acronyms_match_only_in_capitals():
    assert found("AS dan Rusia", "id") == [("amerika-serikat", "AS", "alias"), ("rusia", "Rusia", "name")]
    assert found("as soon as possible, As we know", "en") == []
    assert found("Pejabat DPRK dan dprk", "id") == [("korea-utara", "DPRK", "alias")]


def test_names_match_with_their_case_or_in_capitals():
    assert found("INDONESIA MENANG", "id") == [("indonesia", "INDONESIA", "name")]
    assert found("indonesia dan Indonesia", "id") == [("indonesia", "Indonesia", "name")]
    assert [m[1:] for m in found("Kim Jong un", "id")] == [("Kim", "shared")]  # not Kim Jong Un: only the short form


def test_shared_forms_keep_their_candidates():
    matcher = Matcher(SHARED)
    text = "Indonesia menang. Kim Jong Un tiba. Kim tersenyum. Bali United dan Bali."
    assert [(m.surface, m.entity_id, m.via, m.candidates) for m in matcher.match(text, "id")] == [
        ("Indonesia", "", "shared", ("indonesia", "indonesia-team")),
        ("Kim Jong Un", "kim-jong-un", "name", ()),
        ("Kim", "", "shared", ("kim-club", "kim-jong-un")),  # the club's name, Kim Jong Un's short form
        ("Bali United", "bali-united", "name", ()),
        ("Bali", "", "shared", ("bali", "bali-united")),  # Bali's name, and Bali United's short form
    ]
    # beside a full form, a short form's owner is a candidate even when the text never names it in full
    assert [(m.entity_id, m.candidates) for m in matcher.match("Bali.", "id")] == [("", ("bali", "bali-united"))]


def test_longest_match_wins():
    assert found("Bank Indonesia dan Universitas Indonesia di Indonesia") == [
        ("bank-indonesia", "Bank Indonesia", "name"),
        ("universitas-indonesia", "Universitas Indonesia", "name"),
        ("indonesia", "Indonesia", "name"),
    ]
    assert found("The New York Times, New York Times and New York", "en") == [
        ("the-new-york-times", "The New York Times", "name"),
        ("the-new-york-times", "New York Times", "alias"),
        ("new-york", "New York", "name"),
    ]
    assert found("Kim Il Sung Square honours Kim Il Sung.", "en") == [
        ("kim-il-sung-square", "Kim Il Sung Square", "name"), ("kim-il-sung", "Kim Il Sung", "name")]


def test_short_form_goes_to_its_owner_named_in_full():
    text = "Kim berbicara. Kim Jong Un tiba. Kim tersenyum. Kim Jong-un pergi. Kim."
    assert [m for m in found(text) if m[2] != "name"] == [
        ("kim-jong-un", "Kim", "short"),  # before any full name: the first one after it
        ("kim-jong-un", "Kim", "short"), ("kim-jong-un", "Kim Jong-un", "alias"), ("kim-jong-un", "Kim", "short")]
    # two owners named in full: the linker decides (warta.entities.linking)
    shared = [m for m in Matcher(REGISTRY).match("Kim Jong Un tiba. Kim Yo Jong menyusul. Kim.", "id") if m.candidates]
    assert [(m.surface, m.via, m.candidates) for m in shared] == [("Kim", "shared", ("kim-jong-un", "kim-yo-jong"))]
    # alone, a short form is its entry's mention, or its entries' shared one, for the linker to confirm or decide
    assert found("Kim dan Putin bertemu.") == [("", "Kim", "shared"), ("vladimir-putin", "Putin", "short")]
    # named in full only after it (a headline, then the lede): the first full name after it
    assert found("Putin tiba. Vladimir Putin disambut.") == [
        ("vladimir-putin", "Putin", "short"), ("vladimir-putin", "Vladimir Putin", "name")]


def test_names_in_other_languages_and_metonymy():
    assert found("North Korea and the Kremlin", "en") == [
        ("korea-utara", "North Korea", "name"), ("kremlin", "Kremlin", "name")]
    assert found("di Lapangan Kim Il Sung") == [("kim-il-sung-square", "Lapangan Kim Il Sung", "name")]


def test_empty_registry_matches_nothing():
    from warta.entities.registry import Registry
    assert Matcher(Registry()).match("Kim Jong Un", "id") == []


# --- the fast matcher against the naive one -------------------------------------------------

PIECES = ["Kim", "Kim Jong Un", "Kim Jong-un", "Kim Yo Jong", "Kim Il Sung", "Square", "Putin", "Vladimir",
          "AS", "as", "As", "Bank", "Indonesia", "INDONESIA", "Universitas", "The", "New", "York", "Times",
          "Said", "said", "Iqbal", "Korut", "Rusia", "DPRK", "Kimia", "Asian", "Bali", "UI", "BI", "KPU"]
GLUE = [" ", " ", " ", "-", ". ", ", ", "'s ", "’", "\n", "", "(", ") ", ": "]


def generated_text(rng: random.Random, words: int) -> str:
    return "".join(rng.choice(PIECES) + rng.choice(GLUE) for _ in range(words))


def test_fast_equals_naive_on_generated_texts():
    rng = random.Random(20230914)
    for _ in range(400):
        text = generated_text(rng, rng.randint(1, 40))
        for lang in ("en", "id"):
            assert MATCHER.match(text, lang) == naive_match(REGISTRY, text, lang), text
            assert SHARED_MATCHER.match(text, lang) == naive_match(SHARED, text, lang), text


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(GLUE)), max_size=25))
def test_fast_equals_naive_hypothesis(parts):
    text = "".join(a + b for a, b in parts)
    assert MATCHER.match(text, "en") == naive_match(REGISTRY, text, "en")
    assert SHARED_MATCHER.match(text, "en") == naive_match(SHARED, text, "en")


def test_mentions_are_frozen_and_survive_the_cache():
    from dataclasses import FrozenInstanceError

    from warta.aggregate.cache import decode, encode
    from warta.aggregate.enrich import Analysis
    from warta.entities.text import article_text

    [mention] = MATCHER.match("Kim Jong Un tiba.", "id")
    analysis = Analysis(article_text("Kim Jong Un tiba.", "", ""), (mention,), ())
    assert decode(encode(analysis)).mentions == (mention,)  # the analysis cache stores them as JSON
    try:
        mention.start = 1
    except FrozenInstanceError:
        pass
    else:
        raise AssertionError("a Mention can be changed")


def test_mentions_and_names_cross_processes_whole():
    """Both pickle by their fields in order (they come back from the forked workers): a field added to either
    must be added to its ``__reduce__`` too, or it would come back with its default."""
    import pickle
    from dataclasses import astuple

    from warta.entities.matcher import Mention
    from warta.entities.names import Name

    for value in (Mention(3, 9, "", "Georgia", "shared", ("georgia-country", "georgia-us-state")),
                  Name(3, 9, "place", 0.75, (0, 2))):
        assert value.__reduce__()[1] == astuple(value)
        back = pickle.loads(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        assert type(back) is type(value) and astuple(back) == astuple(value) and hash(back) == hash(value)
