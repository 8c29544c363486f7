"""Network detection measured against the hidden truth: JoinedUp against agency silos and exact matching.

    .venv/bin/python -m sim.evaluate --seeds 7,11,23 --concerns 5000 [--out DIR]

For each seed: generate a town (`python -m sim.town`), run JoinedUp as a user would (`joinedup import
--replay` then `joinedup export alerts`, each system against fresh SQLite databases), and score the alerts
against truth.json, which never enters a database. Three systems: **joinedup** (the full town, default
linkage), **silos** (the town split by agency, one database each, alerts pooled) and **naive** (the full
town with JOINEDUP_LINKAGE=exact). Writes DIR/evaluation.json and DIR/comparison.svg.

Scoring (the functions below are pure and unit-tested):
- An alert child maps to true children through its `refs` (agency, ref), using the (agency, ref) -> true
  child map built from the town file and truth.children. A child with no refs (only ever reported without
  an agency reference, e.g. by the public) maps to the ref-less children of the alert's evidence records
  received at its `linked_at` (a concern's arrival, in the concern clock); failing that, the ref-less
  children of all its evidence records, less those the alert's ref-carrying children already account for.
  (A ref-less record may be a duplicate of a child already in the alert: that is scored as one victim.)
- An alert covers a network's victims when at least 2 of its children map to victims AND those children
  map to at least 2 distinct victims (a wrong merge of two victims into one record, or one victim split
  in two, does not count as linking two). Covering alerts are "about" the network.
- Detected: some alert (any kind) covers the network. The moment: the earliest alert's max(raised_at,
  linked_at of the child that brought the second distinct victim). Lag: from
  first_alert_possible_at["2"] to that moment, in days and in concerns (first versions, by received_at,
  in (possible, detected]; negative if JoinedUp linked earlier than a clearly identified entity could).
- Precision: alerts with >=2 children that cover some network / all such alerts (closed and absorbed
  alerts included: they were all raised). Victims linked: victims covered by any alert about their
  network / all victims.
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import json
import os
import re
import statistics
import subprocess
import sys
import time
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
JOINEDUP = str(Path(sys.executable).parent / "joinedup")
SYSTEMS = ("joinedup", "silos", "naive")


def when(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


# ------------------------------------------------------------------------------------------ truth side
class TownIndex:
    """What the scorer needs from the town file and its truth: who each (agency, ref) really is, the
    true children of each record (and which had no ref), when each record arrived, and its mentions."""

    def __init__(self, records: list[dict], truth: dict) -> None:
        self.truth = truth
        self.ref_to_child: dict[tuple[str, str], set[str]] = defaultdict(set)
        self.refless: dict[str, set[str]] = defaultdict(set)  # record key -> true children without a ref
        self.arrivals: dict[str, set[dt.datetime]] = defaultdict(set)
        self.mention_kinds: dict[str, list[str]] = {}
        self.mentions: dict[str, list[dict]] = {}  # as first written
        first: dict[str, dt.datetime] = {}
        for record in records:
            key = f"{record['agency']['name']}|{record['source_ref']}"
            received = when(record["received_at"])
            self.arrivals[key].add(received)
            first[key] = min(received, first.get(key, received))
            self.mention_kinds.setdefault(key, [m["kind"] for m in record.get("mentions", [])])
            self.mentions.setdefault(key, record.get("mentions", []))
            for entry, child in zip(record["children"], truth["children"][key], strict=True):
                if entry.get("ref"):
                    self.ref_to_child[(record["agency"]["name"], entry["ref"])].add(child)
                else:
                    self.refless[key].add(child)
        self.concern_times = sorted(first.values())
        self.first_arrival = first

    def clear_possible_at(self, net: dict) -> str | None:
        """When one clearly identified entity (see `clearly_identified`) first linked two of the
        network's victims, from the records as written (the generator's `first_alert_possible_at` also
        counts a given name or nickname alone as identifying)."""
        victims = set(net["victims"])
        linked: dict[str, set[str]] = defaultdict(set)
        for key in sorted(net.get("concerns", []), key=lambda k: self.first_arrival[k]):
            children = set(self.truth["children"][key]) & victims
            for mention, eid in zip(self.mentions.get(key, []), self.truth["mentions"].get(key, []), strict=False):
                if eid is None or eid.startswith("T-C-") or not clearly_identified(mention):
                    continue
                linked[eid] |= children
                if len(linked[eid]) >= 2:
                    return self.first_arrival[key].isoformat()
        return None

    def concerns_between(self, start: dt.datetime, end: dt.datetime) -> int:
        """Concerns (first versions) received in (start, end]; negative when end is before start."""
        t = self.concern_times
        return bisect.bisect_right(t, end) - bisect.bisect_right(t, start)


def clearly_identified(mention: dict) -> bool:
    """A mention that identifies its entity: a person by full name, phone or date of birth; a vehicle by
    its full plate; a phone; an account by its whole handle (not a fragment); a place by its name or a
    numbered address, unless it is a benign hub (a school gate, a park, a shop: the issue says these never
    raise an alert by themselves, so a link through one is not a moment an alert was due)."""
    kind = mention.get("kind")
    if kind == "person":
        return bool(mention.get("given_name") and mention.get("family_name")) or bool(mention.get("phone") or mention.get("dob"))
    if kind == "vehicle":
        return bool(mention.get("plate")) and "?" not in mention["plate"]
    if kind == "phone":
        return bool(mention.get("number"))
    if kind == "online":  # a handle written as a fragment ("deano...") could be many accounts
        handle = (mention.get("handle") or "").rstrip()
        return bool(handle) and not handle.endswith(("..", "…"))
    if kind == "place":
        if mention.get("venue_type") in HUBS or "school" in (mention.get("name") or "").lower():
            return False  # where many children are for ordinary reasons: never an alert by itself
        address = (mention.get("address") or "").strip()
        return bool(mention.get("name")) or address[:1].isdigit() or address.lower().startswith("flat")
    return False


# The benign hubs, written out here rather than imported from joinedup.identity.harm
# (PUBLIC_VENUES, the same list today): the scorer measures JoinedUp, so a change to JoinedUp's own list
# must not move the yardstick with it. sim/ imports nothing from joinedup.
HUBS = frozenset({"park", "shop", "school_gate", "taxi_rank", "car_park"})


def map_alert(alert: dict, index: TownIndex) -> list[set[str]]:
    """The true children each of the alert's children stands for (an empty set if unknown)."""
    out: list[set[str] | None] = []
    known: set[str] = set()
    for child in alert["children"]:
        refs = {(r["agency"], r["ref"]) for r in child.get("refs", [])}
        if refs:
            mapped = set().union(*(index.ref_to_child.get(r, set()) for r in refs))
            known |= mapped
            out.append(mapped)
        else:
            out.append(None)
    keys = [f"{e['agency']}|{e['source_ref']}" for e in alert.get("evidence", [])]
    for i, child in enumerate(alert["children"]):
        if out[i] is not None:
            continue
        linked = when(child["linked_at"])
        at_link = {k for k in keys if linked in index.arrivals.get(k, ())}
        candidates = set().union(set(), *(index.refless.get(k, set()) for k in at_link))
        if not candidates:  # no record of the alert arrived at its linked_at: any ref-less child of the evidence
            anywhere = set().union(set(), *(index.refless.get(k, set()) for k in keys))
            candidates = (anywhere - known) or anywhere
        out[i] = candidates
    return [s for s in out if s is not None]


