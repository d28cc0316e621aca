"""Small recordings made in the test, carrying what a phone or a recorder writes about where, when and who:
a place (ISO 6709), an author, a device, a creation time. Made with PyAV (FFmpeg's libraries in the wheel)."""

from __future__ import annotations

import io
from typing import Any

PLACE = "+53.9045+027.5615/"  # Minsk, ISO 6709 as phones write it
AUTHOR = "Ivan Secretauthor"
DEVICE = "Apple iPhone 15 Pro"
IDENTIFYING = {
    "location": PLACE,
    "artist": AUTHOR,
    "author": AUTHOR,
    "comment": f"recorded by {AUTHOR}",
    "make": "Apple",
    "model": DEVICE,
    "creation_time": "2024-03-02T10:15:00Z",
}


def video(
    container: str = "mp4",
    codec: str = "mpeg4",
    audio_codec: str | None = "aac",
    extra: dict[str, str] | None = None,
    **options: Any,
) -> bytes:
    """Ten frames of 32x32 video (and a little silence) in `container`, with identifying container and stream
    metadata (and `extra` keys, such as Apple's own location key in a QuickTime file)."""
    import av

    out = io.BytesIO()
    with av.open(out, "w", format=container, options=options) as target:
        for key, value in {**IDENTIFYING, **(extra or {})}.items():
            target.metadata[key] = value
        picture = target.add_stream(codec, rate=10)
        picture.width, picture.height, picture.pix_fmt = 32, 32, "yuv420p"
        picture.metadata["handler_name"] = DEVICE
        sound = target.add_stream(audio_codec, rate=8000) if audio_codec else None
        for index in range(10):
            frame = av.VideoFrame(32, 32, "yuv420p")
            for plane in frame.planes:
                plane.update(bytes([index * 20]) * plane.buffer_size)
            frame.pts = index
            for packet in picture.encode(frame):
                target.mux(packet)
        for packet in picture.encode():
            target.mux(packet)
        if sound is not None:
            _silence(target, sound)
    return out.getvalue()


def audio(container: str, codec: str) -> bytes:
    """Half a second of silence in `container` with identifying metadata."""
    import av

    out = io.BytesIO()
    with av.open(out, "w", format=container) as target:
        for key, value in IDENTIFYING.items():
            target.metadata[key] = value
        _silence(target, target.add_stream(codec, rate=8000 if codec != "libopus" else 48000))
    return out.getvalue()


def _silence(target: Any, stream: Any) -> None:
    import av

    context = stream.codec_context
    samples = context.frame_size or 1024
    for index in range(4):
        frame = av.AudioFrame(format=context.format.name, layout=context.layout.name, samples=samples)
        for plane in frame.planes:
            plane.update(bytes(plane.buffer_size))
        frame.sample_rate = context.sample_rate
        frame.pts = index * samples
        for packet in stream.encode(frame):
            target.mux(packet)
    for packet in stream.encode():
        target.mux(packet)


def tagged_mp3() -> bytes:
    """An MP3 with the ID3 tags a recorder or editor writes: artist, comment, a place, a cover picture."""
    from mutagen.id3 import APIC, COMM, ID3, TPE1, TXXX

    buffer = io.BytesIO(audio("mp3", "libmp3lame"))
    tags = ID3()
    tags.add(TPE1(encoding=3, text=[AUTHOR]))
    tags.add(COMM(encoding=3, lang="eng", desc="", text=[f"recorded by {AUTHOR}"]))
    tags.add(TXXX(encoding=3, desc="location", text=[PLACE]))
    tags.add(APIC(encoding=3, mime="image/png", type=3, desc="", data=b"\x89PNG-not-really"))
    tags.save(buffer)
    return buffer.getvalue()


def metadata_of(data: bytes) -> dict[str, str]:
    """Every metadata value FFmpeg reads from a recording: the container's and every stream's."""
    import av

    with av.open(io.BytesIO(data)) as source:
        found = dict(source.metadata)
        for stream in source.streams:
            found.update({f"{stream.index}:{key}": value for key, value in stream.metadata.items()})
    return found


def identifying_values(data: bytes) -> list[str]:
    """Which identifying values a recording still carries, read as metadata and as raw bytes."""
    seen = " ".join(metadata_of(data).values())
    return [
        value for value in (PLACE, AUTHOR, DEVICE, "2024-03-02") if value in seen or value.encode() in data
    ]
