"""Generate a synthetic town's concern history and its hidden ground truth.

    python -m sim.town --seed 7 --concerns 5000 --years 4 --out DIR

writes DIR/town.jsonl (joinedup.concern/1 records, in received_at order except that Northtown Health's
batches arrive a little out of order) and DIR/truth.json (kept out of the database). The Python API is
`generate(seed, concerns, years, start)` -> (records, truth) and `write(out_dir, records, truth)`.

Everything is deterministic for a seed: each part of the simulation draws from its own random stream.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sim import background, network_texts
from sim.agencies import Describer, make_agencies
from sim.content import Ctx, Draft
from sim.networks import Planner, count_for
from sim.schedule import AgencyPicker, SourceRefs, background_drafts, set_times
from sim.timeutil import local_date, local_iso
from sim.truth import build_truth
from sim.world import Town

DEFAULT_START = dt.date(2021, 1, 4)
_SCENARIOS = {s.key: s for s in (*background.SCENARIOS, background.TRANSPORT)}
_UPDATES = (
    "Update: spoke to the child's mother, who confirmed the account.", "Update: time of the incident corrected.",
    "Update: the child has since been seen and is safe.", "Update: details added from the reporter's follow-up call.",
    "Correction: the previous version named the wrong school.", "Update: referral to Early Help made.",
)


def generate(seed: int, concerns: int, years: int, start: dt.date = DEFAULT_START,
             log: Callable[[str], None] | None = None) -> tuple[list[dict], dict]:
    """Records (interchange dicts, in file order) and the truth for a town with `concerns` concerns over
    `years` years from `start`. Re-sent corrections are extra records beyond `concerns`. `log`, if
    given, is called with a line of progress after each phase."""
    if concerns < 1 or years < 1:
        raise ValueError("concerns and years must be at least 1")
    began = time.perf_counter()

    def progress(text: str) -> None:
        if log:
            log(f"  [{time.perf_counter() - began:5.1f} s] {text}")

    def stream(name: str) -> random.Random:
        return random.Random(f"northtown:{seed}:{name}")

    end = start + dt.timedelta(days=365 * years)
    town = Town(stream("town"), max(30, concerns // 3), start, end)
    progress(f"population: {len(town.children):,} children in {len(town.families):,} families")
    agencies = make_agencies()
    pick = AgencyPicker(agencies)
    networks = Planner(stream("networks"), town, agencies, pick).plan(count_for(concerns))
    while networks and sum(len(net.drafts) for net in networks) > concerns // 2:  # a tiny town: fewer networks
        networks.pop()
    drafts = [d for net in networks for d in net.drafts]
    drafts += background_drafts(stream("background"), town, pick, concerns - len(drafts))
    timing = stream("time")
    for draft in drafts:
        set_times(timing, draft)
    drafts.sort(key=lambda d: d.received)
    refs = SourceRefs(stream("refs"))
    for draft in drafts:
        draft.source_ref = refs.issue(draft.agency, draft.received)
    progress(f"planned {len(drafts):,} concerns, {sum(len(n.drafts) for n in networks):,} of them about "
             f"{len(networks)} hidden networks")

    describer = Describer(stream("describe"), town)
    writing = stream("writing")
    written = [_write(writing, town, describer, draft) for draft in drafts]
    records = [w[0] for w in written]
    contexts = [w[1] for w in written]
    progress(f"wrote {len(records):,} concerns")
    corrections = _corrections(stream("corrections"), records, drafts)
    lines = _file_order(stream("order"), records + [c for c, _ in corrections], drafts + [d for _, d in corrections])
    truth = build_truth(
        seed=seed, concerns=concerns, years=years, start=start, end=end, town=town, drafts=drafts,
        contexts=contexts, networks=networks, records=records, lines=lines, duplicates=describer.duplicates,
    )
    progress(f"{len(corrections):,} corrections re-sent; truth built")
    return lines, truth


def _write(rng: random.Random, town: Town, describer: Describer, draft: Draft) -> tuple[dict, Ctx]:
    day = local_date(draft.occurred)
    children = [describer.describe(draft.agency, child, day, draft.service) for child in draft.children]
    ctx = Ctx(rng, town, draft, children)
    if draft.network is not None:
        network_texts.render(ctx)
    else:
        _SCENARIOS[draft.scenario].render(ctx)
    record: dict[str, Any] = {
        "schema": "joinedup.concern/1",
        "source_ref": draft.source_ref,
        "agency": {"name": draft.agency.name, "type": draft.agency.type},
    }
    reporter = describer.reporter(draft.agency, draft.service, specialist=draft.network is not None and draft.stage == 2)
    if reporter:
        record["reporter"] = reporter
    record["received_at"] = local_iso(draft.received)
    roll = rng.random()
    if roll < 0.85:
        record["occurred_at"] = local_iso(draft.occurred)
    elif roll < 0.95:
        record["occurred_at"] = local_date(draft.occurred).isoformat()
    record["children"] = children
    record["summary"] = " ".join(ctx.summary)
    if ctx.child_words:
        record["child_words"] = ctx.child_words
    if ctx.categories:
        record["categories"] = ctx.categories
    if ctx.indicators:
        record["indicators"] = ctx.indicators
    if ctx.mentions:
        record["mentions"] = ctx.mentions
    return record, ctx


def _corrections(rng: random.Random, records: list[dict], drafts: list[Draft]) -> list[tuple[dict, Draft]]:
    """About one record in eighty is re-sent later with a changed summary (a new version); sometimes
    the correction also puts right the first child's date of birth."""
    out = []
    for record, draft in zip(records, drafts, strict=True):
        if rng.random() >= 0.0125:
            continue
        copy = dict(record)
        copy["children"] = [dict(c) for c in record["children"]]
        copy["summary"] = f"{record['summary']} {rng.choice(_UPDATES)}"
        child = draft.children[0]
        if rng.random() < 0.4 and copy["children"][0].get("dob") != child.dob.isoformat():
            copy["children"][0]["dob"] = child.dob.isoformat()
            copy["children"][0].pop("approx_age", None)
        later = Draft(draft.scenario, draft.children, draft.agency, draft.occurred,
                      received=draft.received + dt.timedelta(minutes=rng.randrange(180, 60 * 24 * 5)),
                      source_ref=draft.source_ref, network=draft.network, stage=draft.stage)
        copy["received_at"] = local_iso(later.received)
        out.append((copy, later))
    return out


