"""Content sniffing and working copies without metadata: what a court needs kept, what a partner must not see."""

from __future__ import annotations

import io
import zipfile

import piexif
import pikepdf
import pytest
from PIL import Image

from hramada.evidence import files
from tests.evidence import factories

ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 200
WINDOWS_PROGRAM = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 300


def test_a_photo_that_is_a_windows_program_is_refused() -> None:
    with pytest.raises(files.FileRefusedError, match="program"):
        files.sniff(WINDOWS_PROGRAM, "holiday.jpg")


def test_an_executable_is_refused_whatever_its_name() -> None:
    with pytest.raises(files.FileRefusedError, match="program"):
        files.sniff(ELF, "notes.txt")


def test_a_pdf_named_as_a_photo_is_refused_naming_both_kinds() -> None:
    with pytest.raises(files.FileRefusedError, match=r"jpg.*pdf"):
        files.sniff(factories.pdf(), "photo.jpg")


def test_a_photo_is_recognised_from_its_content() -> None:
    assert files.sniff(factories.photo(), "IMG_0001.JPEG").kind == "jpg"
    assert files.sniff(factories.photo(), "no-extension").family == "image"


def test_the_stripped_photo_has_no_gps_or_device_fields() -> None:
    original = factories.photo()
    assert piexif.load(original)["GPS"], "the test photo must carry GPS to prove anything"
    copy = files.strip_metadata(original, "jpg")
    exif = piexif.load(copy.data)
    assert exif["GPS"] == {}
    assert piexif.ImageIFD.GPSTag not in exif["0th"]
    for tag in (piexif.ImageIFD.Make, piexif.ImageIFD.Model, piexif.ImageIFD.Software):
        assert tag not in exif["0th"]
    assert piexif.ExifIFD.BodySerialNumber not in exif["Exif"]
    with Image.open(io.BytesIO(copy.data)) as image:
        assert image.size == (64, 48)
        assert 0x8825 not in image.getexif()  # GPS IFD pointer
    assert {"GPS", "Make", "Model", "BodySerialNumber"} <= set(copy.removed)


def test_a_photo_with_malformed_exif_loses_all_its_metadata_and_says_so() -> None:
    original = factories.photo()
    start = original.index(b"Exif\x00\x00") + 6
    # The first IFD's offset now points far beyond the block: piexif cannot parse it.
    broken = original[: start + 4] + b"\xff\xff\xff\x7f" + original[start + 8 :]
    copy = files.strip_metadata(broken, "jpg")
    assert b"DemoPhone" not in copy.data and b"SN-0042" not in copy.data
    assert "malformed" in copy.note


def test_an_unreadable_image_gets_a_clear_answer() -> None:
    with pytest.raises(files.StripRefusedError, match="cannot be read"):
        files.strip_metadata(b"\xff\xd8\xff\xe0garbage", "jpg")


def test_png_text_chunks_are_not_copied() -> None:
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Secret Person")
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8)).save(buffer, format="PNG", pnginfo=info)
    copy = files.strip_metadata(buffer.getvalue(), "png")
    assert b"Secret Person" not in copy.data
    assert "Author" in copy.removed


def test_pdf_author_and_xmp_are_removed() -> None:
    original = factories.pdf()
    assert b"Demo Lawyer" in original
    copy = files.strip_metadata(original, "pdf")
    with pikepdf.open(io.BytesIO(copy.data)) as pdf:
        assert "/Author" not in pdf.docinfo
        assert "/Metadata" not in pdf.Root
    assert "Author" in copy.removed


def test_an_encrypted_pdf_is_refused_with_a_clear_reason() -> None:
    with pytest.raises(files.StripRefusedError, match="encrypted"):
        files.strip_metadata(factories.encrypted_pdf(), "pdf")


def test_a_broken_pdf_is_refused_with_a_clear_reason() -> None:
    with pytest.raises(files.StripRefusedError, match="broken"):
        files.strip_metadata(b"%PDF-1.7\n" + b"\x00garbage" * 10, "pdf")


def _docx(core: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        archive.writestr("docProps/core.xml", core)
        archive.writestr(
            "word/document.xml",
            b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            b'<w:ins w:author="Hidden Editor" w:id="1"/></w:document>',
        )
    return out.getvalue()


def test_office_document_author_and_revision_are_removed() -> None:
    core = b'<cp:coreProperties xmlns:cp="x"><dc:creator xmlns:dc="y">Named Author</dc:creator><cp:revision>7</cp:revision></cp:coreProperties>'
    copy = files.strip_metadata(_docx(core), "docx")
    assert b"Named Author" not in copy.data
    with zipfile.ZipFile(io.BytesIO(copy.data)) as archive:
        assert b"revision" not in archive.read("docProps/core.xml")
        assert b"Hidden Editor" not in archive.read("word/document.xml")


def test_a_kind_without_metadata_handling_gets_an_honest_refusal_not_a_silent_copy() -> None:
    with pytest.raises(files.StripRefusedError, match="not for txt"):
        files.strip_metadata(b"notes", "txt")
