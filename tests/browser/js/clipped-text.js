() => {
  // Elements in the main content that hide overflow and hold more text
  // than they show.
  const out = [];
  for (const el of document.querySelectorAll('main *')) {
    const cs = getComputedStyle(el);
    const hides = ['hidden', 'clip'];
    if (!hides.includes(cs.overflowX) && !hides.includes(cs.overflowY) && !hides.includes(cs.overflow)) continue;
    if (!el.textContent.trim()) continue;
    if (cs.visibility !== 'visible' || el.getClientRects().length === 0) continue;
    // Text kept for screen readers only (1px, clipped) is meant to be unseen.
    const r = el.getBoundingClientRect();
    if (r.width <= 1 && r.height <= 1) continue;
    const tall = (hides.includes(cs.overflowY) || hides.includes(cs.overflow)) && el.scrollHeight > el.clientHeight + 1;
    const wide = (hides.includes(cs.overflowX) || hides.includes(cs.overflow)) && el.scrollWidth > el.clientWidth + 1;
    if (tall || wide) out.push(window.__guide.describe(el) +
      ` (shows ${el.clientWidth}x${el.clientHeight}px of ${el.scrollWidth}x${el.scrollHeight}px)`);
  }
  return out;
}
