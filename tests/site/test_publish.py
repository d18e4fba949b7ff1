"""`invoke publish` for real: a production build sent to an S3 API served by moto, and to a folder by rsync."""

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import boto3
import pytest

from tests.conftest import REPO

BUCKET = "warta-site"
EDITED = "content/articles/2023/09/ktt-asean-ke-43-jakarta-ditutup.md"
REMOVED = "content/articles/2023/11/korut-luncurkan-satelit-malligyong-1.md"
DRAFT = """---
title: Draf Rahasia Redaksi
date: 2023-09-20T10:00:00+07:00
status: draft
---
Belum boleh terbit.
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def s3(tmp_path_factory):
    """moto's server mode on 127.0.0.1 and a free port, stopped at the end; yields (endpoint, client)."""
    port = free_port()
    log = tmp_path_factory.mktemp("moto") / "moto.log"
    with log.open("w") as sink:
        server = subprocess.Popen([sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
                                  stdout=sink, stderr=subprocess.STDOUT)
    try:
        for _ in range(300):  # wait until it accepts connections
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert server.poll() is None, log.read_text()
                time.sleep(0.1)
        endpoint = f"http://127.0.0.1:{port}"
        client = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1",
                              aws_access_key_id="testing", aws_secret_access_key="testing")
        client.create_bucket(Bucket=BUCKET)
        yield endpoint, client
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("newsroom")
    shutil.copytree(REPO / "content", root / "content")
    (root / "content/articles/2023/09/draf-rahasia-redaksi.md").write_text(DRAFT)
    return root


def publish(root: Path, env: dict, *flags: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "WARTA_S3_BUCKET": "", "WARTA_RSYNC_TARGET": "", "WARTA_GHPAGES_BRANCH": "", **env}
    return subprocess.run([sys.executable, "-m", "invoke", "publish", "--content", str(root / "content"),
                           "--output", str(root / "output"), *flags],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=600)


def planned(result: subprocess.CompletedProcess) -> list[str]:
    """The dry run's lines (Pelican's own "Done: ..." line left out)."""
    return [line for line in result.stdout.splitlines()
            if line.startswith(("upload ", "delete ")) or line.endswith(" unchanged")]


def listing(client) -> dict[str, str]:
    pages = client.get_paginator("list_objects_v2").paginate(Bucket=BUCKET)
    return {item["Key"]: item["ETag"] for page in pages for item in page.get("Contents", [])}


def built(output: Path) -> set[str]:
    return {p.relative_to(output).as_posix() for p in output.rglob("*") if p.is_file()}


def public(output: Path) -> set[str]:
    """What may leave the machine: no draft, no dot file (the build's .warta-build marker)."""
    return {key for key in built(output) if not key.startswith("draf/") and ".warta-build" not in key}


