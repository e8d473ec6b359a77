// Stylelint for the guide's stylesheets in docs/assets/stylesheets/.
// ./guide test runs it (tests/unit/test_lint.py); run it alone with
//   tools/lint/node_modules/.bin/stylelint --config tools/lint/stylelint.config.mjs "docs/assets/stylesheets/*.css"
// The standard rules hold, except where a rule is switched off or eased below, each with its reason.
export default {
  extends: ["stylelint-config-standard"],
  rules: {
    // The stylesheets style Material's own markup, whose class names are BEM
    // (md-nav__link, md-nav--primary), not kebab-case.
    "selector-class-pattern": null,
    // Material's custom properties use the same BEM form (--md-default-fg-color--light).
    "custom-property-pattern": null,
    // Material's menu and table-of-contents toggles have ids such as #__drawer and #__toc.
    "selector-id-pattern": null,
    // Readers use old phones. Safari before 15.4 and Chrome before 120 read only
    // -webkit-mask and -webkit-mask-image, and Material sets the prefixed mask on
    // checkboxes, so the guide must undo it there too. Safari before 15.4 reads
    // only -webkit-appearance. Every other prefix is still reported.
    "property-no-vendor-prefix": [true, { ignoreProperties: ["mask", "mask-image", "appearance"] }],
    // Media queries mirror Material's breakpoints exactly as Material writes
    // them (max-width: 76.234375em). The range form (width <= ...) is ignored
    // by Safari before 16.4, so old phones would lose those rules.
    "media-feature-range-notation": "prefix",
    // Material's breakpoints need six decimals (76.234375em is 1219.75px).
    "number-max-precision": 6,
  },
};
