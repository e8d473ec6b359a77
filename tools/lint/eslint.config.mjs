// ESLint for the guide's own scripts in docs/assets/javascripts/.
// ./guide test runs it (tests/unit/test_lint.py); run it alone with
//   tools/lint/node_modules/.bin/eslint -c tools/lint/eslint.config.mjs docs/assets/javascripts
import js from "@eslint/js";
import globals from "globals";

export default [
  js.configs.recommended,
  {
    files: ["**/*.js"],
    languageOptions: {
      // Plain scripts, loaded with <script defer>; no modules, no build step.
      sourceType: "script",
      ecmaVersion: 2020,
      globals: {
        ...globals.browser,
        // Material for MkDocs' bundle sets these: an observable of each page
        // load (instant navigation included), of the address, of its alert
        // box's messages, and of its "screen" breakpoint (the menu is a
        // sidebar at and above it, a drawer below it).
        document$: "readonly",
        location$: "readonly",
        alert$: "readonly",
        screen$: "readonly",
      },
    },
    rules: {
      // Each script wraps its code in one function, so unused top-level
      // names would be real mistakes; a caught error we do not read is not.
      "no-unused-vars": ["error", { caughtErrors: "none" }],
    },
  },
];
