from warta.entities.mention_links import MentionLink, link_first_mentions, occurrence


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


def test_skips_code_links_and_headings_and_keeps_tails():
    html = '<p><code>Putin</code> <a href="x">Putin</a> said <em>Putin</em> won.</p><h2>Putin</h2><p>Putin</p>'
    out = link_first_mentions(html, [MentionLink("Putin", 1, "p/")])
    assert out == ('<p><code>Putin</code> <a href="x">Putin</a> said <em>Putin</em> won.</p><h2>Putin</h2>'
                   '<p><a href="p/" class="entity">Putin</a></p>')


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
