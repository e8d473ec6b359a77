/* The lightbox loads on first use (guide_core/lightbox.py puts this script
   on pages with an image to enlarge, in place of mkdocs-glightbox's own
   start-up script).

   When the reader first opens an image (mouse, touch, or Enter on the
   link), fetch the lightbox's stylesheet and script, start it with the
   plugin's own options, and open that image. On closing, focus goes back
   to the link. If the files cannot load, the link opens the image on its
   own. The addresses and options are in the page, in
   <script type="application/json" id="lightbox-setup">. */
/* global GLightbox */
(function () {
  "use strict";

  var block = document.getElementById("lightbox-setup");
  if (!block) return;
  var setup = JSON.parse(block.textContent);
  var lightbox = null, loading = false, opener = null;

  function fetchFile(tag, attributes) {
    return new Promise(function (resolve, reject) {
      var node = document.createElement(tag);
      Object.keys(attributes).forEach(function (name) { node[name] = attributes[name]; });
      node.onload = resolve;
      node.onerror = reject;
      document.head.appendChild(node);
    });
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.glightbox");
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    opener = link;
    if (lightbox) return;
    event.preventDefault();
    if (loading) return;
    loading = true;
    Promise.all([fetchFile("link", {rel: "stylesheet", href: setup.css}), fetchFile("script", {src: setup.js})])
      .then(function () {
        lightbox = GLightbox(setup.options);
        lightbox.on("close", function () { if (opener) opener.focus(); });
        lightbox.openAt(Array.prototype.indexOf.call(document.querySelectorAll("a.glightbox"), link));
      }, function () {
        window.location.href = link.href;
      });
  }, true);
})();
