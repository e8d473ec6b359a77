"""No layout shift after the first paint, on a phone and a wide screen.

A layout-shift PerformanceObserver (buffered, so it sees shifts from the
start) runs in each page from before the first script, while the page
loads, its deferred scripts run, and Material sets itself up. Any shift
of visible content not caused by the reader fails, with the elements
that moved. Lighthouse's CLS in ./guide bench measures the same entries.
"""

from __future__ import annotations

import pytest

from support import settled

OBSERVE = """
window.__shifts = [];
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) {
    if (entry.hadRecentInput) continue;
    window.__shifts.push({
      value: entry.value,
      sources: (entry.sources || []).map(s => {
        const n = s.node;
        if (!n || !n.nodeType) return '(gone)';
        const el = n.nodeType === 1 ? n : n.parentElement;
        if (!el) return '(text)';
        const cls = el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '';
        return el.tagName.toLowerCase() + cls + ' "' + (el.textContent || '').trim().slice(0, 40) + '"';
      }),
    });
  }
}).observe({type: 'layout-shift', buffered: true});
"""


def sample(site) -> list:
    pages = site.content_pages()
    longest = max(pages, key=lambda p: len(p.read_text(encoding="utf-8")))
    named = [site.dir / rel for rel in ("index.html", "principles/index.html", "self-check/index.html",
                                        "accessibility-checklist/index.html", "handouts/principles/index.html")]
    return list(dict.fromkeys([p for p in named if p.exists()] + [longest]))


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_layout_shift_after_first_paint(site, server, page_for, width, scheme):
    page = page_for(viewport={"width": width, "height": 800}, color_scheme=scheme)
    page.add_init_script(OBSERVE)
    problems = []
    for built in sample(site):
        rel = site.rel(built)
        page.goto(server + rel.removesuffix("index.html"), wait_until="networkidle")
        settled(page)
        shifts = page.evaluate("window.__shifts")
        assert shifts is not None, "the layout-shift observer did not run"
        for shift in shifts:
            problems.append(f"{rel} [{width}px, {scheme}]: layout shift {shift['value']:.4f}, moved: "
                            + "; ".join(shift["sources"]))
    assert not problems, ("Content moves after it first paints. Fix: give what appears later its space "
                          "from the first paint (CSS in the head, not JavaScript):\n" + "\n".join(problems))
