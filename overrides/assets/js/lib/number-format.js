// provides: NumberFormat
/* The one way the browser code shows a number: in the page's language, with a fixed number of
   decimals; "" for a missing value. */
(function () {
  "use strict";
  function decimal(value, digits, language) {
    if (value === null || value === undefined) return "";
    return value.toLocaleString(language, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  }

  window.NumberFormat = { decimal: decimal };
})();