def covered(alert: dict, truth_sets: list[set[str]], victims: set[str]) -> tuple[set[str], dt.datetime | None]:
    """The victims this alert links (empty unless it links >=2 distinct victims through >=2 of its
    children) and the moment the second distinct victim joined it (or None)."""
    rows = sorted(
        ((when(c["linked_at"]), s & victims) for c, s in zip(alert["children"], truth_sets, strict=True) if s & victims),
        key=lambda r: r[0],
    )
    seen: set[str] = set()
    moment = None
    for n, (linked, hit) in enumerate(rows, start=1):
        seen |= hit
        if moment is None and n >= 2 and len(seen) >= 2:
            moment = max(linked, when(alert["raised_at"]))
    return (seen, moment) if moment is not None else (set(), None)


def score_network(net: dict, alerts: list[dict], mapped: list[list[set[str]]], index: TownIndex) -> dict:
    victims = set(net["victims"])
    linked: set[str] = set()
    best: tuple[dt.datetime, str] | None = None
    for alert, sets in zip(alerts, mapped, strict=True):
        seen, moment = covered(alert, sets, victims)
        if moment is None:
            continue
        linked |= seen
        if best is None or moment < best[0]:
            best = (moment, alert["id"])
    possible = net["first_alert_possible_at"].get("2")
    row = {
        "network": net["id"], "kind": net["kind"], "victims": len(victims), "possible_at": possible,
        "detected": best is not None, "detected_at": best[0].isoformat() if best else None,
        "alert": best[1] if best else None, "lag_days": None, "lag_concerns": None,
        "victims_linked": len(linked), "share_linked": len(linked) / len(victims) if victims else 0.0,
    }
    if best is not None and possible is not None:
        row["lag_days"] = round((best[0] - when(possible)).total_seconds() / 86400, 2)
        row["lag_concerns"] = index.concerns_between(when(possible), best[0])
    clear = index.clear_possible_at(net)
    row["clear_possible_at"], row["lag_concerns_clear"] = clear, None
    if best is not None and clear is not None:
        row["lag_concerns_clear"] = index.concerns_between(when(clear), best[0])
    return row


