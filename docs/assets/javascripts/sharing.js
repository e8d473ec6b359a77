/* Sharing: a "copy link" button beside each heading, and the copy buttons
   of the share box at the end of each page (overrides/guide/after-content.html).

   Material does the copying. Its bundle copies the text of any element
   with data-clipboard-text when it is clicked (its clipboard integration,
   assets/javascripts/integrations/clipboard), puts focus back on the
   button, and shows its alert, "Copied to clipboard". material-fixes.js
   says that alert to screen readers too.

   The buttons show only where Material can copy, so no button shows that
   cannot work. Without JavaScript the ¶ links beside the headings still
   work and the share box still shows its text. */
(function () {
  "use strict";

  /* Material copies only where the browser can (ClipboardJS.isSupported,
     which Material asks before it sets up copying). */
  function materialCanCopy() {
    return typeof document.queryCommandSupported === "function" &&
      document.queryCommandSupported("copy") && document.queryCommandSupported("cut");
  }

  /* The page's published address: its canonical address, or where it is. */
  function pageAddress() {
    var canonical = document.querySelector('link[rel="canonical"]');
    return canonical ? canonical.href : window.location.href.split("#")[0];
  }

  /* A copy-link button beside each heading's ¶ permalink. It copies the
     section's full published address (the page title's button copies the
     page's). */
  function addCopyLinkButtons() {
    var address = pageAddress();
    document.querySelectorAll(".md-content article .headerlink").forEach(function (link) {
      var heading = link.parentElement;
      if (!heading || !heading.id || !/^H[1-6]$/.test(heading.tagName)) return;
      if (heading.querySelector(":scope > .section-link-copy")) return;
      var isTitle = heading.tagName === "H1";
      var name = isTitle ? "Copy link to this page" : "Copy link to this section";
      var button = document.createElement("button");
      button.type = "button";
      button.className = "section-link-copy no-print";
      button.setAttribute("data-clipboard-text", isTitle ? address : address + "#" + heading.id);
      button.setAttribute("aria-label", name);
      button.title = name;
      link.insertAdjacentElement("afterend", button);
    });
  }

  /* The share box's buttons carry their text in data-clipboard-text from
     the build; they start hidden until copying can work. */
  function showShareBoxButtons() {
    var actions = document.querySelector("[data-share-box] [data-share-actions]");
    if (actions) actions.hidden = false;
  }

  /* A tick on the button for a moment after a copy. Material puts focus
     back on the button it copied for before it sends its alert. */
  function markCopiedButton() {
    var button = document.activeElement;
    if (!button || !button.matches(".section-link-copy, .share-box__button")) return;
    button.classList.add("is-copied");
    window.setTimeout(function () { button.classList.remove("is-copied"); }, 2000);
  }

  if (!materialCanCopy()) return;
  alert$.subscribe(markCopiedButton);
  document$.subscribe(function () {
    addCopyLinkButtons();
    showShareBoxButtons();
  });
})();
