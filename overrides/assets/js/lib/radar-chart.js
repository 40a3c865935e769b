// provides: RadarChart
/* Radar chart as SVG, built with DOM methods (text only through textContent).
   RadarChart.render(container, {axes: [label], series: [{name, values: [0..100], className}],
   title, description}) replaces the container's content with an <svg role="img">. */
(function () {
  "use strict";
  var NS = "http://www.w3.org/2000/svg";
  // Labels are 24 units high (course.css) and the chart is drawn at most 640 units across, so on a
  // phone (about 330 px wide) they are still 12 px; the small radius leaves them room.
  var SIZE = 640, CENTRE = SIZE / 2, RADIUS = 130, RINGS = [20, 40, 60, 80, 100];
  var uid = 0;

  function el(name, attributes, text) {
    var node = document.createElementNS(NS, name);
    Object.keys(attributes || {}).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function point(index, count, value) {
    var angle = (Math.PI * 2 * index) / count - Math.PI / 2;
    var r = (RADIUS * Math.max(0, Math.min(100, value))) / 100;
    return [CENTRE + r * Math.cos(angle), CENTRE + r * Math.sin(angle)];
  }

  function polygon(count, values) {
    return values.map(function (v, i) { return point(i, count, v).map(function (n) { return n.toFixed(1); }).join(","); }).join(" ");
  }

  // Split a long axis label over lines of about 13 characters.
  function lines(label) {
    var result = [], current = "";
    label.split(" ").forEach(function (word) {
      if (current && (current + " " + word).length > 13) { result.push(current); current = word; }
      else current = current ? current + " " + word : word;
    });
    if (current) result.push(current);
    return result;
  }

  function render(container, chart) {
    var count = chart.axes.length;
    var id = "course-radar-" + (++uid);
    var svg = el("svg", { viewBox: "0 0 " + SIZE + " " + SIZE, role: "img", "aria-labelledby": id + "-title " + id + "-desc", class: "course-radar" });
    svg.appendChild(el("title", { id: id + "-title" }, chart.title));
    svg.appendChild(el("desc", { id: id + "-desc" }, chart.description));
    var grid = el("g", { class: "course-radar__grid" });
    RINGS.forEach(function (ring) {
      grid.appendChild(el("polygon", { points: polygon(count, chart.axes.map(function () { return ring; })) }));
    });
    chart.axes.forEach(function (label, index) {
      var end = point(index, count, 100);
      grid.appendChild(el("line", { x1: CENTRE, y1: CENTRE, x2: end[0].toFixed(1), y2: end[1].toFixed(1) }));
      var at = point(index, count, 115);
      var anchor = Math.abs(at[0] - CENTRE) < 10 ? "middle" : at[0] > CENTRE ? "start" : "end";
      var text = el("text", { x: at[0].toFixed(1), y: at[1].toFixed(1), "text-anchor": anchor, class: "course-radar__label" });
      var parts = lines(label);
      parts.forEach(function (part, n) {
        text.appendChild(el("tspan", { x: at[0].toFixed(1), dy: n === 0 ? ((1 - parts.length) * 0.6) + "em" : "1.2em" }, part));
      });
      grid.appendChild(text);
    });
    svg.appendChild(grid);
    chart.series.forEach(function (series) {
      svg.appendChild(el("polygon", { points: polygon(count, series.values), class: "course-radar__series " + series.className }));
    });
    container.replaceChildren(svg);
    if (chart.legend) legend(chart.legend, chart.series);
    return svg;
  }

  /* The legend: one item per series, drawn in the series' own colour and line style. */
  function legend(list, series) {
    list.replaceChildren();
    series.forEach(function (entry) {
      var item = document.createElement("li");
      item.className = "course-chart-legend__item " + entry.className.replace("course-radar__series", "course-chart-legend__item");
      item.textContent = entry.name;
      list.appendChild(item);
    });
  }

  window.RadarChart = { render: render };
})();
