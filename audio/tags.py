"""ID3v2.4 tags for an episode MP3, written with mutagen.

Frames: TIT2 title, TPE1 artist (the publisher), TALB album (the feed title), TDRC date, TLAN language,
USLT the spoken transcript, one CHAP per section under a single ordered top-level CTOC (Apple Podcasts and
most podcast apps show these as chapters), and APIC the cover image when one is configured.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from typing import Any, overload

import mutagen.id3

# mutagen's frame classes carry no type annotations; they are reached through this Any-typed alias.
_id3: Any = mutagen.id3

_NO_OFFSET = 0xFFFFFFFF  # CHAP byte offsets unused: chapters are located by time


@dataclass(frozen=True)
class Chapter:
    """A section of the episode, `start`/`end` in seconds."""

    title: str
    start: float
    end: float


@dataclass(frozen=True)
class EpisodeTags:
    """What goes into the tag. `date` is ISO 8601 ("2024-11-12"); `language` an ISO 639-2 code."""

    title: str
    artist: str
    album: str
    date: str
    transcript: str = ""
    chapters: tuple[Chapter, ...] = ()
    cover: bytes | None = None
    cover_mime: str = "image/jpeg"
    language: str = "deu"

    def __post_init__(self) -> None:
        previous_end = 0.0
        for chapter in self.chapters:
            if not chapter.title or chapter.end <= chapter.start or chapter.start < previous_end - 1e-6:
                raise ValueError(f"chapter out of order or empty: {chapter}")
            previous_end = chapter.end


def _frames(tags: EpisodeTags) -> Any:
    id3 = _id3.ID3()
    utf8 = _id3.Encoding.UTF8
    id3.add(_id3.TIT2(encoding=utf8, text=[tags.title]))
    id3.add(_id3.TPE1(encoding=utf8, text=[tags.artist]))
    id3.add(_id3.TALB(encoding=utf8, text=[tags.album]))
    id3.add(_id3.TDRC(encoding=utf8, text=[tags.date]))
    id3.add(_id3.TLAN(encoding=utf8, text=[tags.language]))
    if tags.transcript:
        id3.add(_id3.USLT(encoding=utf8, lang=tags.language, desc="", text=tags.transcript))
    if tags.chapters:
        ids = [f"ch{i}" for i in range(len(tags.chapters))]
        id3.add(
            _id3.CTOC(
                element_id="toc",
                flags=_id3.CTOCFlags.TOP_LEVEL | _id3.CTOCFlags.ORDERED,
                child_element_ids=ids,
                sub_frames=[_id3.TIT2(encoding=utf8, text=[tags.title])],
            )
        )
        for element_id, chapter in zip(ids, tags.chapters, strict=True):
            id3.add(
                _id3.CHAP(
                    element_id=element_id,
                    start_time=round(chapter.start * 1000),
                    end_time=round(chapter.end * 1000),
                    start_offset=_NO_OFFSET,
                    end_offset=_NO_OFFSET,
                    sub_frames=[_id3.TIT2(encoding=utf8, text=[chapter.title])],
                )
            )
    if tags.cover is not None:
        id3.add(
            _id3.APIC(
                encoding=utf8,
                mime=tags.cover_mime,
                type=_id3.PictureType.COVER_FRONT,
                desc="",
                data=tags.cover,
            )
        )
    return id3


@overload
def write_tags(target: bytes, tags: EpisodeTags) -> bytes: ...


@overload
def write_tags(target: str | os.PathLike[str], tags: EpisodeTags) -> None: ...


def write_tags(target: bytes | str | os.PathLike[str], tags: EpisodeTags) -> bytes | None:
    """Tag an MP3, replacing any ID3v2 tag it has. Given bytes, returns the tagged bytes; given a path,
    rewrites that file (mutagen moves the audio in place, so a long file is never held in memory)."""
    id3 = _frames(tags)
    if isinstance(target, bytes):
        buffer = io.BytesIO(target)
        id3.save(buffer, v2_version=4)
        return buffer.getvalue()
    id3.save(os.fspath(target), v2_version=4)
    return None