def network_groups(nets: list[dict]) -> dict[str, str]:
    """Each hidden network's group: networks that share a true entity (two groups of men using the same
    takeaway, or the same hotel) are one group, since linking them through it is right."""
    parent = {n["id"]: n["id"] for n in nets}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    first_owner: dict[str, str] = {}
    for n in nets:
        for e in n.get("entities", []):
            if e in first_owner:
                parent[root(n["id"])] = root(first_owner[e])
            else:
                first_owner[e] = n["id"]
    return {n["id"]: root(n["id"]) for n in nets}


def victims_networks(nets: list[dict]) -> dict[str, tuple[str, str]]:
    """Each victim's hidden network and that network's group (see `network_groups`)."""
    groups = network_groups(nets)
    return {v: (n["id"], groups[n["id"]]) for n in nets for v in n["victims"]}


def network_focus(alert: dict, truth_sets: list[set[str]], victims: dict[str, tuple[str, str]]) -> dict:
    """How well one network alert matches the hidden networks (`victims` from `victims_networks`): how
    many it holds victims of, how many unconnected groups of them (networks sharing a true entity are
    one group), and its focus, the share of its children who are victims of the group it holds most of
    (1.0 when every child is; low when it joins unconnected networks, or many bystanders, in one)."""
    per_child = [{victims[c] for c in s if c in victims} for s in truth_sets]
    counts = Counter(g for held in per_child for g in {group for _, group in held})
    return {"id": alert["id"], "children": len(truth_sets),
            "networks_held": len({network for held in per_child for network, _ in held}), "groups_held": len(counts),
            "focus": counts.most_common(1)[0][1] / len(truth_sets) if counts and truth_sets else 0.0}


def network_alert_figures(focus_rows: list[dict]) -> dict:
    """The network alerts' sizes and focus: a network alert an analyst can act on holds one hidden network."""
    return {
        "network_alerts": len(focus_rows),
        "largest_network_alert": max((r["children"] for r in focus_rows), default=0),
        "most_networks_in_one_alert": max((r["networks_held"] for r in focus_rows), default=0),
        "most_groups_in_one_alert": max((r["groups_held"] for r in focus_rows), default=0),
        "median_network_focus": _median([r["focus"] for r in focus_rows]),
        "lowest_network_focus": min((r["focus"] for r in focus_rows), default=None),
    }


