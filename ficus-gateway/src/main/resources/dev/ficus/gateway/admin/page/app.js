// The gateway's admin page: shows the flags (value, state, source, service health, history) and the shadow
// comparisons, and turns flags on and off, all through the admin API. Everything shown comes from services, flag
// values and error messages, so it is put into the page as text only (textContent), never as HTML.
(function () {
  'use strict';

  var TOKEN_KEY = 'ficus.admin.token';
  var ACTOR_KEY = 'ficus.admin.actor';
  var REFRESH_MS = 5000;
  var RESULTS = ['match', 'difference', 'error', 'skipped'];
  var api = document.querySelector('meta[name="ficus-api"]').getAttribute('content');

  var cards = {};       // flag name -> {root, body, state, value, reason, buttons, result}
  var timer = null;
  var loading = false;

  function $(id) {
    return document.getElementById(id);
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') {
        node.textContent = attrs[k];
      } else if (k === 'className') {
        node.className = attrs[k];
      } else {
        node.setAttribute(k, attrs[k]);
      }
    });
    (children || []).forEach(function (c) {
      if (c !== null && c !== undefined) {
        node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
      }
    });
    return node;
  }

  function status(message, isError) {
    var s = $('status');
    s.textContent = message || '';
    s.className = isError ? 'error' : '';
  }

  // --- the admin API ---

  function call(method, path, body) {
    var token = sessionStorage.getItem(TOKEN_KEY);
    var init = {
      method: method,
      headers: { 'Authorization': 'Bearer ' + token, 'Accept': 'application/json' },
      cache: 'no-store',
      credentials: 'omit',
      referrerPolicy: 'no-referrer'
    };
    if (body) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(api + path, init).then(function (response) {
      return response.text().then(function (text) {
        var data = null;
        try {
          data = text ? JSON.parse(text) : null;
        } catch (e) {
          data = null;
        }
        if (!response.ok) {
          var error = new Error((data && data.message) || ('HTTP ' + response.status));
          error.status = response.status;
          throw error;
        }
        return data;
      });
    });
  }

  function listFlags() {
    return call('GET', '/flags');
  }

  function readShadow() {
    return call('GET', '/shadow');
  }

  function setFlag(flag, action, value, reason) {
    var body = { reason: reason };
    if (value) {
      body.value = value;
    }
    var actor = sessionStorage.getItem(ACTOR_KEY);
    if (actor) {
      body.actor = actor;
    }
    return call('POST', '/flags/' + encodeURIComponent(flag) + '/' + action, body);
  }

  // --- flags ---

  function card(flag) {
    if (cards[flag]) {
      return cards[flag];
    }
    var c = {};
    c.body = el('div');
    c.value = el('input', { type: 'text', placeholder: 'true', 'aria-label': flag + ' value', maxlength: '500' });
    c.reason = el('input', { type: 'text', className: 'reason', placeholder: 'why (goes into the history)',
      'aria-label': flag + ' reason', maxlength: '500' });
    var enable = el('button', { type: 'button', className: 'enable', text: 'Enable' });
    var disable = el('button', { type: 'button', className: 'disable', text: 'Disable' });
    c.buttons = [enable, disable];
    c.result = el('span', { className: 'result', role: 'status' });
    enable.addEventListener('click', function () { change(flag, 'enable'); });
    disable.addEventListener('click', function () { change(flag, 'disable'); });
    c.root = el('article', { className: 'flag', id: 'flag-' + flag }, [
      c.body,
      el('div', { className: 'actions' }, [
        el('label', {}, ['Value (enable; empty = true)', c.value]),
        el('label', {}, ['Reason', c.reason]),
        enable, disable, c.result
      ])
    ]);
    $('flags').appendChild(c.root);
    cards[flag] = c;
    return c;
  }

  function renderFlag(f) {
    var c = card(f.flag);
    c.state = f.state;
    c.history = f.history || [];
    var svc = f.service || {};
    var details = el('dl', {}, [
      el('dt', { text: 'value in the store' }), el('dd', {}, [el('code', { text: f.value == null ? '(missing: false)' : f.value })]),
      el('dt', { text: 'rule in force' }), el('dd', { text: f.rule || '' }),
      el('dt', { text: 'source' }), el('dd', { text: f.source || '' }),
      f.problem ? el('dt', { text: 'problem' }) : null,
      f.problem ? el('dd', { className: 'problem', text: f.problem }) : null,
      f.offLocally ? el('dt', { text: 'note' }) : null,
      f.offLocally ? el('dd', { className: 'problem',
        text: 'off in this gateway only: the store could not be written, other replicas may still route reads' }) : null,
      el('dt', { text: 'service' }),
      el('dd', {}, [
        // catching up is not a failure: behind, its reads go to Magento until it has caught up
        el('span', { className: svc.healthy ? 'healthy' : svc.state === 'catching_up' ? 'catching-up' : 'unhealthy',
          text: svc.summary || (svc.healthy ? 'healthy' : 'unhealthy') }),
        ' ', el('code', { text: svc.url || '' }),
        svc.consecutiveFailures ? ' — ' + svc.consecutiveFailures + ' failure(s) in a row' : ''
      ]),
      svc.lastProbeError ? el('dt', { text: 'last probe error' }) : null,
      svc.lastProbeError ? el('dd', { className: 'mono', text: svc.lastProbeError }) : null,
      (svc.lastErrors || []).length ? el('dt', { text: 'last read errors' }) : null,
      (svc.lastErrors || []).length ? el('dd', {}, [errorList(svc.lastErrors)]) : null
    ]);
    var body = el('div', {}, [
      el('div', { className: 'flag-head' }, [
        el('h3', { className: 'mono', text: f.flag }),
        el('span', { className: 'badge state-' + f.state, text: f.state.replace('_', ' ') })
      ]),
      details,
      history(f)
    ]);
    c.root.replaceChild(body, c.body);
    c.body = body;
  }

  function errorList(errors) {
    return el('ul', { className: 'errors mono' }, (errors || []).map(function (e) { return el('li', { text: e }); }));
  }

  function history(f) {
    var entries = (f.history || []).slice().reverse();   // newest first
    var summary = el('summary', { text: 'History (' + entries.length + ')' });
    var box = el('details', {}, [summary]);
    if (entries.length && entries[0].action === 'auto-disable' && f.state !== 'on' && f.state !== 'rollout') {
      box.setAttribute('open', '');   // the first thing a person looks for after an alert
    }
    if (!entries.length) {
      box.appendChild(el('p', { className: 'hint', text: 'No changes recorded (edits made directly to the store leave none).' }));
      return box;
    }
    var rows = entries.map(function (h) {
      return el('tr', {}, [
        el('td', { className: 'mono', text: h.at }),
        el('td', { className: h.action === 'auto-disable' ? 'problem' : '', text: h.action }),
        el('td', { className: 'mono', text: (h.from == null ? '∅' : h.from) + ' → ' + h.to }),
        el('td', { text: h.by }),
        el('td', { text: h.reason }),
        el('td', {}, [h.errors && h.errors.length ? errorList(h.errors) : null])
      ]);
    });
    box.appendChild(el('table', {}, [
      el('thead', {}, [el('tr', {}, ['when', 'action', 'value', 'by', 'reason', 'errors'].map(function (t) {
        return el('th', { text: t });
      }))]),
      el('tbody', {}, rows)
    ]));
    return box;
  }

  function change(flag, action) {
    var c = cards[flag];
    var reason = c.reason.value.trim();
    var value = action === 'enable' ? c.value.value.trim() : '';
    if (!reason) {
      result(c, 'A reason is required: it goes into the flag\'s history.', true);
      c.reason.focus();
      return;
    }
    if (action === 'enable' && c.state === 'auto_disabled') {
      var last = c.history.length ? c.history[c.history.length - 1] : null;
      var why = last && last.reason ? '\n\nIt was turned off because: ' + last.reason : '';
      if (!window.confirm('The gateway turned ' + flag + ' off by itself.' + why
          + '\n\nTurn it on again (' + (value || 'true') + ')?')) {
        return;
      }
    }
    c.buttons.forEach(function (b) { b.disabled = true; });
    result(c, action === 'enable' ? 'Enabling…' : 'Disabling…', false);
    setFlag(flag, action, value, reason).then(function (view) {
      c.reason.value = '';
      c.value.value = '';
      result(c, flag + ' is now ' + view.value + ' (' + view.state.replace('_', ' ') + ').', false);
      renderFlag(view);
    }).catch(function (e) {
      result(c, e.message, true);
      if (e.status === 401) {
        signedOut(e.message);
      }
    }).then(function () {
      c.buttons.forEach(function (b) { b.disabled = false; });
    });
  }

  function result(c, message, isError) {
    c.result.textContent = message;
    c.result.className = 'result' + (isError ? ' error' : '');
  }

  // --- shadow comparisons ---

  function renderShadow(s) {
    var tbody = $('shadow-counts').querySelector('tbody');
    var rows = Object.keys(s.counts || {}).map(function (domain) {
      var counts = s.counts[domain];
      return el('tr', {}, [el('td', { text: domain })].concat(RESULTS.map(function (r) {
        return el('td', { className: 'num' + (r === 'difference' && counts[r] ? ' problem' : ''), text: String(counts[r] || 0) });
      })));
    });
    tbody.replaceChildren.apply(tbody, rows);

    var list = (s.latest_differences || []).slice().reverse();   // newest first
    var box = $('differences');
    if (!list.length) {
      box.replaceChildren(el('p', { className: 'hint', text: 'No differences recorded since this gateway started.' }));
      return;
    }
    box.replaceChildren(el('table', {}, [
      el('thead', {}, [el('tr', {}, ['when', 'domain', 'path', 'Magento', 'service', 'differences'].map(function (t) {
        return el('th', { text: t });
      }))]),
      el('tbody', {}, list.map(function (d) {
        return el('tr', {}, [
          el('td', { className: 'mono', text: d.at }),
          el('td', { text: d.domain }),
          el('td', { className: 'mono', text: d.path }),
          el('td', { className: 'num', text: String(d.magentoStatus) }),
          el('td', { className: 'num', text: String(d.serviceStatus) }),
          el('td', {}, [errorList(d.differences)])
        ]);
      }))
    ]));
  }

  // --- loading, signing in and out ---

  function refresh() {
    if (loading || !sessionStorage.getItem(TOKEN_KEY)) {
      return;
    }
    loading = true;
    Promise.all([listFlags(), readShadow()]).then(function (answers) {
      (answers[0].flags || []).forEach(renderFlag);
      renderShadow(answers[1]);
      $('updated').textContent = 'updated ' + new Date().toLocaleTimeString();
      status('', false);
    }).catch(function (e) {
      if (e.status === 401) {
        signedOut(e.message);
      } else {
        status('Could not read the admin API: ' + e.message, true);
      }
    }).then(function () {
      loading = false;
    });
  }

  function signedIn() {
    $('login').hidden = true;
    $('main').hidden = false;
    var actor = sessionStorage.getItem(ACTOR_KEY);
    $('who').textContent = actor ? 'changes recorded as admin-api (' + actor + ')' : 'changes recorded as admin-api';
    refresh();
    if (timer === null) {
      timer = window.setInterval(refresh, REFRESH_MS);
    }
  }

  function signedOut(message) {
    sessionStorage.removeItem(TOKEN_KEY);
    if (timer !== null) {
      window.clearInterval(timer);
      timer = null;
    }
    $('main').hidden = true;
    $('login').hidden = false;
    status(message || '', Boolean(message));
    $('token').focus();
  }

  document.addEventListener('DOMContentLoaded', function () {
    $('token-form').addEventListener('submit', function (event) {
      event.preventDefault();   // the token never goes into a URL or a form submission
      var token = $('token').value.trim();
      if (!token) {
        return;
      }
      sessionStorage.setItem(TOKEN_KEY, token);
      var actor = $('actor').value.trim();
      if (actor) {
        sessionStorage.setItem(ACTOR_KEY, actor);
      } else {
        sessionStorage.removeItem(ACTOR_KEY);
      }
      $('token').value = '';
      signedIn();
    });
    $('forget').addEventListener('click', function () { signedOut(''); });
    $('refresh').addEventListener('click', refresh);
    $('actor').value = sessionStorage.getItem(ACTOR_KEY) || '';
    if (sessionStorage.getItem(TOKEN_KEY)) {
      signedIn();
    } else {
      signedOut('');
    }
  });
}());
