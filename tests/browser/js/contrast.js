async (samples) => {
  const g = window.__guide;
  // Let Material's fades finish before measuring.
  await Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)));
  const article = document.querySelector('article');
  article.insertAdjacentHTML('beforeend', samples);
  const checks = [
    // [selector, what, minimum, kind]
    ['.md-header__title .md-ellipsis', 'header title', 4.5, 'text'],
    ['.md-header__button', 'header buttons', 3, 'text'],
    ['.md-tabs__link', 'tabs', 4.5, 'text'],
    ['.md-search__input', 'search box text', 4.5, 'text'],
    ['.md-footer__title', 'footer links', 4.5, 'text'],
    ['.md-footer__direction', 'footer previous/next', 4.5, 'text'],
    ['.md-copyright', 'footer copyright', 4.5, 'text'],
    ['.md-copyright a', 'footer link', 4.5, 'text'],
    ['article p', 'body text', 4.5, 'text'],
    ['.page-meta', 'reading time line', 4.5, 'text'],
    ['article a[href]:not(.headerlink):not(.md-content__button)', 'links', 4.5, 'text'],
    ['.md-content__button', 'edit button icon', 3, 'text'],
    ['.md-typeset code', 'code', 4.5, 'text'],
    ['.md-nav--primary .md-nav__link--active', 'navigation: this page', 4.5, 'text'],
    ['.md-nav--primary .md-nav__link:not(.md-nav__link--active)', 'navigation links', 4.5, 'text'],
    ['.md-nav--secondary .md-nav__link', 'contents list', 4.5, 'text'],
    ['.md-nav__title', 'navigation title', 4.5, 'text'],
    ['.admonition-title, details > summary', 'admonition titles', 4.5, 'text'],
    ['.admonition, details', 'admonition edge', 3, 'border'],
  ];
  const out = [];
  for (const [sel, what, min, kind] of checks) {
    let n = 0;
    for (const el of document.querySelectorAll(sel)) {
      const cs = getComputedStyle(el);
      if (cs.visibility !== 'visible' || el.getClientRects().length === 0) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      n++;
      let fg, bg;
      if (kind === 'border') {
        fg = g.parse(cs.borderLeftColor);
        bg = g.background(el.parentElement);
      } else {
        bg = g.background(el);
        fg = g.parse(cs.color);
        // Placeholder text and text in an input: use its colour; svg icons follow color.
      }
      fg = g.over(fg, bg);
      const ratio = g.contrast(fg, bg);
      if (ratio < min) out.push({what, sel: g.describe(el), fg: g.hex(fg), bg: g.hex(bg), ratio, min});
      if (n >= 12) break;
    }
    // The search placeholder text, when there is a search box.
    if (sel === '.md-search__input') {
      const input = document.querySelector('.md-search__input');
      if (input && input.getClientRects().length && getComputedStyle(input).visibility === 'visible') {
        const bg = g.background(input);
        const raw = g.parse(getComputedStyle(input, '::placeholder').color);
        const ph = g.over(raw, bg);
        const ratio = g.contrast(ph, bg);
        // Material hides the placeholder (fully transparent) while search
        // is open; there is no text to read then.
        if (raw[3] > 0 && ratio < 4.5) out.push({what: 'search placeholder', sel: 'input.md-search__input::placeholder',
                                   fg: g.hex(ph), bg: g.hex(bg), ratio, min: 4.5});
      }
    }
  }
  document.getElementById('guide-sample').remove();
  return out;
}