def _median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def summarise(rows: list[dict], alerts: int, true_positives: int) -> dict:
    lags = [r for r in rows if r["lag_concerns"] is not None]
    victims = sum(r["victims"] for r in rows)
    return {
        "networks": len(rows), "detected": sum(r["detected"] for r in rows),
        "detectable": sum(r["possible_at"] is not None for r in rows),
        "detection_rate": sum(r["detected"] for r in rows) / len(rows) if rows else None,
        "alerts": alerts, "true_positives": true_positives, "false_alarms": alerts - true_positives,
        "precision": true_positives / alerts if alerts else None,
        "median_lag_concerns": _median([r["lag_concerns"] for r in lags]),
        "median_lag_days": _median([r["lag_days"] for r in lags]),
        "median_lag_concerns_clear": _median([r["lag_concerns_clear"] for r in rows if r.get("lag_concerns_clear") is not None]),
        "victims": victims, "victims_linked": sum(r["victims_linked"] for r in rows),
        "share_linked": sum(r["victims_linked"] for r in rows) / victims if victims else None,
    }


def score(alerts: list[dict], index: TownIndex) -> dict:
    """Every figure for one system's alerts on one town."""
    multi = [a for a in alerts if len(a["children"]) >= 2]
    mapped = [map_alert(a, index) for a in multi]
    nets = index.truth["networks"]
    rows = [score_network(net, multi, mapped, index) for net in nets]
    true_positive = [any(covered(a, s, set(n["victims"]))[1] is not None for n in nets) for a, s in zip(multi, mapped, strict=True)]
    out = summarise(rows, len(multi), sum(true_positive))
    out["per_network"] = rows
    live_networks = [(a, s) for a, s in zip(multi, mapped, strict=True) if a["kind"] == "network" and a.get("status") != "closed"]
    victims = victims_networks(nets)
    out["network_focus"] = [network_focus(a, s, victims) for a, s in live_networks]
    out.update(network_alert_figures(out["network_focus"]))
    out["by_kind"] = dict(Counter(a["kind"] for a in multi))
    out["unmapped_children"] = sum(1 for sets in mapped for s in sets if not s)
    out["false_alarm_alerts"] = [_false_alarm(a, m, index) for a, m, tp in zip(multi, mapped, true_positive, strict=True) if not tp]
    out["false_alarm_causes"] = dict(Counter(fa["cause"] for fa in out["false_alarm_alerts"]))
    return out


def false_alarm_cause(truth_sets: list[set[str]], evidence: int, found: dict[str, Counter], index: TownIndex) -> str:
    """Why an alert that covers no network was raised, judged from the truth."""
    children = set().union(set(), *truth_sets)
    if len(children) < 2:
        return "one child twice (records not merged)"
    register = index.truth.get("child_register", {})
    families = {register.get(c, {}).get("family", c) for c in children}
    if len(families) == 1 and evidence == 1:
        return "siblings in one concern"
    entities = index.truth.get("entities", {})
    if any(entities.get(e, {}).get("network") for kinds in found.values() for e in kinds):
        return "network entity, children not its victims"
    return "siblings" if len(families) == 1 else "unrelated children, benign entity"


def _false_alarm(alert: dict, truth_sets: list[set[str]], index: TownIndex) -> dict:
    """A false alarm, its likely cause, and the true entities its evidence mentions for each of its
    entities' kinds (several distinct ones suggest a wrong merge; one benign one, a harmless shared one)."""
    keys = [f"{e['agency']}|{e['source_ref']}" for e in alert.get("evidence", [])]
    found: dict[str, Counter] = defaultdict(Counter)
    kinds = {e["kind"] for e in alert.get("entities", [])}
    for key in keys:
        for kind, eid in zip(index.mention_kinds.get(key, []), index.truth["mentions"].get(key, []), strict=False):
            if kind in kinds:
                found[kind][eid or "unidentifiable"] += 1
    return {
        "id": alert["id"], "kind": alert["kind"], "status": alert.get("status"), "children": len(alert["children"]),
        "cause": false_alarm_cause(truth_sets, len(keys), found, index),
        "entities": [{"kind": e["kind"], "label": e["label"],
                      "true_entities": dict(found[e["kind"]].most_common(4))} for e in alert.get("entities", [])],
    }


