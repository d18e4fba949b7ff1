from warta.entities.text import article_text


def test_parts_and_spans():
    a = article_text("Judul  Berita", "<p>Ringkas &amp; jelas</p>",
                     "<p>Satu <b>dua</b></p>\n<ul><li>tiga <a href='x'>empat</a></li></ul><p>lima<br>enam</p>")
    assert a.text == "Judul Berita\n\nRingkas & jelas\n\nSatu dua\n\ntiga empat\n\nlima enam"
    assert a.text[slice(*a.title_span)] == "Judul Berita"
    assert a.text[slice(*a.lede_span)] == "Ringkas & jelas"
    assert [a.text[s:e] for s, e in a.paragraph_spans] == ["Satu dua", "tiga empat", "lima enam"]


def test_code_scripts_and_urls_are_left_out():
    a = article_text("T", "", "<p>Lihat https://example.com/a?b=1 dan <code>KCNA</code> www.x.id ya</p>"
                              "<pre>Kim Jong Un</pre><script>var Putin</script><style>p{}</style><!-- Bali -->")
    assert a.text == "T\n\n\n\nLihat dan ya"
    assert a.lede_span == (3, 3)
    assert [a.text[s:e] for s, e in a.paragraph_spans] == ["Lihat dan ya"]


def test_nested_blocks_keep_document_order():
    a = article_text("T", "lede", "<blockquote><p>kutipan</p>ekor</blockquote><div>a<p>b</p>c</div>")
    assert [a.text[s:e] for s, e in a.paragraph_spans] == ["kutipan", "ekor", "a", "b", "c"]


def test_headings_are_text_and_marked():
    a = article_text("T", "", "<h2>Universitas Indonesia</h2><p>Tim Indonesia</p><h3><em>Akhir</em></h3>")
    assert [a.text[s:e] for s, e in a.paragraph_spans] == ["Universitas Indonesia", "Tim Indonesia", "Akhir"]
    assert [a.text[s:e] for s, e in a.heading_spans] == ["Universitas Indonesia", "Akhir"]


def test_empty_body():
    a = article_text("Only a title", "", "")
    assert a.text == "Only a title\n\n" and a.paragraph_spans == ()


# The first, straightforward extraction (lxml.html elements, regular expressions), kept as the reference.
import re  # noqa: E402

import lxml.html  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st
from warta.entities.text import BLOCKS, SKIP, clean  # noqa: E402

URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+", re.IGNORECASE)


def reference_clean(text):
    return re.sub(r"\s+", " ", URL.sub(" ", text)).strip()


def reference_blocks(html):
    if not html.strip():
        return []
    out = []

    def inline(element):
        if element.tag == "br":
            return " "
        parts = [element.text or ""]
        for child in element:
            if isinstance(child.tag, str) and child.tag not in SKIP:
                parts.append(inline(child))
            parts.append(child.tail or "")
        return "".join(parts)

    def walk(element):
        own = [element.text or ""]
        for child in element:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag in BLOCKS:
                out.append("".join(own))
                own = []
                walk(child)
            elif tag and tag not in SKIP:
                own.append(inline(child))
            own.append(child.tail or "")
        out.append("".join(own))

    walk(lxml.html.fragment_fromstring(html, create_parent="div"))
    return out


WORDS = st.sampled_from(["Kim", " ", "  ", "\n", "\t", "\u00a0", "Putin", "a@b.id", "https://x.id/a", "WWW.Y.ID",
                         "http:/z", "&amp;", "&lt;b&gt;", "ya.", "é", "x@y", "--"])
TAGS = st.sampled_from(["p", "b", "br", "li", "ul", "div", "code", "span", "a", "blockquote", "script", "em"])


@st.composite
def html_fragments(draw, depth=0):
    parts = []
    for _ in range(draw(st.integers(0, 4))):
        if depth < 3 and draw(st.booleans()):
            tag = draw(TAGS)
            parts.append(f"<{tag}>{draw(html_fragments(depth + 1))}</{tag}>")
        elif draw(st.integers(0, 9)) == 0:
            parts.append("<!-- Bali -->")
        else:
            parts.append("".join(draw(st.lists(WORDS, max_size=5))))
    return "".join(parts)


@settings(max_examples=300, deadline=None)
@given(html_fragments(), st.lists(WORDS, max_size=8))
def test_extraction_equals_the_reference(html, words):
    text = "".join(words)
    assert clean(text) == reference_clean(text)
    expected = [p for p in (reference_clean(b) for b in reference_blocks(html)) if p]
    article = article_text(text, html, html)
    assert [article.text[s:e] for s, e in article.paragraph_spans] == expected
    lede = reference_clean(" ".join(reference_blocks(html)) if "<" in html else html)  # plain text kept as written
    assert article.text[slice(*article.lede_span)] == lede
