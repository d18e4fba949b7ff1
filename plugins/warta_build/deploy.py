"""Send a built site to where readers get it: an S3-compatible bucket, an rsync target or a gh-pages branch.

The plan (what to upload and delete) is :mod:`warta.publish.upload_plan`; this module only lists, uploads
and deletes. Drafts' folders and dot files are never sent.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from pathlib import Path

from warta.publish.upload_plan import LocalFile, Plan, RemoteObject, describe, headers, plan
from warta.settings import Publish
from warta.settings import of as warta_settings

logger = logging.getLogger(__name__)
PREVIEW_MARKER = ".warta-preview"  # written by `invoke preview`: such a folder is never published


def private_prefixes(settings: dict) -> tuple[str, ...]:
    """Folders that hold drafts (from DRAFT_SAVE_AS and DRAFT_PAGE_SAVE_AS), e.g. ('draf/',)."""
    found = []
    for key in ("DRAFT_SAVE_AS", "DRAFT_PAGE_SAVE_AS", "DRAFT_LANG_SAVE_AS", "DRAFT_PAGE_LANG_SAVE_AS"):
        pattern = settings.get(key) or ""
        head = pattern.split("{", 1)[0]
        if "/" in head:
            found.append(head[: head.rindex("/") + 1])
    return tuple(sorted(set(found)))


def deploy(output: Path, settings: dict, dry_run: bool = False, stream=None) -> int:
    """Publish ``output`` to the configured target; return an exit code."""
    stream = stream or sys.stdout
    if (output / PREVIEW_MARKER).exists():
        print(f"{output}: this is a preview build (drafts and embargoed articles); not published", file=sys.stderr)
        return 1
    options = warta_settings(settings).publish  # validated by the build that made ``output``
    private = private_prefixes(settings)
    if options.s3_bucket:
        return s3_publish(output, options, private, dry_run, stream)
    if settings.get("DEPLOY_RSYNC_TARGET"):
        return rsync_publish(output, settings["DEPLOY_RSYNC_TARGET"], private, dry_run, stream)
    if settings.get("DEPLOY_GHPAGES_BRANCH"):
        return ghpages_publish(output, settings["DEPLOY_GHPAGES_BRANCH"], private, dry_run, stream)
    print(f"built {output} for production; no deploy target configured: set WARTA_S3_BUCKET, WARTA_RSYNC_TARGET "
          "(user@host:/path/) or WARTA_GHPAGES_BRANCH (e.g. gh-pages) and run 'invoke publish' again", file=stream)
    return 0


def local_files(output: Path) -> list[LocalFile]:
    return [describe(output, path) for path in sorted(output.rglob("*")) if path.is_file()]


def s3_publish(output: Path, options: Publish, private: tuple[str, ...], dry_run: bool, stream) -> int:
    import boto3
    from botocore.exceptions import BotoCoreError, ClientError

    where = f"s3://{options.s3_bucket}/{options.s3_prefix}"
    client = boto3.client("s3", endpoint_url=options.s3_endpoint or None, region_name=options.s3_region or None)
    try:
        remote = list_bucket(client, options.s3_bucket, options.s3_prefix)
        changes = plan(local_files(output), remote, private)
        if dry_run:
            for line in changes.lines():
                print(line, file=stream)
            return 0
        apply(client, output, options, changes)
    except (BotoCoreError, ClientError) as error:  # one line, never a traceback
        print(f"{where}: {error}", file=sys.stderr)
        return 1
    print(f"{where}: {changes.summary()}", file=stream)
    return 0


def list_bucket(client, bucket: str, prefix: str) -> list[RemoteObject]:
    found = []
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
        found += [RemoteObject(item["Key"][len(prefix):], item["ETag"]) for item in page.get("Contents", [])]
    return found


def apply(client, output: Path, options: Publish, changes: Plan) -> None:
    """Upload first, delete last: a reader never meets a link to a page that is not there yet."""
    bucket, prefix = options.s3_bucket, options.s3_prefix
    for key in changes.uploads:
        client.put_object(Bucket=bucket, Key=prefix + key, Body=(output / key).read_bytes(), **headers(key))
    for start in range(0, len(changes.deleted), 1000):
        batch = [{"Key": prefix + key} for key in changes.deleted[start:start + 1000]]
        client.delete_objects(Bucket=bucket, Delete={"Objects": batch, "Quiet": True})


def rsync_publish(output: Path, target: str, private: tuple[str, ...], dry_run: bool, stream) -> int:
    """rsync by checksum (a build rewrites every file, so times say nothing), deleting what is gone.

    Drafts' folders are excluded and deleted on the target; the target's own dot files are left alone.
    """
    if shutil.which("rsync") is None:
        print("rsync is not installed: sudo apt-get install rsync", file=sys.stderr)
        return 1
    command = ["rsync", "--recursive", "--links", "--checksum", "--delete", "--chmod=D755,F644",
               "--filter=P .*", "--exclude=.*", *(f"--exclude=/{p}" for p in private), "--delete-excluded"]
    command += ["--dry-run", "--itemize-changes"] if dry_run else ["--stats"]
    done = subprocess.run([*command, f"{output}/", target], capture_output=True, text=True)
    print(done.stdout.rstrip(), file=stream)
    if done.returncode:
        print(f"{target}: rsync failed: {done.stderr.strip().splitlines()[-1] if done.stderr.strip() else done.returncode}",
              file=sys.stderr)
    return 1 if done.returncode else 0


def ghpages_publish(output: Path, branch: str, private: tuple[str, ...], dry_run: bool, stream) -> int:
    if dry_run:
        print(f"would commit {output} to the '{branch}' branch and push it", file=stream)
        return 0
    for prefix in private:  # the production build has none; make sure
        shutil.rmtree(output / prefix, ignore_errors=True)
    done = subprocess.run([sys.executable, "-m", "ghp_import", "-n", "-b", branch, "-p", str(output)])
    return 1 if done.returncode else 0
