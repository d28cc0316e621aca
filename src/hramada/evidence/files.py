"""What happens to an evidence file's bytes: hashed as they stream in, sniffed by content, and copied without
identifying metadata for sharing. Parsing is left to maintained libraries (filetype, Pillow, piexif, pikepdf,
zipfile + lxml); this module decides what to remove and says clearly when it cannot.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from dataclasses import dataclass, field
from typing import IO, Any

import filetype
from django.core.files.uploadhandler import FileUploadHandler
from django.utils.translation import gettext as _

CHUNK = 1024 * 1024

# Kinds we keep as evidence, by family; the family of a file's name must agree with the family of its content.
FAMILIES: dict[str, set[str]] = {
    "image": {"jpg", "png", "webp", "tif", "gif", "heic"},
    "video": {"mp4", "mov", "webm", "mkv", "avi", "3gp"},
    "audio": {"mp3", "m4a", "ogg", "wav", "flac", "amr", "opus"},
    "pdf": {"pdf"},
    "document": {"docx", "xlsx", "pptx", "odt", "ods", "odp"},
    "text": {"txt"},
}
EXTENSION_ALIASES = {"jpeg": "jpg", "tiff": "tif", "csv": "txt", "md": "txt", "m4v": "mp4", "qt": "mov"}
# Content that runs: never accepted, whatever its name says.
EXECUTABLE_KINDS = {"exe", "elf", "dex", "dey", "swf", "macho", "sh", "crx", "deb", "rpm", "msi"}
STRIPPABLE = {
    *("jpg", "png", "webp", "tif", "gif", "pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp"),
    *FAMILIES["video"],
    *FAMILIES["audio"],
}


class FileRefusedError(ValueError):
    """The file is not accepted as evidence; the message says why in the user's language."""


class StripRefusedError(ValueError):
    """No working copy could be made; the original is untouched. The message says why."""


@dataclass
class Digests:
    sha256: str
    sha512: str
    size: int


def digest_stream(stream: IO[bytes]) -> Digests:
    sha256, sha512, size = hashlib.sha256(), hashlib.sha512(), 0
    while chunk := stream.read(CHUNK):
        sha256.update(chunk)
        sha512.update(chunk)
        size += len(chunk)
    return Digests(sha256.hexdigest(), sha512.hexdigest(), size)


def digest_bytes(data: bytes) -> Digests:
    return Digests(hashlib.sha256(data).hexdigest(), hashlib.sha512(data).hexdigest(), len(data))


class HashingUploadHandler(FileUploadHandler):
    """The first upload handler: every chunk updates SHA-256 and SHA-512 as it arrives, then passes on unchanged to
    Django's own handlers. The hashes are therefore of the bytes as received, before anything else saw them."""

    def __init__(self, request: Any = None) -> None:
        super().__init__(request)
        self.digests: dict[str, Digests] = {}
        self._sha256: Any = None
        self._sha512: Any = None
        self._size = 0

    def new_file(self, *args: Any, **kwargs: Any) -> None:
        super().new_file(*args, **kwargs)
        self._sha256, self._sha512, self._size = hashlib.sha256(), hashlib.sha512(), 0

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        self._sha256.update(raw_data)
        self._sha512.update(raw_data)
        self._size += len(raw_data)
        return raw_data

    def file_complete(self, file_size: int) -> None:
        self.digests[str(self.field_name)] = Digests(
            self._sha256.hexdigest(), self._sha512.hexdigest(), self._size
        )


@dataclass(frozen=True)
class Sniffed:
    kind: str  # "jpg", "pdf", "docx", "txt", ...
    family: str
    content_type: str


def _family(kind: str) -> str | None:
    return next((family for family, kinds in FAMILIES.items() if kind in kinds), None)


def extension_of(name: str) -> str:
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    return EXTENSION_ALIASES.get(ext, ext)


def sniff(head: bytes, name: str) -> Sniffed:
    """What the content really is, from its first bytes, checked against its name. Raises FileRefusedError."""
    guess = filetype.guess(head) if head else None
    declared = extension_of(name)
    if guess is not None:
        kind = EXTENSION_ALIASES.get(guess.extension, guess.extension)
        mime = str(guess.mime)
        if kind in EXECUTABLE_KINDS:
            raise FileRefusedError(
                _("“%(name)s” is a program (%(kind)s), not evidence; it was not kept.")
                % {"name": name, "kind": kind}
            )
    elif head and b"\x00" not in head[:8192] and _is_utf8(head[:8192]):
        kind, mime = "txt", "text/plain"
    else:
        raise FileRefusedError(_("The content of “%(name)s” is of a kind we do not accept.") % {"name": name})
    family = _family(kind)
    if family is None:
        raise FileRefusedError(
            _("The content of “%(name)s” is %(kind)s, which we do not accept as evidence.")
            % {"name": name, "kind": kind}
        )
    if declared and declared != kind:
        declared_family = _family(declared)
        if declared_family != family:
            raise FileRefusedError(
                _("“%(name)s” is named as %(declared)s but its content is %(kind)s; it was not kept.")
                % {"name": name, "declared": declared, "kind": kind}
            )
    return Sniffed(kind, family, mime)


