"""Is the network picture still usable with a large alert? Draws an alert-shaped network (children around
the entities that link them) of N nodes with the real page script (static/web/js/network.js) and the
vendored cytoscape.js in Debian's Chromium, and measures:

- the time to draw it (script start to the layout drawn on the canvas);
- frame times while the user zooms and pans (each step waits for the next animation frame);
- the time to drag one node.

    .venv/bin/python -m benchmarks.network_picture [--nodes 500] [--steps 40]

Prints the figures (milliseconds); asserts nothing. "Responsive" here means frames under 50 ms (20 per
second) while zooming and panning, and the first picture within a second.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
from pathlib import Path

STATIC = Path(__file__).resolve().parent.parent / "src" / "joinedup" / "web" / "static"
CHROMIUM = "/usr/bin/chromium"


def network(nodes: int, seed: int = 7) -> dict:
    """A network shaped like a big alert: a fifth entities, the rest children, each child linked to one to
    three entities, the entities with a long tail (a few hubs)."""
    rng = random.Random(seed)
    entities = max(1, nodes // 5)
    children = nodes - entities
    out = {"nodes": [], "edges": []}
    for e in range(entities):
        out["nodes"].append({"data": {"id": f"e{e}", "label": f"Vehicle PL{e:02d} ATE", "kind": "entity"}})
    for c in range(children):
        out["nodes"].append({"data": {"id": f"c{c}", "label": f"Child {c} (C-{c:05d})", "kind": "child"}})
        for e in {min(entities - 1, int(rng.paretovariate(1.2)) - 1) for _ in range(rng.randint(1, 3))}:
            out["edges"].append({"data": {"id": f"c{c}-e{e}", "source": f"c{c}", "target": f"e{e}", "label": "transported child"}})
    return out


def page_html(data: dict) -> str:
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>network</title></head>
<body><div class="joinedup-network" data-network-picture hidden></div>
<script id="network-data" type="application/json">{json.dumps(data)}</script>
<script>window.benchStart = performance.now()</script>
<script src="{(STATIC / 'vendor/cytoscape/cytoscape.min.js').as_uri()}"></script>
<script src="{(STATIC / 'web/js/network.js').as_uri()}"></script>
<script>window.benchDrawn = performance.now()</script>
</body></html>"""


FRAME = """async ([kind, i]) => {
  const cy = window.joinedupNetwork
  const t0 = performance.now()
  if (kind === 'zoom') cy.zoom({ level: 0.4 + (i % 10) * 0.08, renderedPosition: { x: 600, y: 300 } })
  else cy.panBy({ x: (i % 2 ? 1 : -1) * 40, y: (i % 3 ? 1 : -1) * 25 })
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))
  return performance.now() - t0
}"""


def _summary(label: str, values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    return f"{label:<26} p50 {statistics.median(ordered):7.1f} ms   p95 {p95:7.1f} ms   max {ordered[-1]:7.1f} ms"


def run(nodes: int, steps: int) -> None:
    from playwright.sync_api import sync_playwright

    data = network(nodes)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "network.html"
        path.write_text(page_html(data))
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(path.as_uri())
            page.wait_for_function("window.joinedupNetwork && window.benchDrawn")
            page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
            drawn = page.evaluate("window.benchDrawn - window.benchStart")
            first_frame = page.evaluate("performance.now() - window.benchStart")
            counts = page.evaluate("[window.joinedupNetwork.nodes().length, window.joinedupNetwork.edges().length]")
            zooms = [page.evaluate(FRAME, ["zoom", i]) for i in range(steps)]
            pans = [page.evaluate(FRAME, ["pan", i]) for i in range(steps)]
            box = page.locator("[data-network-picture]").bounding_box()
            node = page.evaluate("(() => { const p = window.joinedupNetwork.nodes()[0].renderedPosition(); return [p.x, p.y] })()")
            drags = []
            for i in range(10):
                start = page.evaluate("performance.now()")
                page.mouse.move(box["x"] + node[0], box["y"] + node[1])
                page.mouse.down()
                page.mouse.move(box["x"] + node[0] + 30 + i, box["y"] + node[1] + 20, steps=3)
                page.mouse.up()
                page.evaluate("new Promise(r => requestAnimationFrame(r))")
                drags.append(page.evaluate("performance.now()") - start)
                node = [node[0] + 30 + i, node[1] + 20]
            browser.close()
    print(f"network picture: {counts[0]} nodes, {counts[1]} edges (Chromium {CHROMIUM}, software rendering)")
    print(f"{'script and layout':<26} {drawn:7.1f} ms")
    print(f"{'first frame on screen':<26} {first_frame:7.1f} ms")
    print(_summary("zoom step", zooms))
    print(_summary("pan step", pans))
    print(_summary("drag a node", drags))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--nodes", type=int, default=500)
    parser.add_argument("--steps", type=int, default=40)
    args = parser.parse_args()
    run(args.nodes, args.steps)


if __name__ == "__main__":
    main()
