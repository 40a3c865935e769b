// provides: CourseUI
/* Interface wording for the browser code: the data/ui.yml strings of the page's language. */
(function () {
  "use strict";

  /* All strings of the page's language: its language's data file (hooks/language_data.py), which
     every page loads and instant navigation runs again. */
  function strings() {
    var data = window.CourseLanguageData;
    return data ? data.ui : {};
  }

  /* Fill {placeholders}; the result is plain text, to be set with textContent. */
  function format(template, values) {
    return String(template).replace(/\{(\w+)\}/g, function (all, name) { return name in values ? values[name] : all; });
  }

  /* "{count} ..." from `key`_one, `key`_other (and any other plural form the wording has) by the
     page language's plural rules: "1 person", "2 people". */
  function plural(key, count) {
    var t = strings();
    var form = new Intl.PluralRules(document.documentElement.lang).select(count);
    return format(t[key + "_" + form] || t[key + "_other"], { count: count });
  }

  /* A table row of text cells; the first cell is the row's header. */
  function tableRow(values) {
    var row = document.createElement("tr");
    values.forEach(function (value, index) {
      var cell = document.createElement(index ? "td" : "th");
      if (!index) cell.setAttribute("scope", "row");
      cell.textContent = value;
      row.appendChild(cell);
    });
    return row;
  }

  /* A checklist entry: a mark, the label and a hidden "(done)"/"(to do)" for screen readers, then
     `extra` (a tick box or a link) when given. */
  function checklistItem(list, label, done, extra) {
    var li = document.createElement("li");
    li.className = done ? "course-checklist__done" : "course-checklist__todo";
    var mark = document.createElement("span");
    mark.className = "course-checklist__mark";
    mark.setAttribute("aria-hidden", "true");
    mark.textContent = done ? "✓" : "○";
    var text = document.createElement("span");
    text.textContent = label + " ";
    var status = document.createElement("span");
    status.className = "md-visually-hidden";
    status.textContent = "(" + (done ? strings().route_done : strings().route_todo) + ")";
    li.appendChild(mark);
    li.appendChild(text);
    li.appendChild(status);
    if (extra) li.appendChild(extra);
    list.appendChild(li);
    return li;
  }

  window.CourseUI = { strings: strings, format: format, plural: plural, tableRow: tableRow, checklistItem: checklistItem };
})();
