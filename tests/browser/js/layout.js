async ([allowedScrollers, allowedOverlaps]) => {
  // Layout faults of three kinds on the open page, at its width and scheme:
  //   overlap   two shown controls overlap, or something covers a control's
  //             centre so a click there does not reach it;
  //   sideways  the page, or a box inside it, scrolls sideways;
  //   size      a control smaller than 24 by 24 CSS px without the spacing
  //             WCAG 2.2 SC 2.5.8 (Target Size, Minimum) allows.
  // `allowedScrollers` maps a CSS selector to the reason that box may
  // scroll sideways, and `allowedOverlaps` a pair of selectors ("a | b") to
  // the reason those two may overlap; the caller keeps both lists, each
  // entry with its reason.
  // Needs window.__guide.describe (colour.js).
  const describe = window.__guide.describe;
  const out = {overlap: [], sideways: [], size: [], checked: 0};
  const d = document.documentElement;
  const vw = d.clientWidth, vh = d.clientHeight;

  // Controls: what a pointer can press. Material's palette, drawer and search
  // toggles are hidden checkboxes pressed through their <label>s, so the
  // labels are the controls and the checkboxes are left out.
  const SELECTOR = 'a[href], button, input:not([type=hidden]), select, textarea, summary, ' +
    'label[for], [role=button], [role=link], [role=checkbox], [role=tab], [tabindex]:not([tabindex="-1"])';
  const hiddenToggle = (el) => el.matches('input.md-toggle, input.md-nav__toggle, input.md-option');
  const shown = (el) => {
    // Not a target: a pointer goes through it.
    if (getComputedStyle(el).pointerEvents === 'none') return false;
    // A label that does not look pressable (Material's drawer and contents
    // titles on a wide screen, whose checkbox does nothing there) is text.
    if (el.tagName === 'LABEL' && getComputedStyle(el).cursor !== 'pointer' &&
        !(el.control && el.control.checkVisibility({opacityProperty: true, visibilityProperty: true}))) return false;
    if (el.closest('[hidden], [inert], [aria-hidden="true"]')) return false;
    if (!el.checkVisibility({opacityProperty: true, visibilityProperty: true})) return false;
    const r = el.getBoundingClientRect();
    return r.width >= 1 && r.height >= 1;
  };
  const controls = [...document.querySelectorAll(SELECTOR)].filter(el => !hiddenToggle(el) && shown(el));
  // A label and the control it names are one target, and so are a control
  // and what it holds (a link holding a button is its own fault, for axe).
  const partOf = (a, b) => a.contains(b) || b.contains(a) ||
    (a.tagName === 'LABEL' && a.control === b) || (b.tagName === 'LABEL' && b.control === a) ||
    (a.tagName === 'LABEL' && b.tagName === 'LABEL' && a.control && a.control === b.control);
  const controlOf = (node) => {
    for (let e = node; e && e !== document.body; e = e.parentElement) if (controls.includes(e)) return e;
    return null;
  };

  // Boxes that clip what they hold: the page's scroll containers and
  // anything with overflow other than visible.
  const clips = (el) => {
    const out = [];
    for (let e = el.parentElement; e && e !== document.body; e = e.parentElement) {
      const cs = getComputedStyle(e);
      if (cs.overflowX !== 'visible' || cs.overflowY !== 'visible') out.push([e, cs.overflowX !== 'visible', cs.overflowY !== 'visible']);
    }
    return out;
  };
  const clipBox = (el, r) => {
    let {left: l, top: t, right: rr, bottom: b} = r;
    for (const [e, x, y] of clips(el)) {
      const c = e.getBoundingClientRect();
      if (x) { l = Math.max(l, c.left); rr = Math.min(rr, c.right); }
      if (y) { t = Math.max(t, c.top); b = Math.min(b, c.bottom); }
    }
    return rr - l >= 1 && b - t >= 1 ? {l, t, r: rr, b} : null;
  };
  // The part of a box the reader can see: inside the viewport and inside
  // every ancestor that clips.
  // For a link that wraps, the largest of its line boxes.
  const visiblePart = (el) => {
    let best = null;
    for (const r of el.getClientRects()) {
      const part = clipBox(el, {left: Math.max(r.left, 0), top: Math.max(r.top, 0),
        right: Math.min(r.right, vw), bottom: Math.min(r.bottom, vh)});
      if (part && (!best || (part.r - part.l) * (part.b - part.t) > (best.r - best.l) * (best.b - best.t))) best = part;
    }
    return best;
  };
  const frames = (n) => new Promise(done => {
    const step = () => (n-- > 0 ? requestAnimationFrame(step) : done());
    step();
  });

  // 1. Overlap, proved by a click: after scrolling each control into view,
  //    the element at the centre of its visible part must be the control
  //    (or inside it, or its label).
  const scrollers = [...document.querySelectorAll('body *')].filter(e => e.scrollLeft || e.scrollTop)
    .map(e => [e, e.scrollLeft, e.scrollTop]);
  const reachable = [];
  // What is at the centre of the control's visible part, or null when the
  // control is off screen on purpose (a closed drawer, the skip link).
  const blocker = (el) => {
    el.scrollIntoView({block: 'center', inline: 'nearest', behavior: 'instant'});
    const part = visiblePart(el);
    if (!part) return null;
    const hit = document.elementFromPoint((part.l + part.r) / 2, (part.t + part.b) / 2);
    if (!hit || el.contains(hit) || (el.tagName === 'LABEL' && el.control === hit)) return false;
    if (el.labels && [...el.labels].some(label => label.contains(hit))) return false;
    const other = controlOf(hit);
    if (other && partOf(other, el)) return false;
    return `${describe(el)} cannot be clicked at its centre: ` +
      (other ? `${describe(other)} covers it` : `${describe(hit)} lies over it`);
  };
  const doubtful = [];
  for (const el of controls) {
    const found = blocker(el);
    if (found === null) continue;
    reachable.push(el);
    if (found) doubtful.push(el);
  }
  // The page's own scripts move some boxes after a scroll (Material sets
  // the sidebar's height each frame): look again after they have run.
  for (const el of doubtful) {
    blocker(el);
    await frames(3);
    const found = blocker(el);
    if (found) out.overlap.push(found);
  }
  window.scrollTo({left: 0, top: 0, behavior: 'instant'});
  for (const [e, l, t] of scrollers) { e.scrollLeft = l; e.scrollTop = t; }
  out.checked = reachable.length;
  // Boxes of shown controls that intersect, all measured at the top of the
  // page, line by line for links that wrap, each cut to what its clipping
  // boxes show.
  const shownControls = reachable;
  const boxes = new Map(shownControls.map(el => [el, [...el.getClientRects()]
    .map(r => clipBox(el, r)).filter(Boolean)]));
  // Only controls in the same layer: a sticky or fixed box (Material's
  // header, the contents title) passes over the page as it scrolls, which is
  // the click test's business above, not a fault of position.
  const layer = (el) => {
    for (let e = el; e && e !== document.body; e = e.parentElement)
      if (['sticky', 'fixed'].includes(getComputedStyle(e).position)) return e;
    return null;
  };
  const allowedPair = (a, b) => Object.keys(allowedOverlaps).some(key => {
    const [x, y] = key.split(' | ');
    return (a.matches(x) && b.matches(y)) || (a.matches(y) && b.matches(x));
  });
  const meets = (a, b) => Math.min(a.r, b.r) - Math.max(a.l, b.l) > 1 && Math.min(a.b, b.b) - Math.max(a.t, b.t) > 1;
  for (let i = 0; i < shownControls.length; i++) {
    for (let j = i + 1; j < shownControls.length; j++) {
      const a = shownControls[i], b = shownControls[j];
      if (partOf(a, b) || layer(a) !== layer(b) || allowedPair(a, b)) continue;
      if (boxes.get(a).some(ra => boxes.get(b).some(rb => meets(ra, rb))))
        out.overlap.push(`${describe(a)} and ${describe(b)} overlap`);
    }
  }

  // 2. Sideways scrolling: the page, and every box that scrolls or clips
  //    sideways while holding more than it shows.
  if (d.scrollWidth > vw) {
    const wide = [];
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.right > vw + 1 && r.width > 0 && getComputedStyle(el).position !== 'fixed' && shown(el)) {
        wide.push(`${describe(el)} reaches ${Math.round(r.right + scrollX)}px`);
        if (wide.length >= 3) break;
      }
    }
    out.sideways.push(`the page is ${d.scrollWidth}px wide in a ${vw}px window: ${wide.join('; ')}`);
  }
  for (const el of document.querySelectorAll('body *')) {
    const cs = getComputedStyle(el);
    if (!['auto', 'scroll'].includes(cs.overflowX)) continue;
    if (el.scrollWidth <= el.clientWidth + 1 || !shown(el)) continue;
    if (Object.keys(allowedScrollers).some(s => el.matches(s))) continue;
    out.sideways.push(`${describe(el)} scrolls sideways (shows ${el.clientWidth}px of ${el.scrollWidth}px)`);
  }

  // 3. Target size, WCAG 2.2 SC 2.5.8. A control passes when its box is at
  //    least 24 by 24 px, or by the SC's exceptions:
  //    - Inline: a link inside a sentence or block of text, whose size is
  //      set by the line height of the text around it (the SC exempts it);
  //    - Spacing: a 24 px circle centred on its box meets no other control's
  //      box and no other small control's circle.
  const rects = new Map(shownControls.map(el => [el, el.getBoundingClientRect()]));
  const small = shownControls.filter(el => {
    const r = rects.get(el);
    return r.width < 24 - 0.5 || r.height < 24 - 0.5;
  });
  const inSentence = (el) => {
    if (getComputedStyle(el).display !== 'inline') return false;
    let block = el.parentElement;
    while (block && getComputedStyle(block).display.startsWith('inline')) block = block.parentElement;
    if (!block) return false;
    // Text in the same block that is not in this control: the sentence.
    const own = el.textContent.replace(/\s+/g, '');
    const all = block.textContent.replace(/\s+/g, '');
    return all.length > own.length;
  };
  const centre = (r) => [(r.left + r.right) / 2, (r.top + r.bottom) / 2];
  const distToBox = ([x, y], r) => Math.hypot(Math.max(r.left - x, 0, x - r.right), Math.max(r.top - y, 0, y - r.bottom));
  for (const el of small) {
    if (inSentence(el)) continue;
    const c = centre(rects.get(el));
    const near = shownControls.find(other => other !== el && !partOf(other, el) && (
      distToBox(c, rects.get(other)) < 12 ||
      (small.includes(other) && Math.hypot(c[0] - centre(rects.get(other))[0], c[1] - centre(rects.get(other))[1]) < 24)));
    if (near) {
      const r = rects.get(el);
      out.size.push(`${describe(el)} is ${Math.round(r.width)}x${Math.round(r.height)}px and ` +
        `${describe(near)} is within its 24px circle`);
    }
  }
  return out;
}
