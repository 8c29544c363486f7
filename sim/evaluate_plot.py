"""Text tables and a hand-written SVG chart for sim.evaluate (no plotting library)."""

from __future__ import annotations

from html import escape

NAMES = {"joinedup": "JoinedUp", "silos": "Agency silos", "naive": "Naive exact"}
COLOURS = {"joinedup": "#1d70b8", "silos": "#d4351c", "naive": "#f47738"}  # GOV.UK blue, red, orange


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{100 * x:.0f}%"


def _num(x: float | None, digits: int = 1) -> str:
    return "—" if x is None else (f"{x:.{digits}f}" if x != int(x) else f"{int(x)}")


def network_table(seed: dict) -> str:
    lines = [f"\nseed {seed['seed']}: {seed['networks']} hidden networks",
             f"  {'network':8} {'kind':15} {'vict':>4}  " + "  ".join(f"{NAMES[s]:>30}" for s in NAMES),
             f"  {'':8} {'':15} {'':>4}  " + "  ".join(f"{'det  lag(days) lag(conc) linked':>30}" for _ in NAMES)]
    rows = {s: seed["systems"][s]["per_network"] for s in NAMES}
    for i, net in enumerate(rows["joinedup"]):
        cells = []
        for s in NAMES:
            r = rows[s][i]
            cells.append(f"{'yes' if r['detected'] else 'no':>3} {_num(r['lag_days']):>10} {_num(r['lag_concerns'], 0):>9} "
                         f"{r['victims_linked']:>3}/{r['victims']:<2}")
        note = "" if net["possible_at"] else "  (no identifying link in truth)"
        lines.append(f"  {net['network']:8} {net['kind']:15} {net['victims']:>4}  " + "  ".join(f"{c:>30}" for c in cells) + note)
    return "\n".join(lines)


def _row(label: str, fig: dict) -> str:
    return (f"  {label:14} {fig['detected']:>3}/{fig['networks']:<3} {_pct(fig['detection_rate']):>5}  "
            f"{fig['true_positives']:>4}/{fig['alerts']:<4} {_pct(fig['precision']):>5}  "
            f"{_num(fig['median_lag_concerns']):>9}  {_num(fig['median_lag_days']):>9}  "
            f"{_num(fig.get('median_lag_concerns_clear')):>10}  "
            f"{fig['victims_linked']:>3}/{fig['victims']:<3} {_pct(fig['share_linked']):>6}")


def comparison_table(seeds: list[dict], pooled: dict) -> str:
    head = (f"  {'':14} {'networks det.':>13}  {'precision':>15}  {'lag conc':>9}  {'lag days':>9}  "
            f"{'lag clear':>10}  {'victims linked':>14}")
    lines = ["\nside by side (lag = median over detected networks, from the first identifying link of 2 victims;"
             "\n lag clear = in concerns, from the first link through a clearly identified entity: a full name,"
             "\n phone or date of birth, a full plate, a handle, a named place or numbered address)"]
    for s in seeds:
        lines += [f" seed {s['seed']}", head] + [_row(NAMES[k], s["systems"][k]) for k in NAMES]
    lines += [f" pooled ({len(seeds)} seeds)", head] + [_row(NAMES[k], pooled[k]) for k in NAMES]
    lines.append("\nnetwork alerts, pooled (focus = share of an alert's children who are victims of the one hidden"
                 "\n network it holds most of, counting networks that share a true entity, such as one takeaway, as"
                 "\n one; an alert holding unconnected networks or many bystanders has a low focus)")
    for k in NAMES:
        f = pooled[k]
        lines.append(f"  {NAMES[k]:14} {f.get('network_alerts', 0):>4} network alerts; largest {f.get('largest_network_alert', 0)} "
                     f"children; most hidden networks in one: {f.get('most_networks_in_one_alert', 0)} "
                     f"({f.get('most_groups_in_one_alert', 0)} with no true entity in common); focus median "
                     f"{_num(f.get('median_network_focus'), 2)}, lowest {_num(f.get('lowest_network_focus'), 2)}")
    return "\n".join(lines)


def false_alarm_table(rows: list[dict], causes: dict[str, dict[str, int]] | None = None) -> str:
    lines = []
    for system, counts in (causes or {}).items():
        lines.append(f"  {NAMES[system]:13} " + "; ".join(f"{v} {k}" for k, v in counts.items()))
    if lines:
        lines.insert(0, "\nfalse alarms by cause (judged from the truth), pooled")
    lines.append("\ntop false-alarm entities (JoinedUp, shared-entity alerts; true entities of that kind in the evidence)")
    for r in rows:
        truth = ", ".join(f"{k}×{v}" for k, v in r["true_entities_in_evidence"].items())
        lines.append(f"  {r['alerts']:>3}  {r['kind']:8} {r['label'][:40]:40} {r.get('cause', ''):38} [{truth}]")
    return "\n".join(lines)


def _text(x: float, y: float, s: str, size: int = 12, anchor: str = "middle", extra: str = "") -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" '
            f'font-family="Arial, Helvetica, sans-serif" fill="#0b0c0c"{extra}>{escape(s)}</text>')


