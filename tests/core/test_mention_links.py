from datetime import datetime, timezone

import pytest
from warta.aggregate.enrich import Document, enrich_corpus
from warta.entities.mention_links import MentionLink, link_first_mentions, occurrence
from warta.entities.registry import load_registry


def test_links_the_chosen_occurrence_only():
    html = "<p>Kim Yo Jong spoke. Later Kim Jong Un and Kim met.</p>"
    out = link_first_mentions(html, [MentionLink("Kim", 2, "../kim/", "Kim Jong Un")])
    assert out == ('<p>Kim Yo Jong spoke. Later Kim Jong Un and <a href="../kim/" class="entity" '
                   'title="Kim Jong Un">Kim</a> met.</p>')


def test_occurrence_counts_whole_words_from_the_body_start():
    text = "Title Kim\n\nKimia. Kim Yo Jong. Kim"
    body = text.index("Kimia")
    assert occurrence(text, "Kim", text.rindex("Kim"), body) == 1
    assert occurrence(text, "Kim", text.index("Kim Yo"), body) == 0


def test_the_occurrence_linked_is_the_one_counted_when_a_name_overlaps_itself():
    """'Bali Bali' stands alone twice in 'Bali Bali Bali' (at 0 and 5): counting and linking agree on the second."""
    text = "Bali Bali Bali"
    assert occurrence(text, "Bali Bali", len(text), 0) == 2
    out = link_first_mentions(f"<p>{text}</p>", [MentionLink("Bali Bali", 1, "b/")])
    assert out == '<p>Bali <a href="b/" class="entity">Bali Bali</a></p>'


@pytest.mark.parametrize("number, linked", [
    (0, None),  # inside an existing link: counted, never linked
    (1, '<em><a href="p/" class="entity">Putin</a></em>'),
    (2, None),  # in a heading: counted, never linked
    (3, '<p><a href="p/" class="entity">Putin</a></p>'),
])
def test_counts_what_the_text_model_reads_and_links_outside_headings_and_links(number, linked):
    html = '<p><code>Putin</code> <a href="x">Putin</a> said <em>Putin</em> won.</p><h2>Putin</h2><p>Putin</p>'
    out = link_first_mentions(html, [MentionLink("Putin", number, "p/")])
    if linked is None:
        assert out == html
    else:
        assert linked in out and out.count('class="entity"') == 1


def test_a_name_first_in_a_heading_links_its_first_mention_in_the_text(tmp_path):
    (tmp_path / "registry.yml").write_text(
        "- {id: universitas-indonesia, name: Universitas Indonesia, type: organization}\n"
        "- {id: indonesia, name: Indonesia, type: place}\n", encoding="utf-8")
    registry, problems = load_registry(tmp_path)
    assert problems == []
    html = "<h2>Universitas Indonesia</h2><p>Tim Indonesia menang. Lalu Indonesia kalah.</p>"
    document = Document("a/", "Pertandingan", "", html, "id", datetime(2024, 1, 1, tzinfo=timezone.utc))
    [result] = enrich_corpus([document], registry, 0.7)
    links = [MentionLink(m.surface, m.occurrence, f"{m.entity_id}/") for m in result.first_mentions]
    out = link_first_mentions(html, links)
    assert out == ('<h2>Universitas Indonesia</h2><p>Tim <a href="indonesia/" class="entity">Indonesia</a> menang. '
                   'Lalu Indonesia kalah.</p>')


def test_several_links_in_one_text_node_and_escaping():
    import lxml.html

    html = "<p>Rusia &amp; Korea Utara, lalu Rusia.</p>"
    out = link_first_mentions(html, [MentionLink("Korea Utara", 0, "ku/", 'a "b" <c>'),
                                      MentionLink("Rusia", 0, "ru/")])
    paragraph = lxml.html.fragment_fromstring(out)
    assert paragraph.text_content() == "Rusia & Korea Utara, lalu Rusia."
    links = paragraph.xpath("a")
    assert [(a.text, a.get("href"), a.get("title")) for a in links] == [
        ("Rusia", "ru/", None), ("Korea Utara", "ku/", 'a "b" <c>')]
    assert "<c>" not in out


def test_missing_words_leave_html_untouched():
    html = "<p>Tidak ada nama.</p>\n"
    assert link_first_mentions(html, [MentionLink("Putin", 0, "p/")]) == html
    assert link_first_mentions("", [MentionLink("Putin", 0, "p/")]) == ""



def test_text_before_the_first_element_stays_escaped():
    """A cleaned body can start with bare text (a removed <form> leaves its text): it is escaped like the rest."""
    html = "&lt;script&gt;alert(1)&lt;/script&gt; Kim Jong Un bertemu\n<p>Lagi.</p>"
    linked = link_first_mentions(html, [MentionLink("Kim Jong Un", 0, "/entitas/kim-jong-un/")])
    assert linked == ('&lt;script&gt;alert(1)&lt;/script&gt; <a href="/entitas/kim-jong-un/" class="entity">'
                      "Kim Jong Un</a> bertemu\n<p>Lagi.</p>")
