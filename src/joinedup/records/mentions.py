"""Plain-English labels for mentions (used on pages and in exports)."""

from __future__ import annotations


def mention_label(m) -> str:
    kind = m.kind
    if kind == "person":
        name = " ".join(p for p in (m.given_name, m.family_name) if p)
        if m.nickname:
            name = f"{name} (\u201c{m.nickname}\u201d)" if name else f"\u201c{m.nickname}\u201d"
        extra = f", about {m.approx_age}" if m.approx_age is not None else ""
        return (name or m.description or "unnamed person") + extra
    if kind == "vehicle":
        desc = " ".join(p for p in (m.colour, m.make, m.model) if p)
        parts = [p for p in (m.plate, desc, m.taxi_firm) if p]
        return ", ".join(parts) or "vehicle, no details"
    if kind == "phone":
        return m.number or "phone, no number"
    if kind == "place":
        parts = [p for p in (m.name, m.address, m.postcode) if p]
        return ", ".join(parts) or "place, no details"
    if kind == "online":
        return " on ".join(p for p in (m.handle, m.platform) if p) or "online account, no details"
    return kind