# ------------------------------------------------------------------------------------------ running
def _run(cmd: list[str], env: dict[str, str] | None = None, stdout=None) -> subprocess.CompletedProcess:
    result = subprocess.run(cmd, cwd=ROOT, env=env, stdout=stdout or subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if result.returncode not in (0, 1) or (result.returncode == 1 and "rejected" not in (result.stdout or "")):
        sys.stderr.write(result.stderr[-3000:])
        raise SystemExit(f"failed ({result.returncode}): {' '.join(cmd)}")
    return result


def run_joinedup(town_file: Path, workdir: Path, extra_env: dict[str, str] | None = None) -> list[dict]:
    """Import a town file by replay into a fresh SQLite database and export its alerts (as a user would)."""
    workdir.mkdir(parents=True, exist_ok=True)
    db = workdir / "joinedup.db"
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    env = {**os.environ, "JOINEDUP_DATABASE_URL": f"sqlite:///{db.resolve()}",
           "JOINEDUP_VAR_DIR": str(workdir.resolve()), **(extra_env or {})}
    env.pop("JOINEDUP_PROGRESS", None)
    result = _run([JOINEDUP, "import", str(town_file.resolve()), "--replay", "--no-progress"], env)
    if result.returncode:
        print(f"      note: some lines rejected: {result.stdout.strip()}", flush=True)
    alerts_path = workdir / "alerts.jsonl"
    with alerts_path.open("w", encoding="utf-8") as f:
        _run([JOINEDUP, "export", "alerts"], env, stdout=f)
    return [json.loads(line) for line in alerts_path.read_text("utf-8").splitlines() if line.strip()]


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def run_silos(records_text: list[str], records: list[dict], workdir: Path, jobs: int = 2) -> list[dict]:
    """Each agency alone: its own lines, its own database, its alerts; pooled (ids prefixed by agency)."""
    by_agency: dict[str, list[str]] = defaultdict(list)
    for line, record in zip(records_text, records, strict=True):
        by_agency[record["agency"]["name"]].append(line)

    def one(name: str) -> list[dict]:
        silo = workdir / _slug(name)
        silo.mkdir(parents=True, exist_ok=True)
        (silo / "town.jsonl").write_text("".join(by_agency[name]), "utf-8")
        began = time.perf_counter()
        alerts = run_joinedup(silo / "town.jsonl", silo)
        print(f"      {name}: {len(by_agency[name]):,} lines, {len(alerts)} alerts "
              f"({time.perf_counter() - began:.0f} s)", flush=True)
        for a in alerts:
            a["id"] = f"{_slug(name)}:{a['id']}"
            for c in a["children"]:
                c["child_id"] = f"{_slug(name)}:{c['child_id']}"
        return alerts

    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool_:
        return [a for alerts in pool_.map(one, sorted(by_agency)) for a in alerts]


def evaluate_seed(seed: int, concerns: int, years: int, out: Path, jobs: int = 2) -> dict:
    here = out / str(seed)
    began = time.perf_counter()
    print(f"seed {seed}: generating a town of {concerns:,} concerns", flush=True)
    _run([sys.executable, "-m", "sim.town", "--seed", str(seed), "--concerns", str(concerns), "--years", str(years),
          "--out", str(here)])
    lines = (here / "town.jsonl").read_text("utf-8").splitlines(keepends=True)
    records = [json.loads(line) for line in lines]
    truth = json.loads((here / "truth.json").read_text("utf-8"))
    index = TownIndex(records, truth)
    results = {}
    for system in SYSTEMS:
        step = time.perf_counter()
        print(f"  {system}: importing by replay and exporting alerts", flush=True)
        if system == "silos":
            alerts = run_silos(lines, records, here / "silos", jobs)
        else:
            extra = {"JOINEDUP_LINKAGE": "exact"} if system == "naive" else {}
            alerts = run_joinedup(here / "town.jsonl", here / system, extra)
        results[system] = score(alerts, index)
        r = results[system]
        print(f"    {len(alerts)} alerts, {r['detected']}/{r['networks']} networks detected "
              f"({time.perf_counter() - step:.0f} s)", flush=True)
    print(f"seed {seed} done in {time.perf_counter() - began:.0f} s", flush=True)
    return {"seed": seed, "concerns": concerns, "networks": len(truth["networks"]), "systems": results}


def pool(seeds: list[dict]) -> dict:
    out = {}
    for system in SYSTEMS:
        rows = [row for s in seeds for row in s["systems"][system]["per_network"]]
        alerts = sum(s["systems"][system]["alerts"] for s in seeds)
        tps = sum(s["systems"][system]["true_positives"] for s in seeds)
        out[system] = summarise(rows, alerts, tps)
        out[system].update(network_alert_figures([r for s in seeds for r in s["systems"][system].get("network_focus", [])]))
    return out


def false_alarm_entities(seeds: list[dict], system: str = "joinedup", top: int = 10) -> list[dict]:
    """The entities of a system's false-alarm shared-entity alerts, most frequent label first."""
    counts: Counter = Counter()
    notes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    causes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for s in seeds:
        for fa in s["systems"][system]["false_alarm_alerts"]:
            if fa["kind"] != "shared_entity":
                continue
            for e in fa["entities"]:
                counts[(e["kind"], e["label"])] += 1
                notes[(e["kind"], e["label"])].update(e["true_entities"])
                causes[(e["kind"], e["label"])][fa["cause"]] += 1
    return [{"kind": k, "label": label, "alerts": n, "cause": causes[(k, label)].most_common(1)[0][0],
             "true_entities_in_evidence": dict(notes[(k, label)].most_common(4))}
            for (k, label), n in counts.most_common(top)]


def false_alarm_causes(seeds: list[dict]) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    for system in SYSTEMS:
        total: Counter = Counter()
        for s in seeds:
            total.update(s["systems"][system]["false_alarm_causes"])
        out[system] = dict(total.most_common())
    return out


def main(argv: list[str] | None = None) -> int:
    from sim import evaluate_plot

    parser = argparse.ArgumentParser(prog="python -m sim.evaluate", description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", default="7,11,23", help="comma-separated seeds")
    parser.add_argument("--concerns", type=int, default=5000)
    parser.add_argument("--years", type=int, default=4)
    parser.add_argument("--jobs", type=int, default=2, help="agency silos imported at once")
    parser.add_argument("--out", default=str(ROOT / "sim" / "out" / "evaluation"), help="output directory")
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    seeds = [evaluate_seed(int(s), args.concerns, args.years, out, args.jobs) for s in args.seeds.split(",") if s.strip()]
    pooled = pool(seeds)
    for s in seeds:
        print(evaluate_plot.network_table(s))
    print(evaluate_plot.comparison_table(seeds, pooled))
    fa = false_alarm_entities(seeds)
    causes = false_alarm_causes(seeds)
    print(evaluate_plot.false_alarm_table(fa, causes))
    report = {"schema": "joinedup.sim.evaluation/1", "concerns": args.concerns, "years": args.years,
              "seeds": seeds, "pooled": pooled, "false_alarm_entities": fa, "false_alarm_causes": causes}
    (out / "evaluation.json").write_text(json.dumps(report, indent=1, ensure_ascii=False), "utf-8")
    (out / "comparison.svg").write_text(evaluate_plot.svg(pooled, [s["seed"] for s in seeds], args.concerns), "utf-8")
    print(f"wrote {out / 'evaluation.json'} and {out / 'comparison.svg'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
