"""The stylesheet and scripts go out minified, answer 304 to a browser that has them, and change when the
file on disk changes (issue 16 §4: a first visit at most 15 KB compressed)."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

STATIC = Path(__file__).resolve().parent.parent.parent / "static"


@pytest.mark.parametrize(("path", "mimetype"), [("css/app.css", "text/css"), ("js/offline.js", "text/javascript")])
def test_styles_and_scripts_go_out_smaller_than_written_and_compress_smaller(client, path, mimetype):
    written = (STATIC / path).read_bytes()
    with client.get(f"/static/{path}") as response:
        assert response.status_code == 200
        assert response.mimetype == mimetype
        sent = response.data
    assert b"/*" in written and b"/*" not in sent, "comments are not sent"
    assert len(sent) < len(written) * 0.85
    assert len(gzip.compress(sent, 6)) < len(gzip.compress(written, 6)) * 0.85
    assert response.headers["Content-Length"] == str(len(sent))


def test_a_browser_that_has_the_file_gets_304_and_a_changed_file_a_new_etag(app, client, tmp_path):
    app.static_folder = str(tmp_path)
    style = tmp_path / "site.css"
    style.write_text("/* a comment */\nbody {\n    color: black;\n}\n", encoding="utf-8")
    with client.get("/static/site.css") as first:
        assert first.data == b"body{color:black}"
        etag = first.headers["ETag"]
    with client.get("/static/site.css", headers={"If-None-Match": etag}) as again:
        assert again.status_code == 304
    style.write_text("body {\n    color: navy;\n}\n", encoding="utf-8")
    with client.get("/static/site.css", headers={"If-None-Match": etag}) as changed:
        assert changed.status_code == 200 and changed.data == b"body{color:navy}"
        assert changed.headers["ETag"] != etag


def test_other_files_go_out_as_written_and_nothing_outside_static(client):
    with client.get("/static/manifest.webmanifest") as manifest:
        assert manifest.data == (STATIC / "manifest.webmanifest").read_bytes()
    for path in ("/static/../webapp/config.py", "/static/%2e%2e/pyproject.toml", "/static/js/no-such.js"):
        with client.get(path) as response:
            assert response.status_code == 404, path


def test_in_debug_mode_scripts_go_out_as_written(app, client):
    app.debug = True
    with client.get("/static/js/offline.js") as response:
        assert response.data == (STATIC / "js/offline.js").read_bytes()
