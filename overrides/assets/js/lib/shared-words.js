// provides: SharedWords
/* The words the build and the browser share, each defined once in data/ (hooks/course/shared_words.py):
   the site's languages (from the i18n plugin's configuration), the Learning Culture test's attempts
   in order and its rating scale and questions, the experiment card's fields and decisions, the backup nudge's settings. Every
   page loads them with its language's data file (hooks/language_data.py); nothing here writes or
   stores anything. Under node's unit tests the data come from the data files too
   (tests/js/load-modules.js). */
(function () {
  "use strict";
  function words() { return (window.CourseLanguageData || {}).words || {}; }

  window.SharedWords = {
    languages: function () { return words().languages || []; },
    attempts: function () { return words().attempts || []; },   // first, then the retake
    scale: function () { return words().scale; },                // {min, max}
    questions: function () { return words().questions || []; }, // the two ratings of a statement
    cardFields: function () { return (words().card || {}).fields || []; },
    decisions: function () { return (words().card || {}).decisions || []; },
    backup: function () { return words().backup; }              // the backup nudge's settings
  };
})();