def test_s3_uploads_only_what_changed_and_deletes_what_is_gone(s3, newsroom):
    endpoint, client = s3
    env = {"WARTA_S3_BUCKET": BUCKET, "WARTA_S3_ENDPOINT": endpoint, "WARTA_S3_REGION": "us-east-1",
           "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"}
    first = publish(newsroom, env)
    assert first.returncode == 0, first.stderr
    output = newsroom / "output"
    sent = listing(client)
    sendable = public(output)
    assert (output / ".warta-build").is_file() and set(sent) == sendable and len(sendable) > 500
    assert f"s3://{BUCKET}/: {len(sendable)} new, 0 changed, 0 to delete, 0 unchanged" in first.stdout
    assert not [key for key in sent if "draf-rahasia" in key or key.startswith("draf/")]
    assert not [key for key in sent
                if key.endswith((".html", ".xml", ".json")) and b"Draf Rahasia" in client.get_object(
                    Bucket=BUCKET, Key=key)["Body"].read()]

    kinds = {"index.html": ("text/html; charset=utf-8", "public, max-age=300"),
             "feeds/atom.xml": ("application/atom+xml; charset=utf-8", "public, max-age=300"),
             "theme/css/warta.css": ("text/css; charset=utf-8", "public, max-age=2592000"),
             "api/articles.json": ("application/json; charset=utf-8", "public, max-age=3600")}
    for key, (content_type, cache) in kinds.items():
        head = client.head_object(Bucket=BUCKET, Key=key)
        assert (head["ContentType"], head["CacheControl"]) == (content_type, cache), key
        assert client.get_object(Bucket=BUCKET, Key=key)["Body"].read() == (output / key).read_bytes()

    again = publish(newsroom, env, "--dry-run")
    assert again.returncode == 0, again.stderr
    assert planned(again) == [f"0 new, 0 changed, 0 to delete, {len(sendable)} unchanged"]

    edited, removed = newsroom / EDITED, newsroom / REMOVED
    edited.write_text(edited.read_text() + "\nPara pemimpin berfoto bersama.\n")
    removed.unlink()
    before = listing(client)
    dry = publish(newsroom, env, "--dry-run")
    assert dry.returncode == 0, dry.stderr
    lines = planned(dry)
    assert "upload 2023/09/ktt-asean-ke-43-jakarta-ditutup/index.html (changed)" in lines
    assert "delete 2023/11/korut-luncurkan-satelit-malligyong-1/index.html" in lines
    assert "upload tentang/index.html (changed)" not in lines and "upload about/index.html (changed)" not in lines
    assert listing(client) == before  # a dry run changes nothing
    summary = lines[-1]

    applied = publish(newsroom, env)
    assert applied.returncode == 0, applied.stderr
    assert f"s3://{BUCKET}/: {summary}" in applied.stdout
    after = listing(client)
    assert set(after) == public(output)
    changed = {key for key in after if after[key] != before.get(key)}
    uploads = {line.split()[1] for line in lines if line.startswith("upload ")}
    assert changed == uploads and 0 < len(changed) < len(sendable) / 2


def test_a_bucket_that_does_not_exist_is_one_line(s3, newsroom):
    endpoint, _ = s3
    result = publish(newsroom, {"WARTA_S3_BUCKET": "no-such-bucket", "WARTA_S3_ENDPOINT": endpoint,
                                "WARTA_S3_REGION": "us-east-1", "AWS_ACCESS_KEY_ID": "testing",
                                "AWS_SECRET_ACCESS_KEY": "testing"})
    assert result.returncode == 1
    assert "s3://no-such-bucket/: An error occurred (NoSuchBucket)" in result.stderr
    assert "Traceback" not in result.stderr


def test_rsync_to_a_folder_sends_changes_by_content_and_never_drafts(tmp_path):
    assert shutil.which("rsync"), "rsync is missing: make test installs it"
    root = tmp_path / "newsroom"
    shutil.copytree(REPO / "content", root / "content")
    (root / "content/articles/2023/09/draf-rahasia-redaksi.md").write_text(DRAFT)
    www = tmp_path / "www"
    www.mkdir()
    (www / ".htaccess").write_text("kept\n")
    (www / "draf" / "lama").mkdir(parents=True)
    (www / "draf" / "lama" / "index.html").write_text("an old leaked draft")
    env = {"WARTA_RSYNC_TARGET": f"{www}/"}
    first = publish(root, env)
    assert first.returncode == 0, first.stderr
    sendable = public(root / "output")
    assert (root / "output" / ".warta-build").is_file() and built(www) == sendable | {".htaccess"}
    assert all((www / key).read_bytes() == (root / "output" / key).read_bytes() for key in sendable)

    edited = root / EDITED
    edited.write_text(edited.read_text() + "\nPara pemimpin berfoto bersama.\n")
    dry = publish(root, env, "--dry-run")
    assert dry.returncode == 0, dry.stderr
    sent = {line.split(" ", 1)[1] for line in dry.stdout.splitlines() if line.startswith(">f")}
    assert "2023/09/ktt-asean-ke-43-jakarta-ditutup/index.html" in sent
    assert "tentang/index.html" not in sent and 0 < len(sent) < len(sendable) / 2
    assert "berfoto bersama".encode() not in (www / "2023/09/ktt-asean-ke-43-jakarta-ditutup/index.html").read_bytes()
