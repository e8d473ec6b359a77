() => {
  const d = document.documentElement;
  const out = {scroll: d.scrollWidth, client: d.clientWidth, wide: [], tables: []};
  if (d.scrollWidth > d.clientWidth) {
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.right > d.clientWidth + 1 && getComputedStyle(el).position !== 'fixed')
        out.wide.push(window.__guide.describe(el) + ` right edge ${Math.round(r.right)}px`);
      if (out.wide.length > 5) break;
    }
  }
  for (const t of document.querySelectorAll('.md-content table')) {
    let ok = false;
    for (let e = t.parentElement; e && e !== document.body; e = e.parentElement) {
      const o = getComputedStyle(e).overflowX;
      if (o === 'auto' || o === 'scroll') { ok = true; break; }
    }
    if (!ok) out.tables.push(window.__guide.describe(t));
  }
  return out;
}
