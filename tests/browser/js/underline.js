() => [...document.querySelectorAll('article a[href]')]
  // Permalink marks and the edit button are icons, not links in running text;
  // buttons have their own border.
  .filter(a => !a.matches('.headerlink, .md-button, .md-content__button, .footnote-backref'))
  .filter(a => a.textContent.trim() && a.getClientRects().length)
  .filter(a => !getComputedStyle(a).textDecorationLine.includes('underline'))
  .map(a => window.__guide.describe(a))
