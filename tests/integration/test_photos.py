"""Photos on symptom reports (issue 13): upload through the form, nothing stored when refused, served
only to the patient and the clinic's nurses (audited, no-store), and the two stores."""

from __future__ import annotations

import io
import re
import uuid
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image
from sqlmodel import select
from werkzeug.datastructures import FileStorage, MultiDict
from werkzeug.test import encode_multipart

from tests import photo_files
from tests.conftest import AuthActions
from webapp.config import ConfigError
from webapp.domain.clock import utc_now
from webapp.models import AuditEvent, Photo, SymptomReport
from webapp.photos import MAX_FILE_BYTES, storage

from .reports import NO_TO_ALL, flag_of, patient_of, reports_of

EMAIL = "patient.en@example.org"


def report_form(*files, client_id=None, free_text="The injection site is red and swollen, 4 cm across.", **extra):
    """The symptom form as a browser sends it: fields and (name, bytes, type) files under "photos"."""
    fields = {"client_id": client_id or str(uuid.uuid4()), "codes": "injection_site_severe",
              "free_text": free_text, **NO_TO_ALL, **extra}
    data = MultiDict(list(fields.items()))
    for name, content, kind in files:
        data.add("photos", FileStorage(io.BytesIO(content), filename=name, content_type=kind))
    return data


def send(client, *files, **kwargs):
    # Encoded in memory: the test client's own spooling of a large body leaves a temporary file open.
    boundary, body = encode_multipart(report_form(*files, **kwargs))
    return client.post("/symptoms/new", data=body, content_type=f"multipart/form-data; boundary={boundary}")


def stored_files(app) -> list[Path]:
    folder = storage.photo_folder(app)
    return sorted(folder.iterdir()) if folder.exists() else []


def photos_in_db(db_session) -> list[Photo]:
    db_session.expire_all()
    return list(db_session.exec(select(Photo).order_by(Photo.id)).all())


def read_store(app, key: str) -> bytes:
    with app.app_context():
        return storage.current_store().get(key)


@pytest.fixture
def sent_photo(app, client, auth, db_session):
    """patient_en's urgent report with one phone photo (GPS tags and all)."""
    auth.login("patient_en")
    response = send(client, ("IMG_2041.JPG", photo_files.jpeg_with_gps(), "image/jpeg"))
    assert response.status_code == 302, response.text
    [photo] = photos_in_db(db_session)
    return photo


def test_a_photo_sent_with_a_report_is_stored_without_exif_or_gps(app, db_session, sent_photo):
    report = reports_of(db_session, patient_of(db_session, EMAIL))[-1]
    assert sent_photo.symptom_report_id == report.id and sent_photo.patient_id == report.patient_id
    assert sent_photo.storage_key != "IMG_2041.JPG" and "IMG" not in sent_photo.storage_key
    for key in (sent_photo.storage_key, sent_photo.thumb_key):
        image = Image.open(io.BytesIO(read_store(app, key)))
        exif = image.getexif()
        assert len(exif) == 0 and not exif.get_ifd(photo_files.GPS_IFD)
    assert [p.name for p in stored_files(app)] == sorted([sent_photo.storage_key, sent_photo.thumb_key])
    assert (sent_photo.width, sent_photo.height) == (1600, 1200)


def test_the_patient_sees_the_photo_on_the_report_page_and_it_is_served_safely(app, client, db_session, sent_photo):
    page = client.get(f"/symptoms/{sent_photo.symptom_report_id}").text
    assert f'src="/photos/{sent_photo.id}/thumb"' in page and f'href="/photos/{sent_photo.id}"' in page
    for path, key in ((f"/photos/{sent_photo.id}", sent_photo.storage_key),
                      (f"/photos/{sent_photo.id}/thumb", sent_photo.thumb_key)):
        response = client.get(path)
        assert response.status_code == 200
        assert response.headers["Content-Type"] == "image/jpeg"
        assert response.headers["Cache-Control"] == "no-store"
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Content-Disposition"].startswith("inline")
        assert response.data == read_store(app, key)
    db_session.expire_all()
    targets = db_session.exec(select(AuditEvent.target).where(AuditEvent.target.like("photo:%"))).all()
    assert sorted(targets) == sorted([f"photo:{sent_photo.id}", f"photo:{sent_photo.id}:thumb"])


