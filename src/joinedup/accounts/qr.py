"""The QR code for setting up an authenticator app: an SVG made here, never by a third-party host."""

from __future__ import annotations

import io

import qrcode
import qrcode.image.svg


def svg(text: str) -> str:
    """An inline <svg> of a QR code for `text` (no XML declaration; no style attributes)."""
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=10, border=4)
    buffer = io.BytesIO()
    image.save(buffer)
    markup = buffer.getvalue().decode()
    if markup.startswith("<?xml"):
        markup = markup[markup.index("?>") + 2:].lstrip()
    return markup.replace("<svg ", '<svg role="img" aria-label="QR code for your authenticator app" '
                          'class="joinedup-qr" ', 1)
