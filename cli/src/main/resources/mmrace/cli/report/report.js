// mmrace HTML report: hover highlighting, and a self-check that the browser test reads.
// The page is complete without this script; no data from the results is ever put in here,
// it only reads the DOM, so nothing in a results file can run as code.
(function () {
  'use strict';
  var errors = [];
  window.addEventListener('error', function (e) {
    errors.push(String(e.message));
    document.body.setAttribute('data-mmrace-errors', errors.join(' | '));
  });

  // Hovering an event box highlights the arrows and links at it and the events at their other ends.
  function wire(svg) {
    var links = Array.prototype.slice.call(svg.querySelectorAll('g.link'));
    svg.querySelectorAll('g.event').forEach(function (ev) {
      var pos = ev.getAttribute('data-pos');
      var lit = [];
      ev.addEventListener('mouseenter', function () {
        lit = [ev];
        links.forEach(function (l) {
          var from = l.getAttribute('data-from'), to = l.getAttribute('data-to');
          if (from === pos || to === pos) {
            lit.push(l);
            var other = svg.querySelector('g.event[data-pos="' + (from === pos ? to : from) + '"]');
            if (other) { lit.push(other); }
          }
        });
        lit.forEach(function (n) { n.classList.add('hl'); });
      });
      ev.addEventListener('mouseleave', function () {
        lit.forEach(function (n) { n.classList.remove('hl'); });
      });
    });
  }

  // Counts what the browser actually laid out: a box with no size was not drawn.
  var timelines = 0, lanes = 0, boxes = 0, links = 0;
  document.querySelectorAll('svg.timeline').forEach(function (svg) {
    wire(svg);
    var b = svg.getBBox();
    if (b.width > 0 && b.height > 0) { timelines++; }
    lanes += svg.querySelectorAll('g.lane').length;
    svg.querySelectorAll('g.event > rect').forEach(function (r) {
      var rb = r.getBBox();
      if (rb.width > 0 && rb.height > 0) { boxes++; }
    });
    links += svg.querySelectorAll('g.link > path').length;
  });
  var body = document.body;
  body.setAttribute('data-mmrace-timelines', String(timelines));
  body.setAttribute('data-mmrace-lanes', String(lanes));
  body.setAttribute('data-mmrace-boxes', String(boxes));
  body.setAttribute('data-mmrace-links', String(links));
  body.setAttribute('data-mmrace-ready', errors.length ? 'errors' : 'ok');
})();
