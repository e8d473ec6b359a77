// Search on first use.
//
// Material for MkDocs 9 fetches search/search_index.json and starts its
// search worker as soon as a page loads, and has no setting to wait. Few
// readers search, so this script holds both back until a reader shows they
// want to search, then lets Material carry on as if nothing had happened.
// Material does all the searching itself.
//
// Written against mkdocs-material 9.8.2 (requirements.txt). It relies on
// three things the bundle does (src/templates/assets/javascripts/ in
// Material's source):
//   1. bundle.ts, fetchSearchIndex(): the index is loaded with
//      XMLHttpRequest from new URL("search/search_index.json", config.base);
//   2. browser/worker: the worker is started with new Worker(config.search),
//      and Material only calls postMessage() and listens for "message";
//   3. the query only goes to the worker after the index is in, so a worker
//      that starts late misses nothing.
// tests/browser/test_search_on_demand.py checks all three in the installed
// bundle and in a browser, and fails if an upgrade changes them. The patch
// list (guide_core/patches.py) names this script.
//
// Intent to search: focus in the search form, a press or click on the
// search button, a change of the search toggle, or Material's shortcuts
// (/, s and f). An address with ?q= (open search with words) or ?h=
// (highlight words from a result) loads at once, as without this script.
//
// Each language has its own index (hooks/languages.py splits Material's):
// on a Welsh page the request for the index goes to
// cy/search/search_index.json instead, also with ?q= or ?h=.
//
// overrides/main.html loads this file without defer, before Material's
// bundle, so it runs first. It comes from the site itself, so the content
// security policy's 'self' allows it.
(function () {
  "use strict";

  var configTag = document.getElementById("__config");
  var form = document.forms.namedItem("search");
  var RealWorker = window.Worker;
  var params = new URLSearchParams(location.search);
  var here = location.href;
  var script = document.currentScript;
  var folder = (script && script.getAttribute("data-search-folder")) || "";
  if (!configTag || !form || !RealWorker || location.protocol === "file:") {
    return;
  }
  var config;
  try {
    config = JSON.parse(configTag.textContent);
  } catch (error) {
    return;
  }

  var workerAddress = new URL(config.search, here).href;
  var base = new URL(config.base, here);
  var indexAddress = new URL("search/search_index.json", base).href;
  var ownIndex = new URL(folder + "search/search_index.json", base).href;
  var started = params.has("q") || params.has("h");
  var waiting = [];

  // Runs once, on the first sign of intent, and runs what waits.
  function start() {
    if (!started) {
      started = true;
      waiting.splice(0).forEach(function (run) { run(); });
    }
  }

  function later(run) {
    if (started) {
      run();
    } else {
      waiting.push(run);
    }
  }

  // XMLHttpRequest: a request opened for the index is sent only after intent.
  var request = XMLHttpRequest.prototype;
  var open = request.open;
  var send = request.send;
  request.open = function (method, url) {
    var args = Array.prototype.slice.call(arguments);
    this.guideSearchIndex = new URL(String(url), here).href === indexAddress;
    if (this.guideSearchIndex) {
      args[1] = ownIndex;
    }
    return open.apply(this, args);
  };
  request.send = function () {
    var xhr = this;
    var args = arguments;
    if (!xhr.guideSearchIndex || started) {
      return send.apply(xhr, args);
    }
    later(function () { send.apply(xhr, args); });
  };

  // With ?q= or ?h= search loads at once: only the index address changes.
  if (started) {
    return;
  }

  // Worker: for config.search a stand-in is returned at once. It keeps the
  // messages posted to it and, once started, makes the real worker, passes
  // its "message" events on and sends what it kept.
  window.Worker = function (url, options) {
    if (new URL(String(url), here).href !== workerAddress) {
      return new RealWorker(url, options);
    }
    var standIn = new EventTarget();
    var worker = null;
    var kept = [];
    standIn.postMessage = function (message) {
      if (worker) {
        worker.postMessage(message);
      } else if (kept) {
        kept.push(message);
      }
    };
    standIn.terminate = function () {
      if (worker) {
        worker.terminate();
      }
      kept = null;
    };
    later(function () {
      if (!kept) {
        return;
      }
      worker = new RealWorker(url, options);
      worker.addEventListener("message", function (event) {
        standIn.dispatchEvent(new MessageEvent("message", { data: event.data }));
      });
      kept.splice(0).forEach(function (message) { worker.postMessage(message); });
      kept = null;
    });
    return standIn;
  };
  window.Worker.prototype = RealWorker.prototype;

  // The signs of intent.
  form.addEventListener("focusin", start);
  form.addEventListener("pointerdown", start);
  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest('label[for="__search"]')) {
      start();
    }
  });
  var toggle = document.getElementById("__search");
  if (toggle) {
    toggle.addEventListener("change", start);
  }
  document.addEventListener("keydown", function (event) {
    if (/^[/sf]$/i.test(event.key) && !event.ctrlKey && !event.metaKey && !event.altKey) {
      start();
    }
  });
})();
