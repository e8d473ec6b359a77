async () => {
  const g = window.__guide;
  // Let Material's fades and slides finish before measuring.
  await Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)));
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const ind = g.indicator(el);
  const cs = getComputedStyle(ind);
  const r = ind.getBoundingClientRect();
  const ring = g.parse(cs.outlineColor);
  // What shows just outside the element, where the ring is drawn: the
  // topmost thing there that is not the element itself.
  let behind = null;
  const points = [[r.left - 2, r.top + r.height / 2], [r.right + 2, r.top + r.height / 2],
                  [r.left + r.width / 2, r.top - 2], [r.left + r.width / 2, r.bottom + 2]];
  for (const [x, y] of points) {
    if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) continue;
    const hit = document.elementsFromPoint(x, y).find(e => e !== ind && !ind.contains(e));
    if (hit) { behind = g.background(hit); break; }
  }
  if (!behind) behind = g.background(ind.parentElement || ind);
  const ownBg = g.background(ind);
  if (!el.dataset.guideWalk) el.dataset.guideWalk = 'late-' + Math.random();
  return {
    name: g.describe(el),
    focused: g.look(el),
    unfocused: g.before.get(el.dataset.guideWalk) || null,
    style: cs.outlineStyle, width: parseFloat(cs.outlineWidth),
    ringContrast: ring ? g.contrast(g.over(ring, behind), behind) : 0,
    ringVsOwn: ring ? g.contrast(g.over(ring, ownBg), ownBg) : 0,
    ring: ring ? g.hex(g.over(ring, behind)) : '', behind: g.hex(behind),
    visible: r.width > 0 && r.height > 0 && getComputedStyle(ind).visibility === 'visible'
             && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth,
    key: el.dataset.guideWalk,
  };
}