def test_the_nurse_sees_a_thumbnail_on_the_flag_page_and_the_timeline_and_each_view_is_audited(app, db_session,
                                                                                               sent_photo):
    nurse = app.test_client()
    AuthActions(nurse).login("nurse")
    report = db_session.get(SymptomReport, sent_photo.symptom_report_id)
    flag = flag_of(db_session, report)
    page = nurse.get(f"/nurse/flags/{flag.id}").text
    assert re.search(rf'<a href="/photos/{sent_photo.id}"><img src="/photos/{sent_photo.id}/thumb" '
                     rf'width="320" height="240" alt="Bilde 1 av 1: åpne i full størrelse"></a>', page)
    timeline = nurse.get(f"/nurse/patients/{report.patient_id}/timeline").text
    assert "1 bilde" in timeline and f'href="/photos/{sent_photo.id}"' in timeline
    assert nurse.get(f"/photos/{sent_photo.id}/thumb").status_code == 200
    assert nurse.get(f"/photos/{sent_photo.id}").status_code == 200
    db_session.expire_all()
    audits = db_session.exec(select(AuditEvent).where(AuditEvent.target.like("photo:%"))).all()
    assert {(a.target, a.patient_id) for a in audits} == {
        (f"photo:{sent_photo.id}:thumb", sent_photo.patient_id), (f"photo:{sent_photo.id}", sent_photo.patient_id)}
    assert {a.actor_id for a in audits} == {flag_nurse_id(db_session)}


def flag_nurse_id(db_session) -> int:
    from .reports import user_of

    return user_of(db_session, "nurse@example.org").id


@pytest.mark.parametrize("who", ["patient", "patient2", "nurse2"])
def test_another_patient_or_another_clinics_nurse_gets_404(app, sent_photo, who):
    other = app.test_client()
    AuthActions(other).login(who)
    assert other.get(f"/photos/{sent_photo.id}").status_code == 404
    assert other.get(f"/photos/{sent_photo.id}/thumb").status_code == 404


def test_a_signed_out_visitor_is_sent_to_sign_in(app, sent_photo):
    response = app.test_client().get(f"/photos/{sent_photo.id}")
    assert response.status_code == 302 and response.location.startswith("/auth/login")


def test_a_deleted_photo_is_404_for_everyone(app, client, db_session, sent_photo):
    sent_photo.deleted_at = utc_now()
    db_session.add(sent_photo)
    db_session.commit()
    assert client.get(f"/photos/{sent_photo.id}").status_code == 404
    nurse = app.test_client()
    AuthActions(nurse).login("nurse")
    assert nurse.get(f"/photos/{sent_photo.id}/thumb").status_code == 404
    assert f"/photos/{sent_photo.id}" not in client.get(f"/symptoms/{sent_photo.symptom_report_id}").text


def test_three_photos_png_and_heic_are_taken(app, client, auth, db_session):
    auth.login("patient_en")
    response = send(client, ("a.png", photo_files.png_with_alpha(), "image/png"),
                    ("b.heic", photo_files.heic(), "image/heic"), ("c.jpg", photo_files.small_jpeg(), "image/jpeg"))
    assert response.status_code == 302
    assert [(p.width, p.height) for p in photos_in_db(db_session)] == [(800, 600), (640, 480), (640, 480)]
    assert len(stored_files(app)) == 6


REFUSED = [
    ("notes.jpg", photo_files.TEXT_AS_JPEG, "image/jpeg", 422, "not a photo we can use"),
    ("page.jpg", photo_files.HTML_AS_JPEG, "image/jpeg", 422, "not a photo we can use"),
    ("holiday.jpg", photo_files.jpeg_zip_polyglot(), "image/jpeg", 422, "something else attached"),
    ("rash.png", photo_files.bomb(), "image/png", 422, "too many pixels"),
    ("huge.jpg", b"\xff\xd8\xff" + b"\x00" * (MAX_FILE_BYTES + 1), "image/jpeg", 413, "at most 10 MB"),
]


@pytest.mark.parametrize("name, content, kind, status, message", REFUSED,
                         ids=["text-named-jpg", "html-as-jpeg", "jpeg+zip", "bomb", "over-10-mb"])
