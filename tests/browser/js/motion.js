() => {
  const moving = [];
  const secs = (v) => v.split(',').map(s => parseFloat(s) * (s.trim().endsWith('ms') ? 0.001 : 1));
  for (const el of document.querySelectorAll('*')) {
    for (const pseudo of [null, '::before', '::after']) {
      const cs = getComputedStyle(el, pseudo);
      const t = secs(cs.transitionDuration).some(v => v > 0) && cs.transitionProperty !== 'none';
      const a = cs.animationName !== 'none' && secs(cs.animationDuration).some(v => v > 0);
      if (t || a) moving.push(window.__guide.describe(el) + (pseudo || '') +
        (t ? ` transition ${cs.transitionDuration}` : '') + (a ? ` animation ${cs.animationDuration}` : ''));
    }
  }
  return {moving, scroll: getComputedStyle(document.documentElement).scrollBehavior};
}
