"""Where photo bytes live: one interface, a local folder by default or an S3-compatible bucket (issue 13).

    store = current_store()
    store.put(key, data); store.get(key) -> bytes; store.delete(key)

Keys are made by `photos.save` from `secrets.token_hex` (32 hex digits + ".jpg" or "-thumb.jpg"); no
user input ever becomes part of a path or an object name, and `valid_key` refuses anything else.

Settings (Config): PHOTO_STORE = "local" (default) or "s3".
- local: PHOTO_FOLDER, default <instance folder>/photos. Production refuses a folder inside static/,
  where the web server would hand the files to anyone (check_photo_settings).
- s3: PHOTO_S3_BUCKET, PHOTO_S3_ENDPOINT (empty for AWS itself; e.g. https://s3.example.no for
  another S3-compatible service), PHOTO_S3_REGION; credentials from the usual AWS environment
  variables (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY) or the machine's role, read by boto3.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from flask import current_app

KEY = re.compile(r"[0-9a-f]{32}(?:-thumb)?\.jpg")


class PhotoMissing(KeyError):
    """The store has no object under this key."""


def valid_key(key: str) -> str:
    if not KEY.fullmatch(key or ""):
        raise ValueError("not a photo key")
    return key


class LocalStore:
    def __init__(self, folder: str | os.PathLike):
        self.folder = Path(folder)

    def _path(self, key: str) -> Path:
        return self.folder / valid_key(key)

    def put(self, key: str, data: bytes) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self._path(key)
        partial = path.with_suffix(".part")
        partial.write_bytes(data)
        partial.replace(path)  # whole or absent, never half a photo

    def get(self, key: str) -> bytes:
        try:
            return self._path(key).read_bytes()
        except FileNotFoundError as error:
            raise PhotoMissing(key) from error

    def delete(self, key: str) -> None:
        self._path(key).unlink(missing_ok=True)


class S3Store:
    def __init__(self, bucket: str, *, endpoint_url: str | None = None, region: str | None = None, client=None):
        if client is None:
            import boto3  # only when the S3 store is configured

            client = boto3.client("s3", endpoint_url=endpoint_url or None, region_name=region or None)
        self.client = client
        self.bucket = bucket

    def put(self, key: str, data: bytes) -> None:
        self.client.put_object(Bucket=self.bucket, Key=valid_key(key), Body=data, ContentType="image/jpeg")

    def get(self, key: str) -> bytes:
        try:
            response = self.client.get_object(Bucket=self.bucket, Key=valid_key(key))
        except self.client.exceptions.NoSuchKey as error:
            raise PhotoMissing(key) from error
        return response["Body"].read()

    def delete(self, key: str) -> None:
        self.client.delete_object(Bucket=self.bucket, Key=valid_key(key))


def photo_folder(app) -> Path:
    return Path(app.config.get("PHOTO_FOLDER") or Path(app.instance_path) / "photos")


def make_store(app):
    kind = (app.config.get("PHOTO_STORE") or "local").lower()
    if kind == "s3":
        return S3Store(app.config["PHOTO_S3_BUCKET"], endpoint_url=app.config.get("PHOTO_S3_ENDPOINT"),
                       region=app.config.get("PHOTO_S3_REGION"))
    if kind == "local":
        return LocalStore(photo_folder(app))
    raise ValueError(f"PHOTO_STORE must be 'local' or 's3', not {kind!r}")


def current_store():
    """The app's store, made once per app (a test may replace app.extensions['photo_store'])."""
    app = current_app._get_current_object()
    store = app.extensions.get("photo_store")
    if store is None:
        store = app.extensions["photo_store"] = make_store(app)
    return store


def check_photo_settings(app) -> None:
    """Production: a known store, a bucket for S3, and never a local folder the web server serves."""
    from ..config import ConfigError, is_production

    kind = (app.config.get("PHOTO_STORE") or "local").lower()
    if kind not in ("local", "s3"):
        raise ConfigError("PHOTO_STORE must be 'local' or 's3'")
    if kind == "s3":
        if not app.config.get("PHOTO_S3_BUCKET"):
            raise ConfigError("PHOTO_STORE=s3 needs PHOTO_S3_BUCKET")
        return
    if not is_production(app.config):
        return
    folder = photo_folder(app).resolve()
    static = Path(app.static_folder).resolve() if app.static_folder else None
    if static is not None and (folder == static or static in folder.parents):
        raise ConfigError("PHOTO_FOLDER must not be inside the static folder: the web server would serve the photos "
                          "to anyone. Use a folder outside static/, e.g. the default instance/photos.")
