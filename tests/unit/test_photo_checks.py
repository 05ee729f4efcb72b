"""What `webapp.photos.prepare` accepts and refuses (issue 13): EXIF/GPS gone, orientation applied,
JPEG/PNG/HEIC only by their bytes, polyglots and decompression bombs refused, size and count limits."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from werkzeug.datastructures import FileStorage

from tests import photo_files
from webapp import photos
from webapp.photos import MAX_FILE_BYTES, MAX_PHOTOS, MAX_SIDE, THUMB_SIDE, PhotoRejected, prepare


def upload(data: bytes, filename: str = "IMG_0001.jpg", content_type: str = "image/jpeg") -> FileStorage:
    return FileStorage(stream=io.BytesIO(data), filename=filename, content_type=content_type)


def stored(data: bytes) -> Image.Image:
    [item] = prepare([upload(data)])
    image = Image.open(io.BytesIO(item.full))
    assert image.format == "JPEG"
    return image


def refused(data: bytes, **kwargs) -> PhotoRejected:
    with pytest.raises(PhotoRejected) as caught:
        prepare([upload(data, **kwargs)])
    return caught.value


def test_a_phone_jpeg_loses_its_exif_and_gps_and_is_at_most_1600_px():
    original = Image.open(io.BytesIO(photo_files.jpeg_with_gps()))
    assert original.getexif().get_ifd(photo_files.GPS_IFD)  # the test photo does carry GPS
    image = stored(photo_files.jpeg_with_gps())
    exif = image.getexif()
    assert len(exif) == 0
    assert not exif.get_ifd(photo_files.GPS_IFD)
    assert "exif" not in image.info and "icc_profile" not in image.info and "comment" not in image.info
    assert max(image.size) == MAX_SIDE
    raw = prepare([upload(photo_files.jpeg_with_gps())])[0].full
    assert b"Exif" not in raw and b"Phone 15" not in raw


def test_the_orientation_is_applied_before_the_exif_goes():
    # Orientation 6: the camera was turned a quarter; shown upright, the left (red) half is on top.
    image = stored(photo_files.jpeg_with_gps(size=(1200, 800), orientation=6)).convert("RGB")
    assert image.size == (800, 1200)
    red, blue = image.getpixel((400, 200)), image.getpixel((400, 1000))
    assert red[0] > 150 and red[2] < 100, red
    assert blue[2] > 150 and blue[0] < 100, blue


def test_a_thumbnail_is_made_too():
    [item] = prepare([upload(photo_files.jpeg_with_gps())])
    thumb = Image.open(io.BytesIO(item.thumb))
    assert max(thumb.size) == THUMB_SIDE and len(thumb.getexif()) == 0
    assert (item.width, item.height) == Image.open(io.BytesIO(item.full)).size


def test_a_png_is_accepted_and_flattened_to_jpeg():
    image = stored(photo_files.png_with_alpha())
    assert image.mode == "RGB" and image.size == (800, 600)


def test_a_heic_from_an_iphone_is_accepted():
    image = stored(photo_files.heic())
    assert image.size == (640, 480)
    green = image.getpixel((320, 240))
    assert green[1] > 150 and green[0] < 80


def test_an_icc_profile_is_converted_and_dropped():
    assert "icc_profile" in Image.open(io.BytesIO(photo_files.jpeg_with_icc())).info
    assert "icc_profile" not in stored(photo_files.jpeg_with_icc()).info


def test_the_type_comes_from_the_bytes_not_the_name_or_the_browser():
    assert stored_named(photo_files.png_with_alpha(), "notes.txt", "text/plain").size == (800, 600)


def stored_named(data, filename, content_type):
    [item] = prepare([upload(data, filename=filename, content_type=content_type)])
    return Image.open(io.BytesIO(item.full))


@pytest.mark.parametrize("data, filename, content_type", [
    (photo_files.TEXT_AS_JPEG, "photo.jpg", "image/jpeg"),
    (photo_files.HTML_AS_JPEG, "photo.jpg", "image/jpeg"),
    (photo_files.zip_bytes(), "photo.jpeg", "image/jpeg"),
    (b"GIF89a" + b"\x00" * 100, "photo.gif", "image/gif"),  # not one of the three formats
    (b"\xff\xd8\xff\xe0" + b"\x00" * 64, "broken.jpg", "image/jpeg"),  # a JPEG's first bytes, then nothing
], ids=["text-named-jpg", "html-as-image-jpeg", "zip-named-jpeg", "gif", "truncated-jpeg"])
def test_what_is_not_a_jpeg_png_or_heic_is_refused_with_422(data, filename, content_type):
    assert refused(data, filename=filename, content_type=content_type).status == 422


@pytest.mark.parametrize("data", [
    photo_files.jpeg_zip_polyglot(), photo_files.jpeg_with_html_comment(), photo_files.jpeg_then_html(),
    photo_files.jpeg_then_video(), photo_files.png_then_pdf(), photo_files.small_jpeg() + b"\x00" * 17,
], ids=["jpeg+zip", "html-in-jpeg-comment", "jpeg+html", "motion-photo", "png+pdf", "17-padding-bytes"])
def test_a_polyglot_is_refused_not_cleaned(data):
    assert Image.open(io.BytesIO(data)).size  # Pillow alone would happily decode it
    error = refused(data)
    assert error.status == 422


def test_a_multi_picture_jpeg_from_a_phone_is_accepted_as_its_first_picture():
    image = stored(photo_files.multi_picture_jpeg()).convert("RGB")
    assert image.size == (640, 480) and image.getpixel((10, 10))[0] > 150
    # ...but not with something else after the pictures
    assert refused(photo_files.multi_picture_jpeg() + b"\x01" * 40).status == 422


def test_a_jpeg_with_xmp_metadata_is_accepted_and_the_xmp_is_dropped():
    xmp = (b'<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><?xml version="1.0"?>'
           b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
           b'<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="59,54.0N"/>'
           b'</rdf:RDF></x:xmpmeta><?xpacket end="w"?>')
    out = io.BytesIO()
    Image.new("RGB", (200, 100)).save(out, "JPEG", xmp=xmp)
    assert b"GPSLatitude" in out.getvalue()
    [item] = prepare([upload(out.getvalue())])
    assert b"GPSLatitude" not in item.full and b"xmpmeta" not in item.full


def test_a_few_padding_bytes_after_the_image_are_allowed():
    assert stored(photo_files.small_jpeg() + b"\x00" * 16).size == (640, 480)
    assert stored(photo_files.jpeg_with_gps(progressive=True)).size == (1600, 1200)


@pytest.mark.parametrize("width, height", [(30_000, 30_000), (9_000, 8_000)])
def test_a_decompression_bomb_is_refused_from_its_header(width, height):
    data = photo_files.png_declaring(width, height)
    assert len(data) < 1000
    error = refused(data, filename="rash.png", content_type="image/png")
    assert error.status == 422 and "pixels" in str(error.message)


def test_more_than_three_photos_are_refused_with_422():
    files = [upload(photo_files.small_jpeg()) for _ in range(MAX_PHOTOS + 1)]
    with pytest.raises(PhotoRejected) as caught:
        prepare(files)
    assert caught.value.status == 422
    assert len(prepare(files[:MAX_PHOTOS])) == MAX_PHOTOS


def test_a_file_over_10_mb_is_refused_with_413_without_reading_it_all():
    stream = io.BytesIO(b"\xff\xd8\xff" + b"\x00" * (MAX_FILE_BYTES + 1000))
    with pytest.raises(PhotoRejected) as caught:
        prepare([FileStorage(stream=stream, filename="big.jpg", content_type="image/jpeg")])
    assert caught.value.status == 413
    assert stream.tell() == MAX_FILE_BYTES + 1


def test_empty_file_fields_are_skipped():
    assert prepare([FileStorage(stream=io.BytesIO(b""), filename="", content_type="application/octet-stream")]) == []
    assert prepare(None) == []


def test_the_thumbnail_size_for_the_page():
    class Stub:
        width, height = 1600, 1200

    assert photos.thumb_size(Stub()) == (320, 240)
