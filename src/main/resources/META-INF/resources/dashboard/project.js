'use strict';
/* Project overview: one chart per binary (size) and per benchmark (runtime) on a branch, with
   release, change and build markers. The charts' data comes a hundred series at a time, each run
   listed once; charts are drawn as they come near the screen. Every chart has a table and CSV/JSON
   downloads as its text alternative, and a size's composition on demand. */
(async () => {
  const { api, download, el, human, exact, short, nav, status, fail, slug } = Regtrack;
  const enc = encodeURIComponent;
  const CHUNK = 100; // series per request
  nav(slug);

  // What the page shows lives in the address, so a view can be shared:
  // ?branch=&find=&range=&from=&to=&scale=log
  const address = new URLSearchParams(location.search);
  function remember(changes) {
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === undefined || value === '') {
        address.delete(key);
      } else {
        address.set(key, value);
      }
    }
    history.replaceState(null, '', '?' + address.toString());
  }

  let branch = null;
  let drawn = []; // every chart on the page: {handle, box, entry, chart, page}
  const pages = new Map(); // 'offset|from|to' → the API's answer, so a redraw fetches nothing again

  function chunk(offset, window) {
    const key = [branch, offset, window ? window.join('-') : ''].join('|');
    if (!pages.has(key)) {
      const q = new URLSearchParams({ branch, offset, limit: CHUNK });
      if (window) {
        q.set('from', new Date(window[0] * 1000).toISOString());
        q.set('to', new Date(window[1] * 1000).toISOString());
      }
      const answer = api('/projects/' + enc(slug) + '/charts?' + q);
      answer.catch(() => pages.delete(key));
      pages.set(key, answer);
    }
    return pages.get(key);
  }

  const sameSeries = (a, b) =>
    a.kind === b.kind &&
    a.name === b.name &&
    (a.profile || null) === (b.profile || null) &&
    (a.target || null) === (b.target || null);

  function model(page, chart) {
    return {
      name: chart.name,
      unit: chart.unit,
      runs: chart.run.map((i) => page.runs[i]),
      values: chart.value,
      releases: page.releases,
      buildChanges: chart.buildChanges.map((i) => page.buildChanges[i]),
      regressions: chart.regressions,
      log: address.get('scale') === 'log',
    };
  }

  /** The time the page's runs cover: every chart shares it, so a newer series starts where it started. */
  function span(page) {
    const at = (run) => Date.parse(run.committedAt) / 1000;
    const [first, last] = [at(page.runs[0]), at(page.runs[page.runs.length - 1])];
    return first < last ? { min: first, max: last } : { min: first - 86400, max: last + 86400 };
  }

  // One time window for every chart: a drag-zoom on one zooms all; the window is kept in the address.
  // Charts that were thinned out are fetched again for the window, at full resolution where it allows.
  function zoom(min, max) {
    for (const c of drawn) {
      c.handle.u.setScale('x', { min, max });
      c.box.dataset.window = Math.floor(min) + '-' + Math.ceil(max);
    }
    const window = [Math.floor(min), Math.ceil(max)];
    for (const offset of new Set(drawn.filter((c) => c.chart.total > c.chart.value.length).map((c) => c.offset))) {
      chunk(offset, window)
        .then((page) => {
          for (const c of drawn.filter((d) => d.offset === offset && d.box.dataset.window)) {
            const detail = page.charts.find((d) => sameSeries(d, c.entry));
            if (detail && c.chart.total > c.chart.value.length) {
              c.handle.show(model(page, detail));
              c.handle.u.setScale('x', { min, max });
              c.box.dataset.detail = String(detail.value.length);
            }
          }
        })
        .catch(fail);
    }
  }
  function resetZoom() {
    for (const c of drawn) {
      c.handle.show(model(c.page, c.chart)); // back to every point
      c.handle.u.setScale('x', span(c.page));
      delete c.box.dataset.window;
      delete c.box.dataset.detail;
    }
    remember({ from: null, to: null, range: null });
    document.getElementById('range').value = '';
  }
  /** The window the address asks for, as [min, max] in seconds, or null for every point. */
  function askedWindow() {
    const from = Number(address.get('from'));
    const to = Number(address.get('to'));
    if (from && to) {
      return [from, to];
    }
    if (address.get('range')) {
      const now = Date.now() / 1000;
      return [now - Number(address.get('range')) * 86400, now];
    }
    return null;
  }
  function applyFind() {
    const needle = (address.get('find') || '').toLowerCase();
    for (const slot of document.querySelectorAll('.slot')) {
      slot.hidden = needle !== '' && !slot.dataset.name.toLowerCase().includes(needle);
    }
  }

  // Two points picked with a shift-click are compared on the compare page, the older as the base.
  let picked = null;
  function pick(run) {
    const bar = document.getElementById('pick');
    if (!picked || picked.id === run.id) {
      picked = run;
      bar.hidden = false;
      bar.replaceChildren(
        'Comparing from ',
        el('code', {}, short(run.commit)),
        ' — shift-click a second point. ',
        el(
          'button',
          {
            type: 'button',
            class: 'link',
            onclick: () => {
              picked = null;
              bar.hidden = true;
            },
          },
          'Cancel',
        ),
      );
      return;
    }
    const [base, head] = Date.parse(picked.committedAt) <= Date.parse(run.committedAt) ? [picked, run] : [run, picked];
    location.href = compareHref(base, head);
  }
  const compareHref = (base, head) =>
    '/projects/' + enc(slug) + '/compare?' + new URLSearchParams({ base: base.id, head: head.id });
  const runHref = (run) => '/projects/' + enc(slug) + '/runs/' + run.id;

  function seriesPath(entry, format) {
    const q = new URLSearchParams({ kind: entry.kind, name: entry.name, branch });
    if (entry.profile) {
      q.set('profile', entry.profile);
    }
    if (entry.target) {
      q.set('target', entry.target);
    }
    if (format) {
      q.set('format', format);
    }
    return '/projects/' + enc(slug) + '/series?' + q;
  }

  /** The table of a chart's points, newest first, built when it is first opened. */
  function pointsTable(m) {
    const rows = m.runs
      .map((run, i) =>
        el(
          'tr',
          {},
          el('td', {}, el('a', { href: runHref(run) }, short(run.commit))),
          el('td', {}, run.committedAt.slice(0, 19).replace('T', ' ')),
          el('td', { title: exact(m.values[i], m.unit) }, human(m.values[i], m.unit)),
          el('td', {}, i > 0 ? el('a', { href: compareHref(m.runs[i - 1], run) }, 'vs. previous') : ''),
          el('td', {}, run.subject || ''),
        ),
      )
      .reverse();
    return el(
      'table',
      { class: 'points' },
      el(
        'thead',
        {},
        el('tr', {}, ...['Commit', 'Committed', 'Value', 'Compare', 'Message'].map((h) => el('th', {}, h))),
      ),
      el('tbody', {}, ...rows),
    );
  }

  /** A size's sections and crates over time, fetched and drawn when first opened. */
  function compositionBox(entry) {
    const holder = el('div', { class: 'composition' });
    const q = new URLSearchParams({ name: entry.name, branch });
    for (const key of ['profile', 'target']) {
      if (entry[key]) {
        q.set(key, entry[key]);
      }
    }
    const details = el(
      'details',
      { class: 'composition-toggle' },
      el('summary', {}, 'What it is made of, over time'),
      holder,
    );
    details.addEventListener('toggle', async () => {
      if (!details.open || holder.childElementCount) {
        return;
      }
      holder.append(el('p', { class: 'muted' }, 'Loading…'));
      try {
        const view = await api('/projects/' + enc(slug) + '/composition?' + q);
        holder.replaceChildren();
        for (const [title, parts] of [
          ['Sections', view.sections],
          ['Crates', view.crates],
        ]) {
          if (parts.length) {
            const box = el('div', { class: 'chart composition-chart', 'data-parts': title.toLowerCase() });
            holder.append(el('h4', {}, title), box);
            Charts.composition(box, view, parts);
          }
        }
        if (!holder.childElementCount) {
          holder.append(el('p', { class: 'muted' }, 'No run of this binary says what it is made of.'));
        }
      } catch (error) {
        holder.replaceChildren(el('p', { class: 'muted' }, 'Could not load: ' + error.message));
      }
    });
    return details;
  }

  function figure(entry, chart, m) {
    const label =
      entry.name + (entry.profile ? ' · ' + entry.profile : '') + (entry.target ? ' · ' + entry.target : '');
    const box = el('div', { class: 'chart', 'data-series': entry.name });
    const table = el('div', { class: 'scroll' });
    const points = el('details', { class: 'points' }, el('summary', {}, 'Table of the points'), table);
    points.addEventListener('toggle', () => {
      if (points.open && !table.childElementCount) {
        table.append(pointsTable(m));
      }
    });
    const fig = el(
      'figure',
      { class: 'chart-box' },
      el(
        'figcaption',
        {},
        el('h3', {}, label),
        el(
          'span',
          { class: 'muted' },
          `${chart.total} runs` + (chart.value.length < chart.total ? `, ${chart.value.length} drawn` : ''),
        ),
      ),
      box,
      chart.regressions.length
        ? el(
            'ul',
            { class: 'regressions' },
            ...chart.regressions.map((g) =>
              el(
                'li',
                {},
                `${g.direction === 'improvement' ? 'Improvement' : 'Regression'} (${g.status}) `,
                g.commit
                  ? el('span', {}, 'from ', el('a', { href: runHref({ id: g.runId }) }, short(g.commit)))
                  : 'found; its commit is not located yet (see the alerts page)',
              ),
            ),
          )
        : null,
      el(
        'div',
        { class: 'actions' },
        el(
          'button',
          { type: 'button', onclick: () => download(seriesPath(entry, 'csv'), entry.name + '.csv') },
          'Download CSV',
        ),
        el(
          'button',
          { type: 'button', onclick: () => download(seriesPath(entry), entry.name + '.json') },
          'Download JSON',
        ),
      ),
      chart.parts.some((p) => p !== 'stripped') ? compositionBox(entry) : null,
      points,
    );
    return { fig, box };
  }

  /** Releases and build changes (profile, toolchain) of what is drawn, listed once for the page. */
  const facts = { releases: new Map(), changes: new Map() };
  function addFacts(page) {
    page.releases.forEach((r) => facts.releases.set(r.tag, r));
    page.buildChanges.forEach((b) => facts.changes.set(b.runId, b));
    const releases = [...facts.releases.values()].sort((a, b) => Date.parse(b.committedAt) - Date.parse(a.committedAt));
    document
      .getElementById('releases')
      .replaceChildren(
        releases.length ? 'Releases: ' : 'No release on the charts drawn.',
        ...releases.slice(0, 12).map((r) => el('span', { class: 'release', title: r.commit }, r.tag)),
        releases.length > 12 ? el('span', { class: 'muted' }, `and ${releases.length - 12} earlier`) : '',
      );
    const changes = [...facts.changes.values()].sort((a, b) => Date.parse(a.committedAt) - Date.parse(b.committedAt));
    const list = document.getElementById('build-changes');
    list.hidden = changes.length === 0;
    list.replaceChildren(
      el('h2', {}, 'Build changes'),
      el(
        'ul',
        { class: 'annotations' },
        ...changes.map((b) =>
          el(
            'li',
            {},
            el('a', { href: runHref({ id: b.runId }) }, el('code', {}, short(b.commit))),
            ` ${b.committedAt.slice(0, 10)}${b.profile ? ' · ' + b.profile : ''}${b.target ? ' · ' + b.target : ''}: `,
            b.changes.join(', '),
          ),
        ),
      ),
    );
  }

  let observer = null;

  async function load() {
    status('Loading…');
    drawn.forEach((c) => c.handle.u.destroy());
    drawn = [];
    facts.releases.clear();
    facts.changes.clear();
    for (const id of ['sizes', 'runtimes', 'others']) {
      const section = document.getElementById(id);
      section.replaceChildren(section.firstElementChild);
    }
    const entries = await api('/projects/' + enc(slug) + '/series/index?branch=' + enc(branch));
    if (entries.length === 0) {
      status('No runs on ' + branch + ' yet. A run uploaded by CI for this branch starts its charts.');
      return;
    }
    // Slots in index order; a slot is drawn when it comes near the screen, from its hundred's answer.
    const slots = entries.map((entry) => {
      const section = document.getElementById(
        entry.kind === 'size' ? 'sizes' : entry.kind === 'runtime' ? 'runtimes' : 'others',
      );
      section.hidden = false;
      const slot = el(
        'div',
        { class: 'slot', 'data-name': entry.name },
        el('p', { class: 'muted' }, 'Loading ' + entry.name + '…'),
      );
      section.append(slot);
      return slot;
    });
    let pending = 0;
    const draw = async (index, slot) => {
      pending++;
      const entry = entries[index];
      const offset = Math.floor(index / CHUNK) * CHUNK;
      try {
        const page = await chunk(offset, null);
        addFacts(page);
        const chart = page.charts.find((c) => sameSeries(c, entry));
        if (!chart) {
          slot.replaceChildren(el('p', { class: 'muted' }, entry.name + ': no points on ' + branch + '.'));
          return;
        }
        const m = model(page, chart);
        const { fig, box } = figure(entry, chart, m);
        slot.replaceChildren(fig);
        const handle = Charts.series(box, m, {
          select(min, max) {
            remember({ from: Math.floor(min), to: Math.ceil(max), range: null });
            document.getElementById('range').value = '';
            zoom(min, max);
          },
          open: (run) => {
            location.href = runHref(run);
          },
          pick,
        });
        drawn.push({ handle, box, entry, chart, page, offset });
        const w = askedWindow();
        if (w) {
          zoom(w[0], w[1]);
        } else {
          handle.u.setScale('x', span(page));
        }
      } catch (error) {
        fail(error);
      } finally {
        pending--;
        if (pending === 0) {
          status('');
          performance.mark('regtrack:charts-drawn'); // the page's own timing, read by the page budget
        }
      }
    };
    if (observer) {
      observer.disconnect();
    }
    observer = new IntersectionObserver(
      (seen) => {
        for (const e of seen) {
          if (e.isIntersecting) {
            observer.unobserve(e.target);
            draw(slots.indexOf(e.target), e.target);
          }
        }
      },
      { rootMargin: '600px 0px' },
    );
    applyFind();
    slots.forEach((slot) => observer.observe(slot));
  }

  try {
    // ?around=<run id> (from an alert): four weeks around that run's commit.
    if (address.get('around')) {
      const run = await api('/projects/' + enc(slug) + '/runs/' + enc(address.get('around')));
      const at = Date.parse(run.committedAt) / 1000;
      remember({ around: null, from: Math.floor(at - 14 * 86400), to: Math.ceil(at + 14 * 86400) });
    }
    const project = await api('/projects/' + enc(slug));
    document.getElementById('title').textContent = project.name;
    const branches = await api('/projects/' + enc(slug) + '/branches');
    const select = document.getElementById('branch');
    branch = address.get('branch') || project.defaultBranch;
    for (const b of branches) {
      select.append(el('option', { value: b.name, selected: b.name === branch }, b.name));
    }
    if (!branches.some((b) => b.name === branch)) {
      select.append(el('option', { value: branch, selected: true }, branch));
    }
    select.addEventListener('change', () => {
      branch = select.value;
      remember({ branch });
      load().catch(fail);
    });
    const find = document.getElementById('find');
    find.value = address.get('find') || '';
    find.addEventListener('input', () => {
      remember({ find: find.value.trim() });
      applyFind();
    });
    const range = document.getElementById('range');
    range.value = address.get('range') || '';
    range.addEventListener('change', () => {
      remember({ range: range.value, from: null, to: null });
      const w = askedWindow();
      if (w) {
        zoom(w[0], w[1]);
      } else {
        resetZoom();
      }
    });
    const log = document.getElementById('log');
    log.checked = address.get('scale') === 'log';
    log.addEventListener('change', () => {
      remember({ scale: log.checked ? 'log' : null });
      load().catch(fail); // the charts are drawn again from the answers already read
    });
    document.getElementById('reset-zoom').addEventListener('click', resetZoom);
    Regtrack.showRecentChanges(slug);
    window.addEventListener('resize', () =>
      drawn.forEach((c) => c.handle.u.setSize({ width: c.handle.width(), height: 240 })),
    );
    await load();
  } catch (error) {
    fail(error);
  }
})();
