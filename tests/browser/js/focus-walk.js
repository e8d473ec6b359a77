() => {
  // Record how every control looks before it has focus.
  const g = window.__guide;
  g.indicator = (el) => {
    // A hidden radio or checkbox shows its focus on the label that follows it.
    const r = el.getBoundingClientRect();
    if (el.tagName === 'INPUT' && (r.width < 2 || r.height < 2 || getComputedStyle(el).opacity === '0')) {
      const next = el.nextElementSibling;
      if (next && next.tagName === 'LABEL') return next;
      if (el.labels && el.labels.length) return el.labels[0];
    }
    return el;
  };
  g.look = (el) => {
    const cs = getComputedStyle(g.indicator(el));
    return `outline ${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}; box-shadow ${cs.boxShadow}`;
  };
  g.before = new Map();
  let n = 0;
  for (const el of document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex], label[for]')) {
    el.dataset.guideWalk = String(n++);
    g.before.set(el.dataset.guideWalk, g.look(el));
  }
  return n;
}
