'use strict';
/* exported Regtrack */
/* Shared helpers of the dashboard: the API with the session's token, safe DOM building (text
   only, never HTML), and numbers in human units with exact values. */
const Regtrack = (() => {
  const TOKEN = 'regtrack-token';

  function token() {
    return sessionStorage.getItem(TOKEN);
  }

  function status(text) {
    document.getElementById('status').textContent = text || '';
  }

  function askForToken(reason) {
    const auth = document.getElementById('auth');
    auth.hidden = false;
    if (reason) {
      document.getElementById('auth-reason').textContent = reason;
    }
    document.getElementById('token-input').focus();
  }

  document.getElementById('token-form').addEventListener('submit', (event) => {
    event.preventDefault();
    sessionStorage.setItem(TOKEN, document.getElementById('token-input').value.trim());
    location.reload();
  });
  document
    .getElementById('token-button')
    .addEventListener('click', () => askForToken('Enter a token; it is kept for this browser session only.'));

  /**
   * A call of the JSON API with the session's token. A refusal (401/403) asks for a token, unless
   * `quiet` is set: then it only throws, with the status, for a page that asks what the token may do.
   */
  async function api(path, options = {}) {
    const headers = Object.assign({ Accept: 'application/json' }, options.headers || {});
    const t = token();
    if (t) {
      headers.Authorization = 'Bearer ' + t;
    }
    const request = Object.assign({}, options, { headers });
    delete request.quiet;
    const response = await fetch('/api/v1' + path, request);
    if ((response.status === 401 || response.status === 403) && !options.quiet) {
      askForToken(
        response.status === 401
          ? 'Not found, or private: check the address, or enter a token of this project (kept for this browser session only).'
          : 'The token given may not do this. Enter another one.',
      );
      throw new Error('A token is needed');
    }
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      const error = new Error(problem.detail || response.statusText);
      error.status = response.status;
      throw error;
    }
    return response.status === 204 ? null : response.json();
  }

  /** A JSON body for api(): {method, headers, body}. */
  function send(method, body) {
    return { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
  }

  /** An instant as people read it, in UTC to the minute. */
  function when(instant) {
    return instant ? instant.slice(0, 16).replace('T', ' ') + ' UTC' : '—';
  }

  async function download(path, filename) {
    const headers = {};
    if (token()) {
      headers.Authorization = 'Bearer ' + token();
    }
    const response = await fetch('/api/v1' + path, { headers });
    const blob = await response.blob();
    const link = el('a', { href: URL.createObjectURL(blob), download: filename });
    document.body.append(link);
    link.click();
    link.remove();
  }

  /** An element with attributes and children; strings become text nodes, never markup. */
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attributes || {})) {
      if (value === null || value === undefined || value === false) {
        continue;
      }
      if (key === 'class') {
        node.className = value;
      } else if (key.startsWith('on')) {
        node.addEventListener(key.slice(2), value);
      } else {
        node.setAttribute(key, value === true ? '' : value);
      }
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined) {
        continue;
      }
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

  function human(value, unit) {
    if (value === null || value === undefined) {
      return '—';
    }
    if (unit === 'bytes') {
      const abs = Math.abs(value);
      if (abs < 1024) {
        return grouped.format(value) + ' B';
      }
      if (abs < 1024 * 1024) {
        return (value / 1024).toFixed(1) + ' KiB';
      }
      return (value / 1024 / 1024).toFixed(2) + ' MiB';
    }
    if (unit === 'seconds') {
      const abs = Math.abs(value);
      if (abs === 0) {
        return '0 s';
      }
      if (abs < 1e-6) {
        return (value * 1e9).toFixed(1) + ' ns';
      }
      if (abs < 1e-3) {
        return (value * 1e6).toFixed(2) + ' µs';
      }
      if (abs < 1) {
        return (value * 1e3).toFixed(2) + ' ms';
      }
      return value.toFixed(3) + ' s';
    }
    if (unit === 'count') {
      return grouped.format(value); // exact counts are shown exactly
    }
    return Number(value.toPrecision(4)).toString() + (unit ? ' ' + unit : '');
  }

  function exact(value, unit) {
    if (value === null || value === undefined) {
      return '';
    }
    if (unit === 'bytes') {
      return grouped.format(value) + ' bytes';
    }
    return String(value) + (unit ? ' ' + unit : '');
  }

  function signed(value, unit) {
    if (value === null || value === undefined) {
      return '';
    }
    return (value > 0 ? '+' : value < 0 ? '−' : '±') + human(Math.abs(value), unit);
  }

  function percent(value) {
    return value === null || value === undefined ? '' : (value > 0 ? '+' : '') + value.toFixed(2) + ' %';
  }

  function short(sha) {
    return sha ? sha.slice(0, 10) : '';
  }

  function safeUrl(url) {
    return /^https?:\/\//.test(url || '') ? url : null;
  }

  function nav(slug) {
    const here = location.pathname;
    const links = [
      ['Trends', '/projects/' + encodeURIComponent(slug)],
      ['Alerts', '/projects/' + encodeURIComponent(slug) + '/alerts'],
      ['Compare', '/projects/' + encodeURIComponent(slug) + '/compare'],
    ];
    if (token()) {
      links.push(['Settings', '/projects/' + encodeURIComponent(slug) + '/settings']); // never for anonymous viewers
    }
    document
      .getElementById('nav')
      .replaceChildren(
        ...links.map(([label, href]) => el('a', { href, 'aria-current': here === href ? 'page' : null }, label)),
      );
  }

  /** Tick steps for a bytes axis: powers of two, so ticks fall on round binary sizes (4 KiB, 16 KiB, 1 MiB). */
  const BINARY_STEPS = Array.from({ length: 48 }, (_, i) => 2 ** i);

  /**
   * Labels for an axis's ticks, with as many decimals as the step needs and no more, so that no two
   * ticks read the same: bytes in B/KiB/MiB/GiB, seconds auto-scaled, other units verbatim.
   */
  function axisLabels(ticks, unit) {
    // A logarithmic axis leaves some ticks unlabelled (null); the step is the smallest gap between labels.
    const shown = ticks.filter((t) => t !== null && t !== undefined);
    const gaps = shown.slice(1).map((t, i) => Math.abs(t - shown[i]));
    const step = gaps.length ? Math.min(...gaps) || 1 : Math.abs(shown[0]) || 1;
    const scaled = (value, size, suffix) => {
      const decimals = Math.max(0, Math.min(6, Math.ceil(-Math.log10(step / size) - 1e-9)));
      return (value / size).toFixed(decimals) + ' ' + suffix;
    };
    const big = Math.max(...shown.map(Math.abs));
    return ticks.map((t) => {
      if (t === null || t === undefined) {
        return '';
      }
      if (unit === 'bytes') {
        if (big < 1024) {
          return grouped.format(t) + ' B';
        }
        if (big < 1024 ** 2) {
          return scaled(t, 1024, 'KiB');
        }
        return big < 1024 ** 3 ? scaled(t, 1024 ** 2, 'MiB') : scaled(t, 1024 ** 3, 'GiB');
      }
      if (unit === 'seconds') {
        const [size, suffix] =
          big < 1e-6 ? [1e-9, 'ns'] : big < 1e-3 ? [1e-6, 'µs'] : big < 1 ? [1e-3, 'ms'] : [1, 's'];
        return scaled(t, size, suffix);
      }
      return grouped.format(t) + (unit && unit !== 'count' ? ' ' + unit : '');
    });
  }

  /**
   * A y-range that outliers do not flatten: the middle 98 % of the values with a margin, unless the
   * extremes are within a few spreads of it. Returns [min, max] and how many points fall outside.
   */
  function robustRange(values) {
    const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
    if (sorted.length < 20) {
      return null;
    }
    const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1)))];
    const [low, high] = [at(0.01), at(0.99)];
    const spread = Math.max(high - low, Math.abs(high) * 0.001);
    const [min, max] = [low - spread * 0.25, high + spread * 0.25];
    if (sorted[0] >= low - 3 * spread && sorted[sorted.length - 1] <= high + 3 * spread) {
      return null;
    }
    return { min, max, outside: sorted.filter((v) => v < min || v > max).length };
  }

  /** One table row per verdict, as the API words and numbers it; exact values on hover. */
  function verdictRows(verdicts) {
    return verdicts.map((v) =>
      el(
        'tr',
        { class: v.status },
        el('td', {}, el('span', { class: 'badge ' + v.status }, v.status)),
        el('td', {}, v.kind),
        el('td', {}, v.name),
        el('td', { title: exact(v.baseline, v.unit) }, v.shown.baseline),
        el('td', { title: exact(v.current, v.unit) }, v.shown.current),
        el('td', { title: exact(v.delta, v.unit) }, v.shown.delta),
        el('td', {}, v.shown.deltaPercent),
        el('td', {}, v.why),
      ),
    );
  }

  /** Fills #composition with the sections and crates whose size changed, per binary; hidden when none did. */
  function showComposition(verdicts) {
    const parts = verdicts.flatMap((v) => (v.composition || []).map((c) => ({ binary: v.name, ...c })));
    document.getElementById('composition-section').hidden = parts.length === 0;
    document
      .querySelector('#composition tbody')
      .replaceChildren(
        ...parts.map((c) =>
          el(
            'tr',
            {},
            el('td', {}, c.binary),
            el('td', {}, el('code', {}, c.part)),
            el('td', { title: exact(c.baseline, 'bytes') }, human(c.baseline, 'bytes')),
            el('td', { title: exact(c.current, 'bytes') }, human(c.current, 'bytes')),
            el('td', { title: exact(c.delta, 'bytes') }, signed(c.delta, 'bytes')),
          ),
        ),
      );
  }

  /** The profile, toolchain and runner settings that differ between a comparison's two runs. */
  function differenceRows(comparison, none) {
    const rows = [
      ['Profile', comparison.profileChanges],
      ['Toolchain', comparison.toolchainChanges],
      ['Runner', comparison.runnerChanges],
    ].flatMap(([what, list]) =>
      list.map((c) =>
        el('tr', {}, el('td', {}, what), el('td', {}, c.setting), el('td', {}, c.baseline), el('td', {}, c.current)),
      ),
    );
    return rows.length ? rows : [el('tr', {}, el('td', { colspan: 4 }, none))];
  }

  /**
   * The project's last changes from its audit trail, in #recent-changes, for an admin of it; for
   * anyone else the section stays hidden and nothing is asked.
   */
  async function showRecentChanges(slug) {
    const section = document.getElementById('recent-changes');
    if (!section || !token()) {
      return;
    }
    let page;
    try {
      page = await api('/projects/' + encodeURIComponent(slug) + '/audit?limit=8', { quiet: true });
    } catch {
      return; // not an admin of this project: nothing to show
    }
    if (page.entries.length === 0) {
      return;
    }
    section
      .querySelector('ul')
      .replaceChildren(
        ...page.entries.map((e) =>
          el(
            'li',
            { 'data-action': e.action },
            el('time', { datetime: e.at }, when(e.at)),
            ' · ' + e.action + ' · ' + e.subject + ' · by ' + e.actor.name,
            e.actor.repository ? ' (' + e.actor.repository + ' ' + e.actor.ref + ')' : '',
            e.detail && e.detail.note ? ' · “' + e.detail.note + '”' : '',
          ),
        ),
      );
    section.hidden = false;
  }

  function fail(error) {
    status(error.message === 'A token is needed' ? '' : 'Could not load: ' + error.message);
  }

  // The address says what to show: /projects/{slug}[/runs/{id} | /commits/{sha}/matrix | /alerts].
  const path = location.pathname.split('/').map((part) => decodeURIComponent(part));
  const slug = path[1] === 'projects' ? path[2] : undefined;
  const item = path[3] === 'runs' || path[3] === 'commits' ? path[4] : undefined;
  if (slug) {
    document.title = slug + ' · regtrack';
  }

  return {
    api,
    send,
    when,
    token,
    showRecentChanges,
    download,
    el,
    human,
    exact,
    signed,
    percent,
    short,
    safeUrl,
    nav,
    status,
    fail,
    slug,
    item,
    verdictRows,
    differenceRows,
    showComposition,
    axisLabels,
    robustRange,
    BINARY_STEPS,
  };
})();
