() => {
  const out = [];
  for (const svg of document.querySelectorAll('.twemoji svg, .md-icon svg, svg.md-icon, .md-icon')) {
    const el = svg.tagName.toLowerCase() === 'svg' ? svg : svg.querySelector('svg');
    if (!el) continue;
    if (el.closest('[aria-hidden="true"]')) continue;
    const control = el.closest('a, button, label, summary');
    if (control) {
      const name = (control.getAttribute('aria-label') || control.getAttribute('title') ||
                    control.textContent || '').trim();
      const labelled = control.getAttribute('aria-labelledby');
      if (name || labelled) continue;
      if (control.tagName === 'LABEL' && control.control && control.control.getAttribute('aria-label')) continue;
    }
    if (el.getAttribute('aria-label') || el.querySelector('title')) continue;
    out.push(window.__guide.describe(control || el.parentElement || el));
  }
  return [...new Set(out)];
}
