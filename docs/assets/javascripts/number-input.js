/* How the guide's tools read a number someone typed: one small parser for
 * each kind of input, with its rules written once (RULES), to show the reader.
 *
 *   GuideNumbers.parse("12.50", "money", 10000) -> {value: 1250n}  (pence)
 *   GuideNumbers.parse("1.5", "hours", 24)      -> {value: 150n}   (hundredths)
 *   GuideNumbers.parse("6", "count", 1000)      -> {value: 6n}
 *   GuideNumbers.parse("12 50", "money", 10000) -> {error: "..."}
 *   GuideNumbers.parse("", "count", 1000)       -> {empty: true, error: "..."}
 *
 * Values are BigInt, so sums are exact: no floating point anywhere. A space
 * or line break inside a number is refused, never dropped: "12 50" could be
 * 12.50 or 1250, and "1 2" is not 12. "12." and ".5" are numbers.
 */
(function () {
  "use strict";

  // Each kind: its scale (units of one), its example and how many decimals.
  var KINDS = {
    count: { scale: 1n, decimals: 0, example: "6", what: "a whole number, such as 6" },
    hours: { scale: 100n, decimals: 2, example: "1.5", what: "a number of hours, such as 2 or 1.5" },
    money: { scale: 100n, decimals: 2, example: "12.50", what: "an amount in pounds, such as 25 or 12.50" }
  };
  var RULES = "Use numbers like 12.50 or 6: digits, with a point for pence or part of an hour. " +
    "A £ sign and commas between thousands are fine. Do not put spaces inside a number.";

  function formatWhole(whole) {
    return whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  }

  function parse(raw, kind, max) {
    var rule = KINDS[kind];
    var text = String(raw).trim();
    if (!text) return { empty: true, error: "Enter " + rule.what + ". Enter 0 if it does not apply." };
    if (/\s/.test(text)) {
      return { error: "“" + text.replace(/\s+/g, " ") + "” has a space in it. Enter one number, such as " + rule.example + "." };
    }
    if (kind === "money") text = text.replace(/^£/, "");
    if (/^[-\u2212]/.test(text)) return { error: "Enter 0 or more. The number cannot be negative." };
    if (/^\d{1,3}(,\d{3})+(\.\d*)?$/.test(text)) text = text.replace(/,/g, "");
    var match = /^(\d*)(?:\.(\d*))?$/.exec(text);
    if (!match || !/\d/.test(text)) return { error: "“" + String(raw).trim() + "” is not a number. Enter " + rule.what + "." };
    var decimals = (match[2] || "").replace(/0+$/, "");
    if (decimals.length > rule.decimals) {
      return { error: rule.decimals ? "Use no more than 2 decimal places." : "Enter a whole number, such as 6." };
    }
    var value = BigInt(match[1] || "0") * rule.scale;
    if (rule.decimals) value += BigInt((decimals + "00").slice(0, 2));
    if (max !== undefined && value > BigInt(max) * rule.scale) {
      var limit = (kind === "money" ? "£" : "") + formatWhole(BigInt(max));
      return { error: "That is more than " + limit + ", which looks like a mistake. Check the number." };
    }
    return { value: value };
  }

  window.GuideNumbers = { KINDS: KINDS, RULES: RULES, parse: parse, formatWhole: formatWhole };
})();
