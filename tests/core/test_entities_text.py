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


def test_empty_body():
    a = article_text("Only a title", "", "")
    assert a.text == "Only a title\n\n" and a.paragraph_spans == ()