def _is_utf8(sample: bytes) -> bool:
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start >= len(sample) - 4  # a character cut at the end of the sample
    return True


# Stripping ----------------------------------------------------------------------------------------------------


@dataclass
class StrippedCopy:
    data: bytes
    removed: list[str] = field(default_factory=list)
    note: str = ""


def strip_metadata(data: bytes, kind: str) -> StrippedCopy:
    """A copy of `data` without identifying metadata. Raises StripRefusedError with a clear reason."""
    if kind == "jpg":
        return _strip_jpeg(data)
    if kind in {"png", "webp", "tif", "gif"}:
        return _strip_image_by_redrawing(data)
    if kind == "pdf":
        return _strip_pdf(data)
    if kind in {"docx", "xlsx", "pptx"}:
        return _strip_ooxml(data)
    if kind in {"odt", "ods", "odp"}:
        return _strip_odf(data)
    if kind in FAMILIES["video"] or kind in FAMILIES["audio"]:
        from hramada.evidence.media import strip_media

        return strip_media(data, kind)
    raise StripRefusedError(
        _(
            "Copies without metadata are made for photos, video, audio, PDF and office documents, not for %(kind)s."
        )
        % {"kind": kind}
    )


# EXIF tags that identify a device or its owner (tag numbers from the EXIF 2.32 standard, via piexif's names).
DEVICE_TAGS_0TH = ("Make", "Model", "Software", "Artist", "HostComputer", "Copyright", "ImageDescription")
DEVICE_TAGS_EXIF = (
    "MakerNote",
    "BodySerialNumber",
    "CameraOwnerName",
    "LensMake",
    "LensModel",
    "LensSerialNumber",
    "LensSpecification",
    "ImageUniqueID",
    "UserComment",
)


def _strip_jpeg(data: bytes) -> StrippedCopy:
    import piexif
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise StripRefusedError(
            _("The image cannot be read (%(reason)s); only the original is kept.") % {"reason": exc}
        ) from None
    removed: list[str] = []
    note = ""
    try:
        exif = piexif.load(data)
        if exif.get("GPS"):
            removed.append("GPS")
        exif["GPS"] = {}
        for ifd, names in (("0th", DEVICE_TAGS_0TH), ("Exif", DEVICE_TAGS_EXIF)):
            for tag_name in names:
                tag = next((t for t, info in piexif.TAGS[ifd].items() if info["name"] == tag_name), None)
                if tag is not None and tag in exif.get(ifd, {}):
                    del exif[ifd][tag]
                    removed.append(tag_name)
        exif["0th"].pop(piexif.ImageIFD.GPSTag, None)
        if exif.get("thumbnail"):
            removed.append("thumbnail")  # a thumbnail can show what cropping removed
        exif["thumbnail"] = None
        exif["1st"] = {}
        out = io.BytesIO()
        piexif.insert(piexif.dump(exif), data, out)
        cleaned = out.getvalue()
    except Exception:
        out = io.BytesIO()
        try:
            piexif.remove(data, out)
            cleaned = out.getvalue()
        except Exception:
            cleaned = _redraw(data, "JPEG")
        removed = ["EXIF (malformed: all of it)"]
        note = _("The photo's metadata was malformed, so all of it was removed.")
    with Image.open(io.BytesIO(cleaned)) as image:
        extra = [key for key in ("xmp", "photoshop", "comment") if image.info.get(key)]
        if extra or "XML:com.adobe.xmp" in image.info:
            # XMP and IPTC blocks can hold GPS and owner data too: re-save keeping the original quantisation.
            exif_bytes = image.info.get("exif", b"")
            buffer = io.BytesIO()
            image.save(buffer, format="JPEG", quality="keep", exif=exif_bytes)
            cleaned = buffer.getvalue()
            removed.extend(extra or ["XMP"])
    return StrippedCopy(cleaned, removed, note)


def _redraw(data: bytes, image_format: str) -> bytes:
    from PIL import Image

    with Image.open(io.BytesIO(data)) as image:
        image.load()
        fresh = Image.frombytes(image.mode, image.size, image.tobytes())
        if image.mode == "P" and image.getpalette():
            fresh.putpalette(image.getpalette() or [])
        buffer = io.BytesIO()
        fresh.save(buffer, format=image_format)
    return buffer.getvalue()


