/* "Is this co-production?" self-check, on pages whose front matter says
 * `selfcheck: true`.
 *
 * The points, gates and bands live in docs/self-check.yml. The build turns
 * that file into the page's questions and paper scoring key, and into a
 * JSON block on the same page (<script type="application/json"
 * id="self-check-data">), which this script reads. So the page, the script
 * and the tests all use the same rules, and the data costs no request.
 *
 * Without this script the page is a paper self-check: questions with
 * lettered answers, then a scoring key. With it, each question becomes a
 * fieldset of radio buttons. Staff and partners can each answer (one set at
 * a time, so neither sees the other's choices). The answers do not show their
 * level until the reader asks for the result. The result is a profile,
 * question by question, with where staff and partners disagree first, gates
 * that cap the result, and what to change. Nothing is saved or sent.
 */
/* global module */
(function () {
  "use strict";

  var GROUPS = [
    { id: "staff", name: say("self_check_staff", "Staff"), label: say("self_check_staff", "Staff") },
    { id: "partners", name: say("self_check_partners", "Partners"),
      label: say("self_check_partners_label", "Partners with lived experience") },
  ];

  /* The page's words (guide-tools.js, GuideStrings, from includes/strings/), or the English given. */
  function say(key, english, fill) {
    if (typeof window !== "undefined" && window.GuideStrings) return window.GuideStrings.say(key, english, fill);
    Object.keys(fill || {}).forEach(function (name) { english = english.split("{" + name + "}").join(String(fill[name])); });
    return english;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function words(node) {
    var copy = node.cloneNode(true);
    copy.querySelectorAll(".headerlink, .md-clipboard, .heading-copy").forEach(function (n) { n.remove(); });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  // Score one group's answers: {questionId: answer index, or "unsure"}.
  // This is the one place the scoring rules are applied; the rules
  // themselves (points, bands, gates) are data, from docs/self-check.yml.
  // The result is the band the total falls in, or the lowest cap of any
  // gate, if that is lower. A gate with `cap: "answer"` caps the result at
  // the level of the answer to its question; another gate caps it at its
  // `cap` when the answer is one of its `fails`. "Not sure" on a gate's
  // question caps at its `unsure_cap`.
  function score(data, answers) {
    var order = data.levels.map(function (l) { return l.id; });
    var total = 0;
    var levelOf = {};
    data.questions.forEach(function (q) {
      var a = answers[q.id];
      if (a === "unsure") {
        levelOf[q.id] = null;
        total += data.not_sure.points;
      } else {
        levelOf[q.id] = q.answers[a].level;
        total += data.levels[order.indexOf(q.answers[a].level)].points;
      }
    });
    var band = data.bands.filter(function (b) { return b.from <= total && total <= b.to; })[0].level;
    var level = band;
    var capped = [];
    data.gates.forEach(function (gate) {
      var got = levelOf[gate.question];
      var cap;
      if (got === null) cap = gate.unsure_cap;
      else if (gate.cap === "answer") cap = got;
      else if (gate.fails.indexOf(got) !== -1) cap = gate.cap;
      else return;
      if (order.indexOf(cap) < order.indexOf(band)) {
        capped.push({ gate: gate, cap: cap, unsure: got === null });
      }
      if (order.indexOf(cap) < order.indexOf(level)) level = cap;
    });
    return { total: total, band: band, level: level, capped: capped, levelOf: levelOf };
  }

  // In Node (the tests), hand over the scoring and stop: there is no page.
  if (typeof module === "object" && module.exports) {
    module.exports = { score: score };
    return;
  }

  function setUp(data) {
    var source = document.querySelector("article .self-check");
    if (!source) return;
    var order = data.levels.map(function (l) { return l.id; });
    var nameOf = {};
    data.levels.forEach(function (l) { nameOf[l.id] = l.name; });
    var store = { staff: {}, partners: {} };
    var current = "staff";
    var questions = [];

    var form = el("form", "self-check-form");
    form.setAttribute("novalidate", "");
    form.setAttribute("aria-label", say("self_check_form", "Self-check"));
    source.parentNode.insertBefore(form, source);

    // Who is answering now.
    var who = el("fieldset", "self-check-who");
    var whoLegend = el("legend", "", say("self_check_who", "Who is answering now?"));
    who.appendChild(whoLegend);
    var whoNote = el("p", "self-check-who__note",
      say("self_check_who_note", "Staff and partners can each answer. Answer as staff, then choose partners and " +
        "hand over. The answers are kept apart, so partners do not see what staff chose."));
    whoNote.id = "self-check-who-note";
    who.setAttribute("aria-describedby", whoNote.id);
    who.appendChild(whoNote);
    var whoInputs = GROUPS.map(function (group) {
      var option = el("div", "self-check-option");
      var input = el("input");
      input.type = "radio";
      input.name = "self-check-who";
      input.id = "self-check-who-" + group.id;
      input.value = group.id;
      input.checked = group.id === current;
      var label = el("label", "", group.label);
      label.htmlFor = input.id;
      option.appendChild(input);
      option.appendChild(label);
      who.appendChild(option);
      return input;
    });
    var status = el("p", "self-check-status");
    status.setAttribute("aria-live", "polite");
    status.id = "self-check-status";
    form.appendChild(who);
    form.appendChild(status);
    form.appendChild(source);

    data.questions.forEach(function (q, n) {
      var heading = document.getElementById(q.id);
      var list = heading && heading.nextElementSibling;
      if (!list || list.tagName !== "UL" || list.children.length !== q.answers.length + 1) return;
      var fieldset = el("fieldset", "self-check-question");
      var legend = el("legend");
      heading.parentNode.insertBefore(fieldset, heading);
      // A question's ¶ permalink and copy-link button would add 2 Tab stops
      // before every set of answers. Its address (#q-...) still works.
      heading.querySelectorAll(".headerlink, .section-link-copy").forEach(function (n) { n.remove(); });
      legend.appendChild(heading);
      fieldset.appendChild(legend);
      var name = "self-check-" + q.id;
      var inputs = Array.prototype.map.call(list.children, function (item, a) {
        var value = a < q.answers.length ? String(a) : "unsure";
        var option = el("div", "self-check-option" + (value === "unsure" ? " self-check-option--unsure" : ""));
        var input = el("input");
        input.type = "radio";
        input.name = name;
        input.id = name + "-" + value;
        input.value = value;
        var label = el("label", "", words(item));
        label.htmlFor = input.id;
        option.appendChild(input);
        option.appendChild(label);
        fieldset.appendChild(option);
        return input;
      });
      list.remove();
      var change = document.getElementById("change-" + q.id);
      questions.push({ data: q, number: n + 1, heading: heading, inputs: inputs, change: change });
    });
    if (questions.length !== data.questions.length) {
      // The page and the data disagree: leave the paper version as it is.
      form.parentNode.insertBefore(source, form);
      form.remove();
      return;
    }

    // The paper scoring key would give the levels away while answering.
    var key = document.querySelector("article .self-check-key");
    if (key) {
      key.id = key.id || "self-check-key";
      key.classList.add("self-check-key--folded");
      var toggle = el("button", "md-button", say("self_check_show_key", "Show the scoring key"));
      toggle.type = "button";
      toggle.setAttribute("aria-expanded", "false");
      toggle.setAttribute("aria-controls", key.id);
      var keyNote = el("p", "self-check-key-note",
        say("self_check_key_note", "The key is folded away so it does not sway your answers. It still prints with the page."));
      key.parentNode.insertBefore(keyNote, key);
      key.parentNode.insertBefore(toggle, key);
      toggle.addEventListener("click", function () {
        var open = key.classList.toggle("self-check-key--folded") === false;
        toggle.setAttribute("aria-expanded", String(open));
        toggle.textContent = open ? say("self_check_hide_key", "Hide the scoring key")
          : say("self_check_show_key", "Show the scoring key");
      });
    }

    var actions = el("div", "self-check-actions");
    var show = el("button", "md-button md-button--primary", say("self_check_show", "Show the result"));
    show.type = "submit";
    var reset = el("button", "md-button", say("self_check_clear", "Clear all answers"));
    reset.type = "reset";
    actions.appendChild(show);
    actions.appendChild(reset);
    form.appendChild(actions);
    var result = el("section", "self-check-result");
    result.id = "self-check-result";
    result.setAttribute("aria-labelledby", "self-check-result-title");
    result.hidden = true;
    form.appendChild(result);

    function answered(group) {
      return questions.filter(function (q) { return store[group][q.data.id] !== undefined; }).length;
    }

    function groupName(id) {
      return GROUPS.filter(function (g) { return g.id === id; })[0].name;
    }

    function showGroup(group, announce) {
      current = group;
      whoInputs.forEach(function (input) { input.checked = input.value === group; });
      questions.forEach(function (q) {
        q.inputs.forEach(function (input) { input.checked = String(store[group][q.data.id]) === input.value; });
      });
      if (announce) {
        status.textContent = say("self_check_now_answering", "Now answering as {WHO}. {DONE} of {ALL} questions answered.",
          { WHO: groupName(group).toLowerCase(), DONE: answered(group), ALL: questions.length });
      }
    }

    form.addEventListener("change", function (event) {
      var input = event.target;
      if (input.name === "self-check-who") {
        showGroup(input.value, true);
        return;
      }
      questions.forEach(function (q) {
        if (q.inputs.indexOf(input) !== -1) {
          store[current][q.data.id] = input.value === "unsure" ? "unsure" : Number(input.value);
          // A result on screen (or on paper) must never be for other answers.
          if (!result.hidden) {
            result.hidden = true;
            result.textContent = "";
            status.textContent = say("self_check_cleared_by_change", "You changed an answer, so the result was cleared. " +
              "Choose \u201cShow the result\u201d to see it again.");
          }
        }
      });
    });

    // Enter on an answer does nothing: it must not send the form (and jump
    // to the result) half way through. The buttons still work by keyboard.
    form.addEventListener("keydown", function (event) {
      var input = event.target;
      if (event.key === "Enter" && input.tagName === "INPUT" && input.type === "radio") {
        event.preventDefault();
      }
    });

    function showProblem(group, missing) {
      result.className = "self-check-result self-check-result--problem";
      var title = el("h2", "", say("self_check_answer_every", "Answer every question to see the result"));
      result.appendChild(title);
      result.appendChild(el("p", "", say("self_check_still_to_answer",
        "{WHO} still need to answer these. If you do not know, choose \u201cNot sure\u201d.", { WHO: groupName(group) })));
      var list = el("ul");
      missing.forEach(function (q) {
        var item = el("li");
        var link = el("a", "", q.number + ". " + q.data.question);
        link.href = "#" + q.inputs[0].id;
        link.addEventListener("click", function (event) {
          event.preventDefault();
          if (current !== group) showGroup(group, true);
          q.inputs[0].focus();
        });
        item.appendChild(link);
        list.appendChild(item);
      });
      result.appendChild(list);
      status.textContent = say("self_check_left", "{WHO} have {LEFT} questions left to answer.",
        { WHO: groupName(group), LEFT: missing.length });
      return title;
    }

    function answerText(q, a) {
      return a === "unsure" ? data.not_sure.label : q.data.answers[a].text;
    }

    function levelText(q, a) {
      return a === "unsure" ? data.not_sure.label : nameOf[q.data.answers[a].level];
    }

    function rank(q, a) {
      return a === "unsure" ? -1 : order.indexOf(q.data.answers[a].level);
    }

    function showResult(groups) {
      var scores = {};
      groups.forEach(function (g) { scores[g] = score(data, store[g]); });
      var both = groups.length === 2;
      result.className = "self-check-result";
      var title = el("h2", "", say("self_check_your_result", "Your result"));
      result.appendChild(title);

      // Where the work sits, for each group, side by side.
      var table = el("table", "self-check-summary");
      var head = el("tr");
      head.appendChild(el("td"));
      groups.forEach(function (g) {
        var th = el("th", "", groupName(g));
        th.scope = "col";
        head.appendChild(th);
      });
      var thead = el("thead");
      thead.appendChild(head);
      table.appendChild(thead);
      var tbody = el("tbody");
      [[say("self_check_where", "Where the work sits"), function (s) {
        return nameOf[s.level] + (s.capped.length ? " " + say("self_check_capped_mark", "(capped)") : "");
      }],
       [say("self_check_points", "Points"), function (s) {
         return say("self_check_points_of", "{POINTS} out of {MOST}", { POINTS: s.total, MOST: data.most });
       }],
       [say("self_check_total_alone", "The total alone would say"), function (s) { return nameOf[s.band]; }]
      ].forEach(function (row) {
        var tr = el("tr");
        var th = el("th", "", row[0]);
        th.scope = "row";
        tr.appendChild(th);
        groups.forEach(function (g) { tr.appendChild(el("td", "", row[1](scores[g]))); });
        tbody.appendChild(tr);
      });
      table.appendChild(tbody);
      result.appendChild(table);

      // Gates: why a result is capped.
      var caps = [];
      groups.forEach(function (g) {
        scores[g].capped.forEach(function (c) {
          var same = caps.filter(function (x) {
            return x.gate === c.gate && x.unsure === c.unsure && x.cap === c.cap;
          })[0];
          if (same) same.groups.push(g); else caps.push({ gate: c.gate, cap: c.cap, unsure: c.unsure, groups: [g] });
        });
      });
      if (caps.length) {
        result.appendChild(el("h3", "", say("self_check_why_capped", "Why the result is capped")));
        var capList = el("ul", "self-check-result__caps");
        caps.forEach(function (c) {
          var item = el("li");
          item.appendChild(el("strong", "", say("self_check_cap", "{GATE} ({WHO}): no higher than {LEVEL}. ",
            { GATE: c.gate.name, WHO: c.groups.map(groupName).join(say("self_check_and", " and ")), LEVEL: nameOf[c.cap] })));
          item.appendChild(document.createTextNode(c.unsure ? c.gate.unsure : c.gate.reason));
          capList.appendChild(item);
        });
        result.appendChild(capList);
      }
      result.appendChild(el("p", "self-check-result__honest",
        say("self_check_honest", "This result is a prompt for talking, not a measure. It is adapted from the ladder " +
          "of co-production and has not been tested for how well it measures.")));

      // Question by question: disagreements first, then lowest answers.
      var rows = questions.map(function (q) {
        var picks = groups.map(function (g) { return store[g][q.data.id]; });
        var ranks = picks.map(function (a) { return rank(q, a); });
        return { q: q, picks: picks, low: Math.min.apply(null, ranks),
                 disagree: both && ranks[0] !== ranks[1] };
      });
      rows.sort(function (a, b) {
        if (a.disagree !== b.disagree) return a.disagree ? -1 : 1;
        if (a.low !== b.low) return a.low - b.low;
        return a.q.number - b.q.number;
      });
      var disagreements = rows.filter(function (r) { return r.disagree; }).length;
      result.appendChild(el("h3", "", say("self_check_by_question", "Question by question")));
      result.appendChild(el("p", "", both
        ? say("self_check_order_both", "Where staff and partners disagree comes first. Talk about these before " +
          "anything else. Then come the lowest answers.")
        : say("self_check_order_one", "The lowest answers come first. Ask partners to answer too, and compare.")));
      var profile = el("ol", "self-check-profile");
      rows.forEach(function (row) {
        var q = row.q;
        var item = el("li", "self-check-profile__item");
        item.dataset.question = q.data.id;
        item.appendChild(el("h4", "", q.number + ". " + q.data.question));
        if (row.disagree) {
          item.classList.add("self-check-profile__item--disagree");
          item.appendChild(el("p", "self-check-profile__flag", say("self_check_disagree_here", "Staff and partners disagree here.")));
        }
        var pair = el("div", "self-check-pair");
        groups.forEach(function (g, i) {
          var a = row.picks[i];
          var cell = el("div", "self-check-pair__answer");
          cell.appendChild(el("p", "self-check-pair__who", groupName(g) + ": " + levelText(q, a)));
          cell.appendChild(el("p", "", a === "unsure" ? data.not_sure.advice
            : "\u201c" + answerText(q, a) + "\u201d " + q.data.answers[a].why));
          pair.appendChild(cell);
        });
        item.appendChild(pair);
        caps.forEach(function (c) {
          if (c.gate.question !== q.data.id) return;
          item.appendChild(el("p", "self-check-profile__gate",
            say("self_check_gate", "{GATE}: the result can be no higher than {LEVEL}.", {
              GATE: c.gate.name + (both ? " (" + c.groups.map(groupName).join(say("self_check_and", " and ")) + ")" : ""),
              LEVEL: nameOf[c.cap] })));
        });
        if (row.low === order.length - 1 && !row.disagree) {
          item.appendChild(el("p", "", say("self_check_top", "This is co-production. Keep checking it as the work goes on.")));
        } else if (q.change) {
          var change = el("div", "self-check-profile__change");
          var lead = el("p");
          lead.appendChild(el("strong", "", say("self_check_what_to_change", "What to change: ")));
          change.appendChild(lead);
          Array.prototype.forEach.call(q.change.querySelectorAll("p"), function (p) {
            var copy = p.cloneNode(true);
            var strong = copy.querySelector("strong");
            if (strong) strong.remove();
            while (copy.firstChild) lead.appendChild(copy.firstChild);
          });
          item.appendChild(change);
        }
        profile.appendChild(item);
      });
      result.appendChild(profile);

      status.textContent = say("self_check_ready", "Result ready.") + " " + groups.map(function (g) {
        return say("self_check_ready_group", "{WHO}: {LEVEL}.", { WHO: groupName(g),
          LEVEL: nameOf[scores[g].level] + (scores[g].capped.length ? say("self_check_capped_status", ", capped") : "") });
      }).join(" ") + (both ? " " + say("self_check_disagree_count", "Staff and partners disagree on {N} of {ALL} questions.",
        { N: disagreements, ALL: questions.length }) : "");
      return title;
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      result.textContent = "";
      var started = GROUPS.map(function (g) { return g.id; }).filter(function (g) { return answered(g) > 0; });
      var title;
      var incomplete = started.filter(function (g) { return answered(g) < questions.length; })[0];
      if (!started.length || incomplete) {
        var group = incomplete || current;
        title = showProblem(group, questions.filter(function (q) { return store[group][q.data.id] === undefined; }));
      } else {
        title = showResult(started);
      }
      result.hidden = false;
      title.id = "self-check-result-title";
      title.tabIndex = -1;
      title.focus();
    });

    form.addEventListener("reset", function (event) {
      event.preventDefault();
      store = { staff: {}, partners: {} };
      showGroup("staff", false);
      result.hidden = true;
      result.textContent = "";
      status.textContent = say("self_check_all_cleared", "All answers cleared. Now answering as staff.");
      questions[0].inputs[0].focus();
    });
  }

  function start() {
    var block = document.getElementById("self-check-data");
    if (!block || !document.querySelector("article .self-check")) return;
    var data;
    try {
      data = JSON.parse(block.textContent);
    } catch (error) {
      return; // Keep the paper version: it works on its own.
    }
    setUp(data);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
