/* The "Clear everything this guide saved" button on the privacy page
 * (front matter `clear_saved: true`).
 *
 * It removes only the guide's own records from this browser, never other
 * sites' records that share the address (github.io pages of one account
 * share storage):
 *   - keys that start "co-production-guide:" (checklist ticks, and any
 *     tool that follows this rule; see CONTRIBUTING.md);
 *   - "guide-large-print" (the Large print switch);
 *   - Material's keys, which start with the guide's own path, for example
 *     "/guide/.__palette" (light or dark) and "/guide/.__tabs".
 * The button's box starts hidden: without JavaScript the guide saves nothing.
 */
(function () {
  "use strict";

  var button = document.querySelector("[data-clear-saved]");
  var status = document.querySelector("[data-clear-status]");
  if (!button || !status) return;

  var config = document.getElementById("__config");
  var base = config ? JSON.parse(config.textContent).base : ".";
  var scope = new URL(base, window.location).pathname + ".";

  function isGuideKey(key) {
    return key.indexOf("co-production-guide:") === 0 ||
      key === "guide-large-print" ||
      key.indexOf(scope) === 0;
  }

  function clearStore(store) {
    var keys = [];
    for (var i = 0; i < store.length; i++) {
      if (isGuideKey(store.key(i))) keys.push(store.key(i));
    }
    keys.forEach(function (key) { store.removeItem(key); });
    return keys.length;
  }

  // The box starts hidden (not the button: Material's button style would
  // show it anyway).
  button.closest("[data-clear-saved-box]").hidden = false;
  button.addEventListener("click", function () {
    var count;
    try {
      count = clearStore(window.localStorage) + clearStore(window.sessionStorage);
    } catch (error) {
      status.textContent = "This browser blocks saved data, so the guide has saved nothing here.";
      return;
    }
    document.documentElement.classList.remove("large-print");
    // The colours follow the system again (overrides/guide/head-palette.html).
    document.dispatchEvent(new Event("guide:cleared"));
    document.querySelectorAll("[data-large-print]").forEach(function (switchButton) {
      switchButton.setAttribute("aria-pressed", "false");
    });
    status.textContent = count === 0
      ? "The guide had saved nothing in this browser."
      : "Done. The guide has removed everything it saved in this browser (" +
        count + (count === 1 ? " item" : " items") + ").";
  });
})();
