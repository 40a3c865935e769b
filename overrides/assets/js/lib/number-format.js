// provides: NumberFormat
/* The one way the browser code shows a number: in the page's language, with a fixed number of
   decimals; "" for a missing value. Dates likewise: the day, the month's name and the year, in the
   locale ui.yml gives the page's language (date_locale), so English reads "3 December 2026". */
(function () {
  "use strict";
  function decimal(value, digits, language) {
    if (value === null || value === undefined) return "";
    return value.toLocaleString(language, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  }

  function date(value, locale) {
    return new Date(value).toLocaleDateString(locale, { year: "numeric", month: "long", day: "numeric" });
  }

  window.NumberFormat = { decimal: decimal, date: date };
})();
