// The admin page's charts: per domain, the share of reads a service answered, the p99 through the gateway, the
// fallbacks and the read model's lag, over the last minutes (GET <api>/traffic: this gateway's own meters, one point per
// gateway.admin.chart_interval). Drawn as inline SVG built node by node; nothing is loaded from elsewhere, and every
// text is set as text, never as markup. The token is the one app.js keeps in sessionStorage.
(function () {
  'use strict';

  var TOKEN_KEY = 'ficus.admin.token';
  var SVG = 'http://www.w3.org/2000/svg';
  var W = 640, H = 170, LEFT = 56, RIGHT = 12, TOP = 12, BOTTOM = 24;
  var COLORS = { catalog: '#2b6cb0', customer: '#b7791f', order: '#2f855a', inventory: '#9b2c2c' };
  var CHARTS = [
    { id: 'chart-routed', title: 'Routed share (reads a service answered)', field: 'routedShare', fixedMax: 1,
      label: function (v) { return Math.round(v * 100) + ' %'; } },
    { id: 'chart-p99', title: 'p99 through the gateway', field: 'p99Seconds',
      label: function (v) { return v >= 1 ? v.toFixed(1) + ' s' : Math.round(v * 1000) + ' ms'; } },
    { id: 'chart-fallbacks', title: 'Fallbacks to Magento per interval', field: 'fallbacks',
      label: function (v) { return String(Math.round(v)); } },
    { id: 'chart-lag', title: 'Read model lag (as each service last reported it)', field: 'lagSeconds',
      label: function (v) { return v >= 1 ? v.toFixed(1) + ' s' : Math.round(v * 1000) + ' ms'; } }
  ];
  var api = document.querySelector('meta[name="ficus-api"]').getAttribute('content');

  function svg(tag, attrs, text) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  function draw(chart, data) {
    var box = document.getElementById(chart.id);
    if (!box) {
      return;
    }
    var domains = Object.keys(data.domains || {});
    var points = [];
    domains.forEach(function (d) { points = points.concat(data.domains[d]); });
    var values = points.map(function (p) { return p[chart.field]; }).filter(function (v) { return v !== null; });
    var max = chart.fixedMax || Math.max.apply(null, values.concat([0])) || 1;
    var now = points.reduce(function (m, p) { return Math.max(m, p.at); }, 0);
    var span = (data.interval_ms || 10000) * 59;
    var x = function (at) { return LEFT + (W - LEFT - RIGHT) * (1 - (now - at) / span); };
    var y = function (v) { return TOP + (H - TOP - BOTTOM) * (1 - v / max); };

    var root = svg('svg', { viewBox: '0 0 ' + W + ' ' + H, role: 'img', 'aria-label': chart.title,
      'class': 'chart', 'data-points': String(values.length) });
    root.appendChild(svg('line', { x1: LEFT, y1: y(0), x2: W - RIGHT, y2: y(0), 'class': 'axis' }));
    root.appendChild(svg('line', { x1: LEFT, y1: y(max), x2: W - RIGHT, y2: y(max), 'class': 'grid' }));
    root.appendChild(svg('text', { x: LEFT - 6, y: y(max) + 4, 'text-anchor': 'end' }, chart.label(max)));
    root.appendChild(svg('text', { x: LEFT - 6, y: y(0) + 4, 'text-anchor': 'end' }, chart.label(0)));
    root.appendChild(svg('text', { x: LEFT, y: H - 6 },
      '−' + (span < 120000 ? Math.round(span / 1000) + ' s' : Math.round(span / 60000) + ' min')));
    root.appendChild(svg('text', { x: W - RIGHT, y: H - 6, 'text-anchor': 'end' }, 'now'));
    domains.forEach(function (d, i) {
      var line = [];
      var color = COLORS[d] || '#555';
      data.domains[d].forEach(function (p) {
        var v = p[chart.field];
        if (v !== null && now - p.at <= span) {
          line.push(x(p.at).toFixed(1) + ',' + y(v).toFixed(1));
          // a dot per point: an interval with traffic between quiet ones is a single point, which a line would not show
          root.appendChild(svg('circle', { cx: x(p.at).toFixed(1), cy: y(v).toFixed(1), r: 2.5, fill: color }));
        }
      });
      if (line.length) {
        root.appendChild(svg('polyline', { points: line.join(' '), fill: 'none', stroke: color,
          'stroke-width': 2, 'data-domain': d }));
      }
      root.appendChild(svg('text', { x: LEFT + 8 + i * 110, y: TOP + 10, fill: color, 'class': 'legend' }, d));
    });
    while (box.firstChild) {
      box.removeChild(box.firstChild);
    }
    box.appendChild(root);
  }

  function update() {
    var token = sessionStorage.getItem(TOKEN_KEY);
    var main = document.getElementById('main');
    if (!token || !main || main.hidden) {
      return;
    }
    fetch(api + '/traffic', {
      headers: { 'Authorization': 'Bearer ' + token, 'Accept': 'application/json' },
      cache: 'no-store', credentials: 'omit', referrerPolicy: 'no-referrer'
    }).then(function (response) {
      // app.js reports a refused token; the charts just wait for the next one
      return response.ok ? response.json() : null;
    }).then(function (data) {
      if (data) {
        CHARTS.forEach(function (c) { draw(c, data); });
      }
    }).catch(function () { /* the next round tries again */ });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var section = document.getElementById('charts');
    if (!section) {
      return;
    }
    CHARTS.forEach(function (c) {
      var figure = document.createElement('figure');
      var caption = document.createElement('figcaption');
      caption.textContent = c.title;
      var box = document.createElement('div');
      box.id = c.id;
      figure.appendChild(caption);
      figure.appendChild(box);
      section.appendChild(figure);
    });
    update();
    window.setInterval(update, 5000);
  });
})();
