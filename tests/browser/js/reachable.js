() => {
  // Controls a keyboard user should be able to reach: shown, enabled,
  // not taken out of the Tab order on purpose.
  const out = [];
  const seenRadio = new Set();
  for (const el of document.querySelectorAll(
      'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])')) {
    if (el.disabled || el.getAttribute('tabindex') === '-1') continue;
    if (el.closest('[inert], [hidden], [aria-hidden="true"]')) continue;
    // Material's toggles: checkboxes driven by their labels.
    if (el.matches('input.md-toggle, input.md-nav__toggle')) continue;
    if (el.type === 'radio' && el.name) {
      const group = document.querySelectorAll(`input[type=radio][name="${el.name}"]`);
      const chosen = [...group].find(r => r.checked) || group[0];
      if (el !== chosen) continue;
    }
    const cs = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    const shown = cs.visibility === 'visible' && cs.display !== 'none' && el.getClientRects().length > 0;
    const tiny = r.width === 0 && r.height === 0 && !(el.tagName === 'INPUT' && el.nextElementSibling);
    if (!shown || tiny) continue;
    // Off-screen until focused (the skip link) still counts.
    out.push(window.__guide.describe(el) + '|' + (el.dataset.guideWalk || ''));
  }
  return out;
}
