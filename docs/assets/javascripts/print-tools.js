/* Print this page and Large print: the two buttons above each page title
   (overrides/guide/before-content.html).

   They start hidden, so without JavaScript no button shows that cannot
   work. Large print is a switch (aria-pressed) that sets the class
   large-print on <html> and is saved in localStorage;
   overrides/guide/head-large-print.html applies it before the page paints. */
(function () {
  "use strict";

  var KEY = "guide-large-print";
  var root = document.documentElement;
  var working = new WeakSet();

  function saveLargePrint(on) {
    try {
      if (on) window.localStorage.setItem(KEY, "on");
      else window.localStorage.removeItem(KEY);
    } catch (error) { /* Private mode: the choice lasts for this page only. */ }
  }

  /* The QR code in the print header is a lazy image that loads only for
     print. */
  function printHeaderCode() {
    return document.querySelector("img.print-header__qr");
  }

  /* Print this page: load the QR code, then print. */
  function printPage() {
    var qr = printHeaderCode();
    if (!qr || qr.complete && qr.naturalWidth) {
      window.print();
      return;
    }
    qr.loading = "eager";
    qr.decode().catch(function () {}).then(function () { window.print(); });
  }

  /* Large print: switch it, show the switch's state, remember it. */
  function toggleLargePrint(button) {
    var on = !root.classList.contains("large-print");
    root.classList.toggle("large-print", on);
    button.setAttribute("aria-pressed", String(on));
    saveLargePrint(on);
  }

  function startPrintTools() {
    document.querySelectorAll("[data-print-tools]").forEach(function (tools) {
      if (working.has(tools)) return;
      working.add(tools);
      var print = tools.querySelector("[data-print-page]");
      var large = tools.querySelector("[data-large-print]");
      if (print) print.addEventListener("click", printPage);
      if (large) {
        large.setAttribute("aria-pressed", String(root.classList.contains("large-print")));
        large.addEventListener("click", function () { toggleLargePrint(large); });
      }
      tools.hidden = false;
    });
  }

  /* Browsers that do not load lazy images when printing from their own
     menu get the QR code loaded as printing starts. */
  window.addEventListener("beforeprint", function () {
    var qr = printHeaderCode();
    if (qr) qr.loading = "eager";
  });

  document$.subscribe(startPrintTools);
})();
