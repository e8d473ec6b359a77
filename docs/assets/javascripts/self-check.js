/* "Is this co-production?" self-check, on pages whose front matter says
 * `selfcheck: true`.
 *
 * The page is written as a readable list: each question is a heading in
 * div.self-check, followed by a list of answers. Each answer says "This is
 * <level>: ...". A paragraph with class self-check-next says what to change.
 * Without this script, that list is the self-check, on screen and on paper.
 *
 * This script turns each question into a fieldset of radio buttons (the
 * heading becomes the legend), adds a "Show my result" button, and shows
 * the result under it. Focus moves to the result heading, so screen readers
 * read it out. Nothing is saved or sent anywhere.
 *
 * Scoring, as explained on the page under "How the result is worked out":
 * each level is worth points (informing 0 ... co-production 4); the total
 * of all answers falls in a band that names where the work sits.
 */
(function () {
  "use strict";

  var LEVELS = ["informing", "consultation", "engagement", "co-design", "co-production"];
  var NAMES = ["Informing", "Consultation", "Engagement", "Co-design", "Co-production"];
  // Highest total for each level, for 7 questions (28 points):
  // 0-5, 6-11, 12-17, 18-23 and 24-28, as in the table on the page.
  var BANDS = [5, 11, 17, 23, 28];
  var LEVEL_PATTERN = /^\s*This is (informing|consultation|engagement|co-design|co-production)\b/i;

  function levelForTotal(total) {
    for (var i = 0; i < BANDS.length; i++) {
      if (total <= BANDS[i]) return i;
    }
    return LEVELS.length - 1;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  // Split an answer item into its answer (the bold words) and its meaning.
  function readAnswer(item) {
    var strong = item.querySelector("strong");
    var meaning = item.cloneNode(true);
    var lead = meaning.querySelector("strong");
    if (lead) lead.parentNode.removeChild(lead);
    var match = LEVEL_PATTERN.exec(meaning.textContent);
    if (!strong || !match) return null;
    return {
      answer: strong.textContent.trim(),
      meaning: meaning.textContent.trim(),
      points: LEVELS.indexOf(match[1].toLowerCase()),
    };
  }

  function setUp() {
    var source = document.querySelector("article .self-check");
    if (!source) return;
    var headings = source.querySelectorAll("h3");
    var questions = [];

    var form = el("form", "self-check-form");
    form.setAttribute("novalidate", "");
    form.setAttribute("aria-label", "Self-check");
    source.parentNode.insertBefore(form, source);
    form.appendChild(source);

    Array.prototype.forEach.call(headings, function (heading, q) {
      var list = heading.nextElementSibling;
      if (!list || list.tagName !== "UL") return;
      var next = list.nextElementSibling;
      if (!next || !next.classList.contains("self-check-next")) next = null;
      var answers = Array.prototype.map.call(list.children, readAnswer);
      if (answers.indexOf(null) !== -1) return;

      var fieldset = el("fieldset", "self-check-question");
      var legend = el("legend");
      heading.parentNode.insertBefore(fieldset, heading);
      legend.appendChild(heading);
      fieldset.appendChild(legend);
      var name = "self-check-" + (heading.id || q);
      var inputs = answers.map(function (answer, a) {
        var id = name + "-" + a;
        var option = el("div", "self-check-option");
        var input = el("input");
        input.type = "radio";
        input.name = name;
        input.id = id;
        input.value = String(answer.points);
        input.setAttribute("aria-describedby", id + "-meaning");
        var label = el("label", "", answer.answer);
        label.htmlFor = id;
        var meaning = el("span", "self-check-option__meaning", answer.meaning);
        meaning.id = id + "-meaning";
        option.appendChild(input);
        option.appendChild(label);
        option.appendChild(meaning);
        fieldset.appendChild(option);
        return input;
      });
      list.parentNode.removeChild(list);
      if (next) {
        next.hidden = true;
        fieldset.parentNode.insertBefore(next, fieldset.nextSibling);
      }
      questions.push({ heading: heading, answers: answers, inputs: inputs, next: next });
    });
    if (!questions.length) return;

    var actions = el("div", "self-check-actions");
    var show = el("button", "self-check-button", "Show my result");
    show.type = "submit";
    var reset = el("button", "self-check-button self-check-button--quiet", "Clear my answers");
    reset.type = "reset";
    actions.appendChild(show);
    actions.appendChild(reset);
    form.appendChild(actions);
    var result = el("div", "self-check-result");
    result.id = "self-check-result";
    result.hidden = true;
    form.appendChild(result);

    // The question's words, without its number or permalink.
    function questionText(question) {
      var copy = question.heading.cloneNode(true);
      copy.querySelectorAll(".headerlink").forEach(function (link) { link.remove(); });
      return copy.textContent.replace(/^\s*\d+\.\s*/, "").trim();
    }

    function showProblem(missing) {
      result.className = "self-check-result self-check-result--problem";
      var title = el("h2", "", "Answer every question to see your result");
      result.appendChild(title);
      result.appendChild(el("p", "", "You still need to answer:"));
      var list = el("ul");
      missing.forEach(function (question) {
        var item = el("li");
        var link = el("a", "", questionText(question));
        link.href = "#" + question.inputs[0].id;
        link.addEventListener("click", function (event) {
          event.preventDefault();
          question.inputs[0].focus();
        });
        item.appendChild(link);
        list.appendChild(item);
      });
      result.appendChild(list);
      return title;
    }

    function levelMeaning(level) {
      var heading = document.getElementById("level-" + LEVELS[level]);
      var parts = [];
      for (var node = heading && heading.nextElementSibling;
           node && node.tagName === "P"; node = node.nextElementSibling) {
        parts.push(node.cloneNode(true));
      }
      return parts;
    }

    function showResult(chosen) {
      var total = chosen.reduce(function (sum, c) { return sum + c.answer.points; }, 0);
      var most = questions.length * (LEVELS.length - 1);
      var level = levelForTotal(total);
      result.className = "self-check-result self-check-result--" + LEVELS[level];
      var title = el("h2", "", "Your result: " + NAMES[level]);
      result.appendChild(title);
      result.appendChild(el("p", "self-check-result__total",
        "Your answers add up to " + total + " out of " + most + " points. " +
        "That puts the work at the level of " + LEVELS[level] + "."));
      levelMeaning(level).forEach(function (part) { result.appendChild(part); });

      var weak = chosen.filter(function (c) { return c.answer.points < LEVELS.length - 1; });
      weak.sort(function (a, b) { return a.answer.points - b.answer.points; });
      if (!weak.length) {
        result.appendChild(el("p", "", "Every answer is co-production. Check again as the work goes on."));
        return title;
      }
      result.appendChild(el("h3", "", "What to change first"));
      result.appendChild(el("p", "",
        "These answers are worth less than 4 points. The lowest come first."));
      var list = el("ul", "self-check-result__changes");
      weak.forEach(function (c) {
        var item = el("li");
        item.appendChild(el("strong", "", questionText(c.question)));
        item.appendChild(el("p", "", "You chose: \u201c" + c.answer.answer + "\u201d " + c.answer.meaning));
        if (c.question.next) {
          var next = c.question.next.cloneNode(true);
          next.hidden = false;
          next.removeAttribute("id");
          item.appendChild(next);
        }
        list.appendChild(item);
      });
      result.appendChild(list);
      return title;
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      result.textContent = "";
      var chosen = [];
      var missing = [];
      questions.forEach(function (question) {
        var picked = question.inputs.filter(function (input) { return input.checked; })[0];
        if (picked) {
          chosen.push({ question: question, answer: question.answers[question.inputs.indexOf(picked)] });
        } else {
          missing.push(question);
        }
      });
      var title = missing.length ? showProblem(missing) : showResult(chosen);
      result.hidden = false;
      title.tabIndex = -1;
      title.focus();
    });

    form.addEventListener("reset", function () {
      result.hidden = true;
      result.textContent = "";
      questions[0].inputs[0].focus();
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