def test_a_refused_photo_stores_nothing_and_keeps_what_was_typed(app, client, auth, db_session, name, content, kind,
                                                                 status, message):
    auth.login("patient_en")
    before = len(reports_of(db_session, patient_of(db_session, EMAIL)))
    typed = "Rødt og hovent stikksted, 4 cm, siden i går."
    response = send(client, ("ok.jpg", photo_files.small_jpeg(), "image/jpeg"), (name, content, kind),
                    free_text=typed, started_on="")
    assert response.status_code == status
    page = response.text
    assert typed in page  # nothing the patient typed is lost
    assert 'value="injection_site_severe" id="code-injection_site_severe" checked' in page
    error = re.search(r'<p class="error" id="photos-error">([^<]*)</p>', page)
    assert error and message in error.group(1)
    assert 'aria-describedby="photos-hint photos-error"' in page
    assert len(reports_of(db_session, patient_of(db_session, EMAIL))) == before  # no report either
    assert photos_in_db(db_session) == [] and stored_files(app) == []


def test_four_photos_are_refused_with_422(app, client, auth, db_session):
    auth.login("patient_en")
    response = send(client, *[(f"{n}.jpg", photo_files.small_jpeg(), "image/jpeg") for n in range(4)])
    assert response.status_code == 422 and "Attach at most 3 photos." in response.text
    assert photos_in_db(db_session) == [] and stored_files(app) == []


def test_a_form_error_elsewhere_asks_for_the_photos_again(app, client, auth, db_session):
    auth.login("patient_en")
    response = send(client, ("a.jpg", photo_files.small_jpeg(), "image/jpeg"), started_on="2999-01-01")
    assert response.status_code == 422 and "Choose the photos again" in response.text
    assert photos_in_db(db_session) == [] and stored_files(app) == []


def test_a_double_tapped_report_with_a_photo_stores_one_report_and_one_photo(app, client, auth, db_session):
    auth.login("patient_en")
    before = len(reports_of(db_session, patient_of(db_session, EMAIL)))
    client_id = str(uuid.uuid4())
    first = send(client, ("a.jpg", photo_files.small_jpeg(), "image/jpeg"), client_id=client_id)
    second = send(client, ("a.jpg", photo_files.small_jpeg(), "image/jpeg"), client_id=client_id)
    assert first.status_code == second.status_code == 302 and first.location == second.location
    assert len(reports_of(db_session, patient_of(db_session, EMAIL))) == before + 1
    assert len(photos_in_db(db_session)) == 1 and len(stored_files(app)) == 2


def test_the_norwegian_form_has_the_file_input_and_its_hint(client, auth):
    auth.login("patient")
    page = client.get("/symptoms/new?step=more").text
    assert 'enctype="multipart/form-data"' in page
    assert re.search(r'<input[^>]*accept="image/\*"[^>]*multiple[^>]*name="photos"|'
                     r'<input[^>]*name="photos"[^>]*', page)
    field = re.search(r"<input[^>]*name=\"photos\"[^>]*>", page).group(0)
    assert 'type="file"' in field and "multiple" in field and 'accept="image/*"' in field
    assert "Bilde av stikkstedet eller utslettet, høyst 3." in page


def test_only_upload_routes_take_a_large_body(app, client, auth):
    auth.login("patient_en")
    big = {"note": "x" * (2 * 1024 * 1024)}
    assert client.post("/injections/new", data=big).status_code == 413
    # The symptom form takes three photos of almost 10 MB each.
    near_limit = b"\xff\xd8\xff" + b"\x00" * (MAX_FILE_BYTES - 10)
    response = send(client, *[(f"{n}.jpg", near_limit, "image/jpeg") for n in range(3)])
    assert response.status_code == 422  # read and refused as a broken photo, not cut off at the door


