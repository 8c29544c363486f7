"""The ground truth of a generated town, as one JSON document that never enters the database.

Keys of `children`, `mentions` and `language` are "<agency name>|<source_ref>" (a corrected record has
the same key as the original: the truth does not change between versions).

- `children[key]`: the true child id ("T-C-00012") for each entry of the record's `children[]`, in order.
- `mentions[key]`: the true entity id for each entry of `mentions[]`, in order: "T-E-..." for adults,
  vehicles, phones, places and accounts, the child's id for a child named as a peer, null for someone
  nobody could identify ("older lads, not known").
- `entities[id]`: kind, a label, and `network` (the hidden network it belongs to, or null: benign).
- `child_register[id]`: the child's true details (children who appear in some record, described or
  named as a friend).
- `networks[]`: kind, victims, entities, the concerns about the victims (keys, in received order), the
  agencies involved, and `first_alert_possible_at`: when, under perfect linkage of identifying mentions,
  one entity first linked 2 and 3 of the victims.
- `language[key]`: the victim-blaming phrases in that record's summary (written in on purpose, as real
  records contain them).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from sim.timeutil import local_iso
from sim.world import Child, Entity


def entity_label(e: Entity) -> str:
    a = e.attrs
    if e.kind == "person":
        name = f"{a['given_name']} {a['family_name']}"
        if a.get("nickname"):
            name += f" ({a['nickname']})"
        if a.get("role_title"):
            name += f", {a['role_title']}"
        return name
    if e.kind == "vehicle":
        parts = [a["plate"], a["colour"], a["make"], a["model"], a["taxi_firm"]]
        return " ".join(p for p in parts if p)
    if e.kind == "phone":
        return a["number"]
    if e.kind == "place":
        return ", ".join(p for p in (a["name"], a["address"], a["street"] if not a["address"] else "", a["postcode"]) if p)
    return f"{a['handle']} on {', '.join(a['platforms'])}"


def _child_entry(c: Child) -> dict[str, Any]:
    return {
        "given_name": c.given, "middle_name": c.middle or None, "family_name": c.family_name, "dob": c.dob.isoformat(),
        "sex": c.sex, "ethnicity": c.ethnicity, "family": c.family.fid, "nhs_number": c.nhs_number, "upn": c.upn,
        "la_id": c.la_id, "twin": c.twin.cid if c.twin else None, "network": c.network,
    }


def _first_links(net, keyed: list[tuple[dt.datetime, str, Any, Any]]) -> dict[str, str | None]:
    linked: dict[str, set[str]] = {}
    first: dict[str, str | None] = {"2": None, "3": None}
    for received, _, draft, ctx in keyed:
        for eid, identifying in zip(ctx.truth, ctx.identifying, strict=True):
            if not identifying or eid is None or eid.startswith("T-C-"):
                continue
            victims = linked.setdefault(eid, set())
            victims.update(c.cid for c in draft.children if c.network == net.nid)
            for n in ("2", "3"):
                if first[n] is None and len(victims) >= int(n):
                    first[n] = local_iso(received)
    return first


def build_truth(*, seed, concerns, years, start, end, town, drafts, contexts, networks, records, lines, duplicates) -> dict:
    children: dict[str, list[str]] = {}
    mentions: dict[str, list[str | None]] = {}
    language: dict[str, list[str]] = {}
    by_network: dict[str, list] = {}
    described: dict[str, Child] = {}
    registered: dict[str, Child] = {}  # described, or named by another child as a friend
    for draft, ctx in zip(drafts, contexts, strict=True):
        key = f"{draft.agency.name}|{draft.source_ref}"
        children[key] = [c.cid for c in draft.children]
        for c in draft.children:
            described[c.cid] = c
        for peer in ctx.peers:
            registered[peer.cid] = peer
        mentions[key] = list(ctx.truth)
        phrases = ctx.victim_blaming()
        if phrases:
            language[key] = phrases
        if draft.network is not None:
            by_network.setdefault(draft.network.nid, []).append((draft.received, key, draft, ctx))
    registered.update(described)
    nets = []
    for net in networks:
        keyed = sorted(by_network.get(net.nid, []), key=lambda k: (k[0], k[1]))
        nets.append({
            "id": net.nid, "kind": net.kind, "start": net.start.isoformat(), "end": net.end.isoformat(),
            "school": net.school,
            "victims": [c.cid for c in net.victims],
            "entities": [e.eid for e in net.entities if e.eid is not None],
            "concerns": [k[1] for k in keyed],
            "agencies": sorted({k[2].agency.name for k in keyed}),
            "first_alert_possible_at": _first_links(net, keyed),
        })
    entities = {
        e.eid: {"kind": e.kind, "label": entity_label(e), "network": e.network}
        for e in town.registry.entities
    }
    n_mentions = sum(len(m) for m in mentions.values())
    summary = {
        "town": "Northtown",
        "concerns": len(records),
        "lines": len(lines),
        "corrections": len(lines) - len(records),
        "families": len(town.families),
        "children_in_population": len(town.children),
        "children_described": len(described),
        "descriptions": sum(len(v) for v in children.values()),
        "mentions": n_mentions,
        "mentions_with_entity": sum(1 for m in mentions.values() for e in m if e is not None),
        "entities": len(entities),
        "per_agency": dict(sorted(Counter(r["agency"]["name"] for r in records).items())),
        "networks": len(nets),
        "network_kinds": dict(sorted(Counter(n["kind"] for n in nets).items())),
        "network_victims": sum(len(n["victims"]) for n in nets),
        "network_concerns": sum(len(n["concerns"]) for n in nets),
        "duplicate_refs": duplicates,
        "twins_described": sum(1 for c in described.values() if c.twin is not None),
        "records_with_victim_blaming_language": len(language),
    }
    return {
        "schema": "joinedup.sim.truth/1",
        "seed": seed, "concerns": concerns, "years": years, "start": start.isoformat(), "end": end.isoformat(),
        "summary": summary,
        "children": children,
        "mentions": mentions,
        "networks": nets,
        "entities": entities,
        "child_register": {cid: _child_entry(registered[cid]) for cid in sorted(registered)},
        "language": language,
    }
