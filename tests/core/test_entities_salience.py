from pathlib import Path

from warta.entities import salience
from warta.entities.discovery import Candidate
from warta.entities.matcher import Matcher
from warta.entities.registry import load_registry
from warta.entities.tagging import tag
from warta.entities.text import article_text

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "entities" / "registry"
REGISTRY, _ = load_registry(FIXTURE)
MATCHER = Matcher(REGISTRY)

ARTICLE = article_text(
    "Kim Jong Un tiba di Rusia",
    "Pemimpin Korea Utara Kim Jong Un bertemu Vladimir Putin.",
    "<p>Kim dan Putin berbicara di Rusia.</p><p>Rusia menyambut Kim.</p><p>Bali tenang.</p><p>Cuaca cerah.</p>",
)


def test_score_by_hand():
    text = ARTICLE.text
    kim = [text.index("Kim Jong Un"), text.index("Kim Jong Un", 30), text.index("Kim dan"), text.index("Kim.")]
    # title .35 + lede .25 + first paragraph .15 + count 4/5*.15 + 2 of 4 paragraphs *.10
    assert salience.score(ARTICLE, kim) == 0.92
    bali = [text.index("Bali")]
    # count 1/5*.15 + 1/4*.10
    assert salience.score(ARTICLE, bali) == 0.055
    assert salience.score(ARTICLE, []) == 0.0
    assert salience.assess(ARTICLE, bali) == (0.055, "mentions")
    assert salience.assess(ARTICLE, kim) == (0.92, "about")
    assert salience.assess(ARTICLE, [], floor=0.05) == (0.05, "mentions")
    title_only = [text.index("Rusia")]  # in the title: 'about' whatever the score
    assert salience.assess(ARTICLE, title_only) == (0.38, "about")


def test_tag_sorts_adds_removes_and_keeps_candidates():
    candidate = Candidate("Dmitry Peskov", "person", 0.9, 1, ARTICLE.paragraph_spans[3][0], "Cuaca cerah.",
                          (ARTICLE.paragraph_spans[3][0],))
    tagged = tag(ARTICLE, "id", MATCHER, REGISTRY, add=["bank-indonesia", "atlantis"], remove=["bali"],
                 candidates=[candidate])
    ids = [t.id for t in tagged]
    assert ids[0] == "kim-jong-un"
    assert "bali" not in ids and "atlantis" not in ids
    added = next(t for t in tagged if t.id == "bank-indonesia")
    assert (added.mentions, added.first_offset, added.salience, added.registered) == (0, -1, salience.FLOOR, True)
    found = next(t for t in tagged if t.id == "discovered-dmitry-peskov")
    assert (found.registered, found.type, found.mentions) == (False, "person", 1)
    assert [t.salience for t in tagged] == sorted((t.salience for t in tagged), reverse=True)
    kim = tagged[0]
    assert (kim.mentions, kim.role, kim.name) == (4, "about", "Kim Jong Un")
    assert next(t for t in tagged if t.id == "vladimir-putin").mentions == 2


def test_offsets_in_any_order_and_floors_apart():
    text = ARTICLE.text
    first, bali = text.index("Kim dan"), text.index("Bali")
    # first paragraph .15 + count 3/5*.15 + 2 of 4 paragraphs *.10; first paragraph and 3 mentions: 'about'
    assert salience.assess(ARTICLE, [bali, first, first]) == (0.29, "about")
    assert salience.assess(ARTICLE, (first, bali, first)) == (0.29, "about")
    assert salience.assess(ARTICLE, [bali, first]) == (0.26, "mentions")  # .15 + 2/5*.15 + 2/4*.10; two mentions
    assert salience.assess(ARTICLE, [bali], floor=0.05) == (0.055, "mentions")
    assert salience.assess(ARTICLE, [bali], floor=0.1) == (0.1, "mentions")
    lede = text.index("Vladimir")  # lede .25 + count 1/5*.15: 'about' as it is in the lede
    assert salience.assess(ARTICLE, [lede]) == (0.28, "about")
