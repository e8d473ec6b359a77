(selector) => {
  // After a copy button is pressed: Material's alert box shows its own
  // "copied" message (from the page's translations, so any language), the
  // polite live region says the same to screen readers, and the button
  // just pressed shows its tick.
  const config = JSON.parse(document.getElementById('__config').textContent);
  const want = config.translations['clipboard.copied'];
  const alert = document.querySelector('.md-dialog.md-dialog--active .md-dialog__inner');
  const status = document.querySelector('.copy-status[role=status][aria-live=polite]');
  const button = document.querySelector(selector);
  return !!want && !!alert && alert.textContent === want && !!status && status.textContent === want
    && !!button && button.classList.contains('is-copied');
}