def _file_order(rng: random.Random, records: list[dict], drafts: list[Draft]) -> list[dict]:
    """Sorted by received_at, except that Northtown Health's records arrive up to an hour out of order."""
    keyed = []
    for i, (record, draft) in enumerate(zip(records, drafts, strict=True)):
        jitter = dt.timedelta(minutes=rng.randrange(-60, 61)) if draft.agency.type == "health" else dt.timedelta(0)
        keyed.append((draft.received + jitter, i, record))
    keyed.sort(key=lambda k: (k[0], k[1]))
    return [record for _, _, record in keyed]


def write(out_dir: str | Path, records: list[dict], truth: dict) -> tuple[Path, Path]:
    """Write `town.jsonl` and `truth.json` into `out_dir` (created if need be)."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    town_path, truth_path = out / "town.jsonl", out / "truth.json"
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    with town_path.open("w", encoding="utf-8") as f:
        f.writelines(dumps(record) + "\n" for record in records)
    with truth_path.open("w", encoding="utf-8") as f:
        json.dump(truth, f, ensure_ascii=False, indent=1)
    return town_path, truth_path


def _summary_lines(records: list[dict], truth: dict, seconds: float) -> list[str]:
    s = truth["summary"]
    per_agency = Counter(r["agency"]["name"] for r in records)
    lines = [
        f"{s['town']}: {s['children_in_population']:,} children in {s['families']:,} families; "
        f"{s['children_described']:,} appear in concerns",
        f"{s['concerns']:,} concerns + {s['corrections']:,} re-sent corrections = {len(records):,} lines "
        f"({s['descriptions']:,} child descriptions, {s['mentions']:,} mentions) in {seconds:.1f} s",
        "lines per agency:",
    ]
    width = max(len(name) for name in per_agency)
    for name, n in sorted(per_agency.items(), key=lambda kv: -kv[1]):
        lines.append(f"  {name:<{width}}  {n:>7,}")
    lines.append(f"hidden networks: {s['networks']} ({', '.join(f'{k} {v}' for k, v in s['network_kinds'].items())}), "
                 f"{s['network_victims']} victims, {s['network_concerns']} concerns")
    lines.append(f"duplicate agency references: {s['duplicate_refs']}; twins described: {s['twins_described']}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sim.town", description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--concerns", type=int, default=5000)
    parser.add_argument("--years", type=int, default=4)
    parser.add_argument("--start", type=dt.date.fromisoformat, default=DEFAULT_START, help="first day (YYYY-MM-DD)")
    parser.add_argument("--out", required=True, help="directory for town.jsonl and truth.json")
    args = parser.parse_args(argv)
    print(f"generating Northtown: seed {args.seed}, {args.concerns:,} concerns over {args.years} years from {args.start}",
          flush=True)
    began = time.perf_counter()
    records, truth = generate(args.seed, args.concerns, args.years, args.start, log=lambda line: print(line, flush=True))
    generated = time.perf_counter() - began
    for line in _summary_lines(records, truth, generated):
        print(line)
    town_path, truth_path = write(args.out, records, truth)
    print(f"wrote {town_path} and {truth_path} in {time.perf_counter() - began:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
