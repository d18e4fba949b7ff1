"""The body allow-list: a table of real inputs and exact outputs, and what the build says it removed."""

import runpy
import subprocess
import sys

import markdown
import pytest
from warta.publish.body_html import clean_body, removed

from tests.conftest import REPO

_CONF = runpy.run_path(str(REPO / "pelicanconf.py"))["MARKDOWN"]
MARKDOWN = dict(_CONF, extensions=list(_CONF["extension_configs"]))

CASES = [
    # (input HTML, cleaned HTML)
    ("<p>Teks <em>miring</em> dan <strong>tebal</strong></p>",
     "<p>Teks <em>miring</em> dan <strong>tebal</strong></p>"),
    ('<p><a href="https://example.org/a?b=1&amp;c=2">tautan</a></p>',
     '<p><a href="https://example.org/a?b=1&amp;c=2">tautan</a></p>'),
    ('<p><a href="/2023/09/x/">dalam</a> <a href="#fn:1">catatan</a> <a href="mailto:r@example.org">surel</a></p>',
     '<p><a href="/2023/09/x/">dalam</a> <a href="#fn:1">catatan</a> <a href="mailto:r@example.org">surel</a></p>'),
    ('<p><a href="javascript:alert(1)">x</a></p>', "<p><a>x</a></p>"),
    ('<p><a href="JaVaScRiPt:alert(1)">x</a></p>', "<p><a>x</a></p>"),
    ('<p><a href="jav&#x09;ascript:alert(1)">x</a></p>', "<p><a>x</a></p>"),
    ('<p><a href=" javascript:alert(1)">x</a></p>', "<p><a>x</a></p>"),
    ('<p><a href="vbscript:msgbox(1)">x</a></p>', "<p><a>x</a></p>"),
    ('<p><img src="data:image/svg+xml;base64,PHN2Zz4=" alt="x"></p>', '<p><img alt="x"></p>'),
    ('<p><img src="x" onerror="alert(1)" alt="y"></p>', '<p><img src="x" alt="y"></p>'),
    ("<p>a<script>alert(1)</script>b</p>", "<p>ab</p>"),
    ("<style>p{display:none}</style><p>a</p>", "<p>a</p>"),
    ('<svg onload="alert(1)"><circle r="1"/></svg><p>a</p>', "<p>a</p>"),
    ('<form action="/x"><input name="q"><button>Kirim</button></form>', "Kirim"),
    ('<p onclick="alert(1)" style="color:red" class="c" id="i">a</p>', '<p class="c" id="i">a</p>'),
    ('<a href="https://x.example/" target="_blank">a</a>', '<a href="https://x.example/">a</a>'),
    ('<base href="https://evil.example/"><meta http-equiv="refresh" content="0"><p>a</p>', "<p>a</p>"),
    ("<!-- <script>alert(1)</script> --><p>a</p>", "<p>a</p>"),
    ('<figure><img src="/images/peta.png" alt="Peta"><figcaption>Peta</figcaption></figure>',
     '<figure><img src="/images/peta.png" alt="Peta"><figcaption>Peta</figcaption></figure>'),
    ('<table><tr><th style="text-align: left;">a</th><td style="text-align: right; color: red">1</td></tr></table>',
     '<table><tbody><tr><th style="text-align:left">a</th><td style="text-align:right">1</td></tr></tbody></table>'),
    ('<iframe src="https://www.youtube-nocookie.com/embed/x" title="Video" allowfullscreen></iframe>',
     '<iframe src="https://www.youtube-nocookie.com/embed/x" title="Video" allowfullscreen="" '
     'sandbox="allow-scripts allow-same-origin allow-presentation allow-popups"></iframe>'),
    ('<iframe src="https://evil.example/x"></iframe>',
     '<iframe sandbox="allow-scripts allow-same-origin allow-presentation allow-popups"></iframe>'),
    ('<iframe src="http://www.youtube.com/embed/x"></iframe>',
     '<iframe sandbox="allow-scripts allow-same-origin allow-presentation allow-popups"></iframe>'),
    ("<p>AT&amp;T &lt;script&gt; &quot;kutip&quot;</p>", '<p>AT&amp;T &lt;script&gt; "kutip"</p>'),
]


@pytest.mark.parametrize("given, expected", CASES)
def test_allow_list(given, expected):
    assert clean_body(given) == expected


def test_markdown_output_passes_unchanged():
    source = ("# Judul\n\nParagraf *miring* dan **tebal** dengan [tautan](https://example.org/) dan "
              "![gambar](/images/a.png \"judul\"), `kode`, catatan[^1].\n\n> kutipan\n\n1. satu\n2. dua\n\n"
              "- a\n- b\n\n    kode blok\n\nIstilah\n:   definisi\n\n*[ASEAN]: Perhimpunan\n\nASEAN\n\n---\n\n"
              "[^1]: Isi catatan.\n")
    rendered = markdown.Markdown(**MARKDOWN).convert(source)
    assert clean_body(rendered) == rendered.replace("&#160;", "&nbsp;").replace("&#8617;", "\u21a9")
    assert removed(rendered, clean_body(rendered)) == []


def test_removed_names_what_went():
    before = ('<p onclick="x">a<script>1</script><a href="javascript:x">b</a><img src="data:x" onerror="y">'
              '<iframe src="https://evil.example/"></iframe></p>')
    assert removed(before, clean_body(before)) == [
        "<script>", "href on <a>", "onclick on <p>", "onerror on <img>", "src on <iframe>", "src on <img>"]


def test_same_output_in_every_process():
    """nh3 keeps hash maps: what it adds must not come out in a per-process order (builds are byte-identical)."""
    markup = ('<iframe src="https://www.youtube.com/embed/x" title=t allowfullscreen></iframe>'
              "<iframe src=https://e.example/></iframe><p class=a id=b title=c lang=d>x</p>"
              '<td style="text-align: left" colspan=2>y</td><img src=a alt=b width=1 loading=lazy>')
    code = f"from warta.publish.body_html import clean_body; print(clean_body({markup!r}))"
    outputs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
               for _ in range(10)}
    assert len(outputs) == 1, outputs


def test_removed_is_safe_to_print():
    before = "<p><x\x1b[2J>a</x></p>"
    assert removed(before, clean_body(before)) == ["<x?[2j>"]   # HTML tag names are lower case