def _panel(x0: float, y0: float, w: float, h: float, groups: list[tuple[str, dict[str, float | None]]],
           top: float, ticks: list[float], fmt, ylabel: str, xlabel: str) -> list[str]:
    """A grouped bar chart: one group per (label, {system: value}); value None draws 'n/a'."""
    out = [f'<line x1="{x0}" y1="{y0 + h}" x2="{x0 + w}" y2="{y0 + h}" stroke="#0b0c0c"/>',
           f'<line x1="{x0}" y1="{y0}" x2="{x0}" y2="{y0 + h}" stroke="#0b0c0c"/>']
    for t in ticks:
        y = y0 + h - h * t / top
        out.append(f'<line x1="{x0 - 4}" y1="{y:.1f}" x2="{x0 + w}" y2="{y:.1f}" stroke="#b1b4b6" stroke-width="0.5"/>')
        out.append(_text(x0 - 7, y + 4, fmt(t), 11, "end"))
    out.append(_text(x0 - 48, y0 + h / 2, ylabel, 12, "middle", f' transform="rotate(-90 {x0 - 48} {y0 + h / 2})"'))
    out.append(_text(x0 + w / 2, y0 + h + 42, xlabel, 12))
    gw = w / len(groups)
    bw = gw * 0.8 / len(NAMES)
    for g, (label, values) in enumerate(groups):
        gx = x0 + g * gw + gw * 0.1
        out.append(_text(x0 + g * gw + gw / 2, y0 + h + 18, label, 12))
        for i, system in enumerate(NAMES):
            v = values.get(system)
            x = gx + i * bw
            if v is None:
                out.append(_text(x + bw / 2, y0 + h - 6, "n/a", 10))
                continue
            bh = h * max(0.0, min(v, top)) / top
            out.append(f'<rect x="{x:.1f}" y="{y0 + h - bh:.1f}" width="{bw - 2:.1f}" height="{bh:.1f}" '
                       f'fill="{COLOURS[system]}"><title>{escape(NAMES[system])}, {escape(label)}: {escape(fmt(v))}</title></rect>')
            out.append(_text(x + bw / 2 - 1, y0 + h - bh - 4, fmt(v), 10))
    return out


def _nice_step(rough: float) -> int:
    """1, 2, 5, 10, 20, 50, ... : the smallest not below `rough`."""
    magnitude = 1
    while True:
        for m in (1, 2, 5):
            if m * magnitude >= rough:
                return m * magnitude
        magnitude *= 10


def svg(pooled: dict, seeds: list[int], concerns: int) -> str:
    width, height = 900, 470
    pct = lambda v: f"{100 * v:.0f}%"  # noqa: E731
    rates = [
        ("Networks detected", {s: pooled[s]["detection_rate"] for s in NAMES}),
        ("Alert precision", {s: pooled[s]["precision"] for s in NAMES}),
        ("Victims linked", {s: pooled[s]["share_linked"] for s in NAMES}),
    ]
    lags = [(f"Median lag ({'concerns'})", {s: pooled[s]["median_lag_concerns"] for s in NAMES})]
    top_lag = max([v for _, vals in lags for v in vals.values() if v is not None] + [1.0])
    step = _nice_step(top_lag / 4)
    lag_ticks = [i * step for i in range(0, int(top_lag // step) + 2)]
    title = "Network detection on synthetic towns: JoinedUp vs agency silos vs naive exact matching"
    desc = (f"Pooled over seeds {', '.join(map(str, seeds))} ({concerns:,} concerns each). "
            + "; ".join(f"{NAMES[s]}: {pooled[s]['detected']} of {pooled[s]['networks']} networks detected, "
                        f"precision {_pct(pooled[s]['precision'])}, victims linked {_pct(pooled[s]['share_linked'])}, "
                        f"median lag {_num(pooled[s]['median_lag_concerns'])} concerns" for s in NAMES) + ".")
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
             f'role="img" aria-labelledby="chart-title chart-desc">',
             f'<title id="chart-title">{escape(title)}</title>', f'<desc id="chart-desc">{escape(desc)}</desc>',
             f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
             _text(width / 2, 28, title, 16, "middle", ' font-weight="bold"'),
             _text(width / 2, 48, f"pooled over seeds {', '.join(map(str, seeds))}, {concerns:,} concerns each", 12)]
    parts += _panel(90, 80, 500, 300, rates, 1.0, [0, 0.25, 0.5, 0.75, 1.0], pct, "Share (%)", "Measure")
    parts += _panel(700, 80, 160, 300, lags, lag_ticks[-1], lag_ticks, lambda v: _num(v), "Concerns after evidence existed",
                    "Lag to first alert (lower is better)")
    for i, system in enumerate(NAMES):
        x = 90 + i * 170
        parts.append(f'<rect x="{x}" y="{height - 30}" width="14" height="14" fill="{COLOURS[system]}"/>')
        parts.append(_text(x + 20, height - 18, NAMES[system], 12, "start"))
    parts.append("</svg>")
    return "\n".join(parts) + "\n"
