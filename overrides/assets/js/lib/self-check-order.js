// provides: SelfCheckOrder
/* The order of a self-check's options for one learner. Pure functions (unit-tested under node). */
(function () {
  "use strict";

  /* A number from text (FNV-1a, then MurmurHash3's final mix so that texts differing only in their
     last letter, like option ids, get unrelated numbers): the same text always gives the same number. */
  function hash(text) {
    var h = 0x811c9dc5;
    for (var i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return (h ^ (h >>> 16)) >>> 0;
  }

  /* The order in which one learner sees a question's options: shuffled by the learner's seed and
     the question id, so it differs between learners and questions but stays the same across
     reloads, and adding an option elsewhere does not reorder the others. */
  function optionOrder(seed, questionId, optionIds) {
    return optionIds
      .map(function (id) { return { id: id, key: hash(seed + "\u0000" + questionId + "\u0000" + id) }; })
      .sort(function (x, y) { return (x.key - y.key) || (x.id < y.id ? -1 : 1); })
      .map(function (item) { return item.id; });
  }

  window.SelfCheckOrder = { optionOrder: optionOrder };
})();
