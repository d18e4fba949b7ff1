"""The publishing plan: by content hash, drafts never sent, headers by kind of file."""

import hashlib

import pytest

from warta.publish.upload_plan import LONG, MEDIUM, SHORT, LocalFile, RemoteObject, headers, plan


def local(key, body):
    return LocalFile(key, hashlib.md5(body).hexdigest(), len(body))


def remote(key, body, quoted=True):
    etag = hashlib.md5(body).hexdigest()
    return RemoteObject(key, f'"{etag}"' if quoted else etag)


def test_new_changed_deleted_and_unchanged_by_content_hash():
    mine = [local("index.html", b"new home"), local("a/index.html", b"same"), local("b/index.html", b"fresh")]
    theirs = [remote("index.html", b"old home"), remote("a/index.html", b"same", quoted=False),
              remote("gone/index.html", b"x")]
    result = plan(mine, theirs)
    assert (result.new, result.changed, result.deleted, result.unchanged) == (
        ("b/index.html",), ("index.html",), ("gone/index.html",), 1)
    assert result.uploads == ("b/index.html", "index.html")
    assert result.lines() == ["upload b/index.html (new)", "delete gone/index.html", "upload index.html (changed)",
                              "1 new, 1 changed, 1 to delete, 1 unchanged"]


def test_a_multipart_etag_is_uploaded_again():
    result = plan([local("big.json", b"{}")], [RemoteObject("big.json", '"0123456789abcdef0123456789abcdef-2"')])
    assert result.changed == ("big.json",)


def test_drafts_and_dot_files_are_never_uploaded_and_are_deleted_from_the_bucket():
    mine = [local("draf/x/index.html", b"d"), local(".warta-preview", b""), local("theme/.hidden", b""),
            local("index.html", b"i")]
    result = plan(mine, [remote("draf/old/index.html", b"d")], private_prefixes=("draf/",))
    assert result.new == ("index.html",) and result.deleted == ("draf/old/index.html",)


@pytest.mark.parametrize("key, content_type, cache", [
    ("index.html", "text/html; charset=utf-8", SHORT),
    ("2023/09/kim/index.html", "text/html; charset=utf-8", SHORT),
    ("feeds/atom.xml", "application/atom+xml; charset=utf-8", SHORT),
    ("entitas/kim-jong-un/rss.xml", "application/rss+xml; charset=utf-8", SHORT),
    ("theme/css/main.css", "text/css; charset=utf-8", LONG),
    ("theme/fonts/x.woff2", "font/woff2", LONG),
    ("api/articles.json", "application/json; charset=utf-8", MEDIUM),
    ("images/foto.jpg", "image/jpeg", MEDIUM),
    ("strange.unknownext", "application/octet-stream", MEDIUM),
])
def test_headers(key, content_type, cache):
    assert headers(key) == {"ContentType": content_type, "CacheControl": cache}


def test_publish_settings_are_validated():
    from warta.settings import read

    settings, problems = read({"WARTA_PUBLISH": {"s3_bucket": "warta", "s3_bukcet": "x", "s3_prefix": 3},
                               "WARTA_NOW": "besok"})
    assert settings.publish.s3_bucket == "warta"
    assert sorted(str(p) for p in problems) == [
        "pelicanconf.py: WARTA_NOW: 'WARTA_NOW' is not a valid ISO 8601 date: 'besok' "
        "(use YYYY-MM-DDTHH:MM:SS+07:00 with a real day and time)",
        "pelicanconf.py: WARTA_PUBLISH.s3_bukcet: unknown setting (did you mean 's3_bucket'?)",
        "pelicanconf.py: WARTA_PUBLISH.s3_prefix: must be a string, got int 3"]
