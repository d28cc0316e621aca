"""Working copies of video and audio without identifying metadata.

A phone's video carries where and when it was shot (QuickTime `©xyz`, Apple's `com.apple.quicktime.location.ISO6709`,
3GPP `loci`), the device (make, model, software) and sometimes a timed GPS track as a data stream; audio files carry
tags (artist, comment, recording place, cover pictures). Two maintained libraries do the parsing:

- PyAV (FFmpeg's libraries inside the wheel, no `ffmpeg` program needed) copies the video and audio streams packet
  by packet into a new container of the same kind, without re-encoding, and without the container's and streams'
  metadata, chapters, data, subtitle and attachment streams; `+bitexact` keeps the muxer from naming itself.
- mutagen removes the tags of MP3 (ID3v1, ID3v2, APEv2), Ogg (Vorbis, Opus) and FLAC (Vorbis comments and
  pictures) in place, so the audio frames stay byte for byte as recorded.
"""

from __future__ import annotations

import io
from typing import Any

from django.utils.translation import gettext as _

from hramada.evidence.files import StrippedCopy, StripRefusedError

# Container kind (as sniffed) -> FFmpeg muxer that writes the same kind.
REMUX_FORMATS = {
    "mp4": "mp4",
    "mov": "mov",
    "3gp": "3gp",
    "webm": "webm",
    "mkv": "matroska",
    "avi": "avi",
    "m4a": "ipod",
    "wav": "wav",
    "amr": "amr",
}
TAGGED_AUDIO = {"mp3", "ogg", "opus", "flac"}
MEDIA_KINDS = set(REMUX_FORMATS) | TAGGED_AUDIO
# Keys every muxer writes again on its own; they say nothing about the person or device.
STRUCTURAL_KEYS = {"major_brand", "minor_version", "compatible_brands", "language", "vendor_id"}


def strip_media(data: bytes, kind: str) -> StrippedCopy:
    """A copy of a video or audio file without identifying metadata. Raises StripRefusedError with a reason."""
    if kind in TAGGED_AUDIO:
        return _strip_audio_tags(data, kind)
    if kind in REMUX_FORMATS:
        return _remux_without_metadata(data, kind)
    raise StripRefusedError(_("Copies without metadata are not made for %(kind)s.") % {"kind": kind})


def _refused(exc: Exception) -> StripRefusedError:
    return StripRefusedError(
        _("The recording cannot be read (%(reason)s); only the original is kept.")
        % {"reason": str(exc)[:200]}
    )


def _remux_without_metadata(data: bytes, kind: str) -> StrippedCopy:
    try:
        import av
    except ImportError:  # a declared dependency; only a broken installation lacks it
        raise StripRefusedError(_("Copies of video need the PyAV package, which is not installed.")) from None

    removed: list[str] = []
    out = io.BytesIO()
    try:
        with av.open(io.BytesIO(data), "r") as source:
            removed.extend(sorted(key for key in source.metadata if key not in STRUCTURAL_KEYS))
            with av.open(
                out, "w", format=REMUX_FORMATS[kind], container_options={"fflags": "+bitexact"}
            ) as target:
                streams: dict[int, Any] = {}
                for stream in source.streams:
                    if stream.type in ("video", "audio"):
                        streams[stream.index] = target.add_stream_from_template(stream)
                        removed.extend(
                            f"{stream.type} stream {stream.index}: {key}"
                            for key in sorted(stream.metadata)
                            if key not in STRUCTURAL_KEYS
                        )
                    else:  # a timed GPS track, subtitles, an attachment: not copied
                        removed.append(f"{stream.type} stream {stream.index}")
                if not streams:
                    raise StripRefusedError(
                        _("The file holds no video or audio to copy; only the original is kept.")
                    )
                kept = [stream for stream in source.streams if stream.index in streams]
                for packet in source.demux(*kept):
                    if packet.dts is None:  # the demuxer's end-of-stream marker
                        continue
                    packet.stream = streams[packet.stream.index]
                    target.mux(packet)
    except StripRefusedError:
        raise
    except (av.FFmpegError, ValueError, OSError) as exc:
        raise _refused(exc) from None
    return StrippedCopy(out.getvalue(), removed or ["(none found)"])


def _strip_audio_tags(data: bytes, kind: str) -> StrippedCopy:
    try:
        import mutagen
        from mutagen import apev2
    except ImportError:
        raise StripRefusedError(
            _("Copies of audio need the mutagen package, which is not installed.")
        ) from None

    buffer = io.BytesIO(data)
    try:
        audio = mutagen.File(buffer)
        if audio is None:
            raise StripRefusedError(_("The recording's kind is not recognised; only the original is kept."))
        removed = sorted({str(key).split(":")[0] for key in (audio.tags.keys() if audio.tags else [])})
        pictures = getattr(audio, "pictures", [])
        if pictures:
            removed.append(f"{len(pictures)} pictures")
            audio.clear_pictures()
            buffer.seek(0)
            audio.save(buffer)
        buffer.seek(0)
        audio.delete(buffer)
        if kind == "mp3":
            buffer.seek(0)
            try:
                apev2.APEv2(buffer)  # type: ignore[no-untyped-call]
            except apev2.APENoHeaderError:
                pass
            else:
                removed.append("APEv2")
                buffer.seek(0)
                apev2.delete(buffer)
    except StripRefusedError:
        raise
    except (mutagen.MutagenError, ValueError, OSError) as exc:
        raise _refused(exc) from None
    return StrippedCopy(buffer.getvalue(), removed or ["(none found)"])
