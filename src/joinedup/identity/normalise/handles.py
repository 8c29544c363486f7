"""Online accounts: platform names folded ("Snap", "snap chat", "SC" -> "snapchat"), handles folded
(case, a leading @, dots, underscores and dashes: "@Jay_Dee.99" -> "jaydee99"), profile links read
("instagram.com/jay_dee99"), and handles that are phone numbers (WhatsApp, mostly) handed to the phone
normaliser so that they meet the same number written as a phone mention.

A handle written with a trailing "..." is a fragment: it is kept as a prefix and marked partial.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz.distance import JaroWinkler

from joinedup.identity.normalise._text import as_text, compact, strip_accents
from joinedup.identity.normalise.phones import phone_key

__all__ = ["HandleKey", "platform_key", "handle_key", "handle_similarity"]

_PLATFORM_GROUPS = (
    "snapchat snap sc snapchap snapchatt snapchatapp", "instagram insta ig instagramm instgram gram",
    "facebook fb facebookmessenger messenger fbmessenger facebok", "tiktok tt tiktock tictoc ticktock",
    "whatsapp wa whatsap watsapp whatsupp whatsup", "twitter x xtwitter twitterx", "discord",
    "roblox", "xbox xboxlive", "playstation psn ps4 ps5 playstationnetwork", "telegram tg", "kik",
    "youtube yt", "twitch", "reddit", "threads", "omegle", "wizz", "yubo", "signal", "grindr", "tinder",
    "onlyfans of", "steam", "fortnite", "minecraft", "bumble", "hinge", "badoo", "viber", "wechat",
    "imessage", "linkedin", "pinterest", "tumblr", "vsco", "houseparty", "bereal", "monkey", "hoop",
)
_PLATFORMS = {alias: group.split()[0] for group in _PLATFORM_GROUPS for alias in group.split()}
_LINKS = (
    (re.compile(r"(?:www\.)?(?:instagram\.com|instagr\.am)/([^/?#\s]+)", re.I), "instagram"),
    (re.compile(r"(?:www\.)?snapchat\.com/add/([^/?#\s]+)", re.I), "snapchat"),
    (re.compile(r"(?:www\.)?tiktok\.com/@?([^/?#\s]+)", re.I), "tiktok"),
    (re.compile(r"(?:www\.|m\.)?(?:facebook\.com|fb\.com)/([^/?#\s]+)", re.I), "facebook"),
    (re.compile(r"(?:www\.)?(?:twitter\.com|x\.com)/([^/?#\s]+)", re.I), "twitter"),
    (re.compile(r"(?:wa\.me|api\.whatsapp\.com/send\?phone=)/?(\+?\d+)", re.I), "whatsapp"),
    (re.compile(r"t\.me/([^/?#\s]+)", re.I), "telegram"),
)
_SAID = re.compile(r"^\s*([\w .]{1,25}?)\s*[:\-]\s*(.+)$")  # "snap: jaydee99", "IG - @jay"
_ON = re.compile(r"^(.+?)\s+(?:on|via|from)\s+([\w .]{1,25})$", re.I)  # "jaydee99 on snap"
_PHONE_LIKE = re.compile(r"^[+\d][\d\s().\-]{8,}$")
_TRUNCATED = re.compile(r"(?:\.\.+|…)\s*$")


class HandleKey(NamedTuple):
    platform: str  # canonical platform, "" when not said
    handle: str  # folded handle, or the E.164 number when the handle is a phone number
    key: str  # "platform:handle" (":handle" without a platform): the strict key
    loose: str  # the handle alone, for matching across platforms
    partial: bool  # written as a fragment ("jayde...")
    phone: str  # E.164 number when the handle is one, else ""


_EMPTY = HandleKey("", "", "", "", False, "")


@lru_cache(maxsize=4096)
def platform_key(platform: str) -> str:
    """"Snap", "Snapchat", "snap chat" -> "snapchat"; an unknown platform folded ("My Space" -> "myspace")."""
    key = compact(platform)
    if key.endswith("app") and key[:-3] in _PLATFORMS:
        key = key[:-3]
    return _PLATFORMS.get(key, key)


def fold_handle(handle: str) -> str:
    """Case, accents and every character but letters and digits removed (any script is kept)."""
    text = strip_accents(unicodedata.normalize("NFKC", handle).casefold()).casefold()
    return "".join(ch for ch in text if ch.isalnum())


def _split(platform: str, handle: str) -> tuple[str, str]:
    """The platform and handle when they came in one field ("snap: jay", "jay on insta", a link)."""
    for pattern, name in _LINKS:
        match = pattern.search(handle)
        if match:
            return platform or name, match.group(1)
    if not platform:
        said = _SAID.match(handle)
        if said and compact(said.group(1)) in _PLATFORMS:
            return said.group(1), said.group(2)
        on = _ON.match(handle)
        if on and compact(on.group(2)) in _PLATFORMS:
            return on.group(2), on.group(1)
    return platform, handle


@lru_cache(maxsize=16384)
def _handle_key(platform_text: str, handle_text: str) -> HandleKey:
    platform_text, handle_text = _split(platform_text, handle_text.strip())
    platform = platform_key(platform_text)
    raw = handle_text.strip().lstrip("@").strip()
    if _PHONE_LIKE.match(raw) or (platform == "whatsapp" and any(ch.isdigit() for ch in raw)):
        number = phone_key(raw)
        if number.valid:
            return HandleKey(platform, number.key, f"{platform}:{number.key}", number.key, False, number.key)
    partial = bool(_TRUNCATED.search(raw))
    handle = fold_handle(_TRUNCATED.sub("", raw))
    if not handle:
        return _EMPTY._replace(platform=platform) if platform else _EMPTY
    return HandleKey(platform, handle, f"{platform}:{handle}", handle, partial, "")


def handle_key(handle: object, platform: object = "") -> HandleKey:
    """The key of an online account. Never raises."""
    return _handle_key(as_text(platform)[:60], as_text(handle)[:200])


def handle_similarity(a: HandleKey, b: HandleKey) -> float:
    """1.0 same handle on the same (or an unsaid) platform; 0.9 same handle on different platforms (people
    reuse names); 0.8 a fragment that starts the other; Jaro-Winkler scaled below 0.8 otherwise, and 0.0
    when both handles are known and the platforms differ."""
    if not a.handle or not b.handle:
        return 0.0
    same_platform = not a.platform or not b.platform or a.platform == b.platform
    if a.handle == b.handle and not (a.partial or b.partial):
        return 1.0 if same_platform else 0.9
    if a.partial or b.partial:
        short, long = sorted((a, b), key=lambda k: (not k.partial, len(k.handle)))
        if len(short.handle) >= 3 and long.handle.startswith(short.handle):
            return 0.8 if same_platform else 0.7
        return 0.0
    if not same_platform:
        return 0.0
    return 0.8 * JaroWinkler.normalized_similarity(a.handle, b.handle)
