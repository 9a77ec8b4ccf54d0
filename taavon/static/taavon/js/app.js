/*
 * Taavon page behaviour (vanilla JS, no build step).
 *
 * Load after vendor/htmx/htmx.min.js and vendor/jalalidatepicker/jalalidatepicker.min.js,
 * e.g. all three with `defer` in <head>, or at the end of <body>.
 *
 * - Jalali date picker on every <input data-jdp> (also inputs swapped in later by htmx).
 * - htmx sends Django's CSRF token from <meta name="csrf-token" content="..."> as X-CSRFToken.
 */
(function () {
  "use strict";

  var PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹";
  var ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩";

  /** Replace Persian/Arabic-Indic digits with ASCII digits. */
  function toAsciiDigits(value) {
    return String(value).replace(/[۰-۹٠-٩]/g, function (ch) {
      var i = PERSIAN_DIGITS.indexOf(ch);
      return String(i >= 0 ? i : ARABIC_DIGITS.indexOf(ch));
    });
  }

  function csrfToken() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute("content") : null;
  }

  /* Per-element setup for the picker inputs inside `root` (the page, or swapped content). */
  function prepareDateInputs(root) {
    if (!root || !root.querySelectorAll) return;
    var inputs = root.matches && root.matches("input[data-jdp]") ? [root] : [];
    inputs = inputs.concat(Array.prototype.slice.call(root.querySelectorAll("input[data-jdp]")));
    inputs.forEach(function (input) {
      // Browser autocomplete dropdowns would cover the picker.
      if (!input.hasAttribute("autocomplete")) input.setAttribute("autocomplete", "off");
      // Values are YYYY/MM/DD with ASCII digits (that is what the picker writes and parses).
      if (input.value) input.value = toAsciiDigits(input.value);
    });
  }

  function startDatePicker() {
    if (!window.jalaliDatepicker) return;
    // startWatch() installs delegated listeners on <body> (focusin on `selector`), so it must
    // run exactly once; inputs added later (htmx swaps) work without re-initialising.
    window.jalaliDatepicker.startWatch({
      selector: "input[data-jdp]",
      date: true,
      time: false,
      persianDigits: true, // display only; the input value keeps ASCII digits
      separatorChars: { date: "/", between: " ", time: ":" },
      showTodayBtn: true,
      showEmptyBtn: true,
      showCloseBtn: true,
      zIndex: 2000, // above Bootstrap modals (1055)
    });
  }

  /* Typed Persian digits are normalised so the picker and the server can parse the value. */
  document.addEventListener("change", function (event) {
    var el = event.target;
    if (el && el.matches && el.matches("input[data-jdp]") && el.value) {
      var ascii = toAsciiDigits(el.value);
      if (ascii !== el.value) el.value = ascii;
    }
  });

  /* htmx: add the CSRF header to every request it makes (htmx 2 only sends same-origin). */
  document.addEventListener("htmx:configRequest", function (event) {
    var token = csrfToken();
    if (token) event.detail.headers["X-CSRFToken"] = token;
  });

  /* htmx: prepare date inputs in every piece of content htmx loads (swaps, oob swaps). */
  document.addEventListener("htmx:load", function (event) {
    prepareDateInputs(event.target);
  });

  /* htmx: after a swap, close a picker whose input was swapped out. No re-init is needed. */
  document.addEventListener("htmx:afterSwap", function () {
    var open = document.querySelector("jdp-container");
    var active = document.activeElement;
    var focusedDateInput = active && active.matches && active.matches("input[data-jdp]");
    if (window.jalaliDatepicker && open && open.style.display !== "none" && !focusedDateInput) {
      window.jalaliDatepicker.hide();
    }
  });

  function onReady() {
    prepareDateInputs(document);
    startDatePicker();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", onReady);
  } else {
    onReady();
  }

  window.taavon = window.taavon || {};
  window.taavon.toAsciiDigits = toAsciiDigits;
})();