@settings(max_examples=25, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(content=st.one_of(st.binary(max_size=2000),
                         st.binary(max_size=500).map(lambda tail: photo_files.small_jpeg() + tail),
                         st.binary(max_size=500).map(lambda head: b"\xff\xd8\xff" + head),
                         st.binary(max_size=500).map(lambda head: b"\x89PNG\r\n\x1a\n" + head),
                         st.binary(max_size=200).map(lambda tail: b"\x00\x00\x00\x18ftypheic" + tail)),
       name=st.sampled_from(["a.jpg", "../../etc/passwd", "x.heic", "", "<script>.png", "a\x00.jpg", "ø" * 300]),
       kind=st.sampled_from(["image/jpeg", "text/html", "application/zip", "", "image/png; charset=x"]))
def test_hostile_files_never_answer_500(app, db_session, content, name, kind):
    client = app.test_client()
    AuthActions(client).login("patient_en")
    response = send(client, (name, content, kind))
    assert response.status_code in (302, 413, 422), response.status_code
    for photo in photos_in_db(db_session):
        assert re.fullmatch(r"[0-9a-f]{32}\.jpg", photo.storage_key)


# ---------------------------------------------------------------- the stores
def test_the_local_store_puts_gets_and_deletes_and_refuses_other_keys(tmp_path):
    store = storage.LocalStore(tmp_path / "photos")
    key = "0123456789abcdef0123456789abcdef.jpg"
    store.put(key, b"jpeg")
    assert store.get(key) == b"jpeg" and [p.name for p in (tmp_path / "photos").iterdir()] == [key]
    store.delete(key)
    with pytest.raises(storage.PhotoMissing):
        store.get(key)
    for bad in ("../secret.jpg", "/etc/passwd", "a.jpg", key + "/x", ""):
        with pytest.raises(ValueError):
            store.put(bad, b"x")


@pytest.fixture
def s3_bucket(monkeypatch):
    moto = pytest.importorskip("moto")
    import boto3

    for name, value in {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
                        "AWS_DEFAULT_REGION": "eu-north-1"}.items():
        monkeypatch.setenv(name, value)
    with moto.mock_aws():
        client = boto3.client("s3", region_name="eu-north-1")
        client.create_bucket(Bucket="natahjem-photos", CreateBucketConfiguration={"LocationConstraint": "eu-north-1"})
        yield client


def test_the_s3_store_puts_gets_and_deletes(s3_bucket):
    store = storage.S3Store("natahjem-photos", region="eu-north-1")
    key = "0123456789abcdef0123456789abcdef-thumb.jpg"
    store.put(key, b"jpeg bytes")
    assert store.get(key) == b"jpeg bytes"
    head = s3_bucket.head_object(Bucket="natahjem-photos", Key=key)
    assert head["ContentType"] == "image/jpeg"
    store.delete(key)
    with pytest.raises(storage.PhotoMissing):
        store.get(key)


def test_with_photo_store_s3_an_upload_lands_in_the_bucket_and_is_served(app, s3_bucket, db_session):
    app.config.update(PHOTO_STORE="s3", PHOTO_S3_BUCKET="natahjem-photos", PHOTO_S3_REGION="eu-north-1")
    app.extensions.pop("photo_store", None)
    client = app.test_client()
    AuthActions(client).login("patient_en")
    assert send(client, ("a.jpg", photo_files.jpeg_with_gps(), "image/jpeg")).status_code == 302
    [photo] = photos_in_db(db_session)
    keys = sorted(o["Key"] for o in s3_bucket.list_objects_v2(Bucket="natahjem-photos")["Contents"])
    assert keys == sorted([photo.storage_key, photo.thumb_key])
    assert stored_files(app) == []
    served = client.get(f"/photos/{photo.id}")
    body = s3_bucket.get_object(Bucket="natahjem-photos", Key=photo.storage_key)["Body"].read()
    assert served.status_code == 200 and served.data == body
    assert len(Image.open(io.BytesIO(body)).getexif()) == 0


def fake_app(tmp_path, **config):
    static = tmp_path / "static"
    return SimpleNamespace(config={"APP_ENV": "production", **config}, static_folder=str(static),
                           instance_path=str(tmp_path / "instance"))


def test_production_refuses_a_photo_folder_inside_static(tmp_path):
    with pytest.raises(ConfigError, match="static"):
        storage.check_photo_settings(fake_app(tmp_path, PHOTO_FOLDER=str(tmp_path / "static" / "photos")))
    with pytest.raises(ConfigError, match="static"):
        storage.check_photo_settings(fake_app(tmp_path, PHOTO_FOLDER=str(tmp_path / "static")))
    storage.check_photo_settings(fake_app(tmp_path))  # the default, instance/photos
    storage.check_photo_settings(fake_app(tmp_path, PHOTO_FOLDER=str(tmp_path / "static-photos")))
    with pytest.raises(ConfigError, match="BUCKET"):
        storage.check_photo_settings(fake_app(tmp_path, PHOTO_STORE="s3"))
