"""Working copies of video and audio without the place, author, device and time a recording carries; the
streams themselves are copied, not re-encoded. Each test first shows that the unstripped file does carry them."""

from __future__ import annotations

import io
from typing import Any

import pytest

from hramada.evidence import files, services
from hramada.evidence.models import FileRole
from tests.evidence import factories, media_samples

av = pytest.importorskip("av")
mutagen = pytest.importorskip("mutagen")
from mutagen.mp3 import MP3  # noqa: E402

pytestmark = pytest.mark.django_db


def _packets(data: bytes) -> dict[str, list[bytes]]:
    """The encoded packets of each kind of stream, in order: the copy must hold the same pictures and sound."""
    found: dict[str, list[bytes]] = {}
    with av.open(io.BytesIO(data)) as source:
        for packet in source.demux():
            if packet.size:
                found.setdefault(packet.stream.type, []).append(bytes(packet))
    return found


@pytest.mark.parametrize(
    ("kind", "make"),
    [
        ("mp4", lambda: media_samples.video("mp4")),
        (
            "mov",
            lambda: media_samples.video(
                "mov",
                extra={"com.apple.quicktime.location.ISO6709": media_samples.PLACE},
                movflags="use_metadata_tags",
            ),
        ),
        ("3gp", lambda: media_samples.video("3gp", codec="mpeg4", audio_codec="aac")),
        ("mkv", lambda: media_samples.video("matroska")),
        ("webm", lambda: media_samples.video("webm", codec="libvpx", audio_codec="libopus")),
        ("avi", lambda: media_samples.video("avi", audio_codec="libmp3lame")),
        ("m4a", lambda: media_samples.audio("ipod", "aac")),
        ("wav", lambda: media_samples.audio("wav", "pcm_s16le")),
        ("ogg", lambda: media_samples.audio("ogg", "libvorbis")),
        ("flac", lambda: media_samples.audio("flac", "flac")),
    ],
)
def test_a_recording_loses_place_author_device_and_time_and_keeps_its_streams(kind: str, make: Any) -> None:
    original = make()
    carried = media_samples.identifying_values(original)
    assert media_samples.AUTHOR in carried
    if kind not in {"avi", "wav"}:  # their INFO chunks have no place or device field
        assert media_samples.PLACE in carried and "2024-03-02" in carried
    copy = files.strip_metadata(original, kind)
    assert media_samples.identifying_values(copy.data) == []
    assert copy.removed and copy.removed != ["(none found)"]
    assert _packets(copy.data) == _packets(original)
    assert (
        files.sniff(copy.data[:8192], f"copy.{kind}").kind == files.sniff(original[:8192], f"x.{kind}").kind
    )


def test_an_mp3_loses_its_id3_tags_and_cover_picture_and_keeps_every_audio_byte() -> None:
    original = media_samples.tagged_mp3()
    assert media_samples.AUTHOR.encode() in original and b"\x89PNG-not-really" in original
    copy = files.strip_metadata(original, "mp3")
    assert media_samples.identifying_values(copy.data) == []
    assert b"\x89PNG-not-really" not in copy.data
    assert MP3(io.BytesIO(copy.data)).tags is None
    assert {"TPE1", "COMM", "TXXX", "APIC"} <= set(copy.removed)
    assert original.endswith(copy.data)  # only the tag in front went; the audio frames are untouched


@pytest.mark.parametrize("kind", ["mp4", "mp3", "wav", "mkv"])
def test_a_broken_recording_gets_a_clear_refusal(kind: str) -> None:
    broken = media_samples.video("mp4")[:200] if kind != "mp3" else b"ID3\x04\x00\x00\x00\x00\x00\x10garbage"
    with pytest.raises(files.StripRefusedError, match=r"cannot be read|not recognised|no video or audio"):
        files.strip_metadata(broken, kind)


def test_a_documenter_shares_a_stripped_copy_of_a_video_derived_from_the_untouched_original(
    cast: Any,
) -> None:
    data = media_samples.video("mp4")
    item = factories.upload(cast.group, cast.recorder, data, name="protest.mp4")
    original = item.original
    assert original.kind == "mp4"
    copy = services.make_stripped_copy(original, by=cast.recorder, purpose="share with journalists")
    assert copy.role == FileRole.STRIPPED and copy.derived_from == original
    stored = services.read_file(copy, by=cast.recorder, purpose="check")
    assert media_samples.identifying_values(stored) == []
    assert files.digest_bytes(stored).sha256 == copy.sha256
    assert services.read_file(original, by=cast.recorder, purpose="check") == data
    assert item.custody.filter(action="copied").exists()