def _strip_image_by_redrawing(data: bytes) -> StrippedCopy:
    """PNG, WebP, TIFF, GIF: a new image from the pixels alone, so no chunk or tag of the original survives."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            image_format = str(image.format)
            present = sorted(str(key) for key in image.info if key not in {"dpi", "transparency", "duration"})
            frames = getattr(image, "n_frames", 1)
        cleaned = _redraw(data, image_format)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise StripRefusedError(
            _("The image cannot be read (%(reason)s); only the original is kept.") % {"reason": exc}
        ) from None
    note = _("Only the first frame was kept.") if frames > 1 else ""
    return StrippedCopy(cleaned, present or ["(none found)"], note)


def _strip_pdf(data: bytes) -> StrippedCopy:
    import pikepdf

    try:
        pdf = pikepdf.open(io.BytesIO(data))
    except pikepdf.PasswordError:
        raise StripRefusedError(
            _("The PDF is encrypted; a copy without metadata needs its password. Only the original is kept.")
        ) from None
    except pikepdf.PdfError as exc:
        raise StripRefusedError(
            _("The PDF is broken (%(reason)s); only the original is kept.") % {"reason": str(exc)[:200]}
        ) from None
    removed: list[str] = []
    with pdf:
        if "/Info" in pdf.trailer:
            removed.extend(str(key).lstrip("/") for key in pdf.docinfo.keys())
            del pdf.trailer["/Info"]
        if "/Metadata" in pdf.Root:
            del pdf.Root["/Metadata"]
            removed.append("XMP")
        if "/PieceInfo" in pdf.Root:
            del pdf.Root["/PieceInfo"]
            removed.append("PieceInfo")
        for page in pdf.pages:
            for key in ("/Metadata", "/PieceInfo"):
                if key in page.obj:
                    del page.obj[key]
                    removed.append(f"page {key.lstrip('/')}")
        out = io.BytesIO()
        try:
            pdf.save(out, fix_metadata_version=False, deterministic_id=True)
        except pikepdf.PdfError as exc:
            raise StripRefusedError(
                _("The PDF is broken (%(reason)s); only the original is kept.") % {"reason": str(exc)[:200]}
            ) from None
    return StrippedCopy(out.getvalue(), removed or ["(none found)"])


EMPTY_CORE = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties '
    b'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    b'xmlns:dc="http://purl.org/dc/elements/1.1/"/>'
)
EMPTY_APP = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties '
    b'xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"/>'
)
EMPTY_CUSTOM = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties '
    b'xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"/>'
)
EMPTY_ODF_META = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-meta '
    b'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.2"><office:meta/>'
    b"</office:document-meta>"
)
WORD_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
AUTHOR_ATTRIBUTES = (f"{{{WORD_NS}}}author", f"{{{WORD_NS}}}initials")


def _anonymise_word_part(content: bytes) -> tuple[bytes, int]:
    """Tracked changes and comments name their authors; blank those names."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    root = etree.fromstring(content, parser)
    changed = 0
    for element in root.iter():
        for attribute in AUTHOR_ATTRIBUTES:
            if element.get(attribute):
                element.set(attribute, "")
                changed += 1
    if not changed:
        return content, 0
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True), changed


def _rewrite_zip(data: bytes, replacements: dict[str, bytes], *, word: bool = False) -> StrippedCopy:
    removed: list[str] = []
    out = io.BytesIO()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
            for info in source.infolist():
                content = source.read(info.filename)
                if info.filename in replacements:
                    content = replacements[info.filename]
                    removed.append(info.filename)
                elif word and info.filename.startswith("word/") and info.filename.endswith(".xml"):
                    content, changed = _anonymise_word_part(content)
                    if changed:
                        removed.append(f"{info.filename}: {changed} author names")
                target.writestr(info, content, compress_type=info.compress_type)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError) as exc:
        raise StripRefusedError(
            _("The document is broken (%(reason)s); only the original is kept.") % {"reason": exc}
        ) from None
    except Exception as exc:  # lxml's XMLSyntaxError and friends
        raise StripRefusedError(
            _("The document is broken (%(reason)s); only the original is kept.") % {"reason": str(exc)[:200]}
        ) from None
    return StrippedCopy(out.getvalue(), removed or ["(none found)"])


def _strip_ooxml(data: bytes) -> StrippedCopy:
    return _rewrite_zip(
        data,
        {"docProps/core.xml": EMPTY_CORE, "docProps/app.xml": EMPTY_APP, "docProps/custom.xml": EMPTY_CUSTOM},
        word=True,
    )


def _strip_odf(data: bytes) -> StrippedCopy:
    return _rewrite_zip(data, {"meta.xml": EMPTY_ODF_META})
