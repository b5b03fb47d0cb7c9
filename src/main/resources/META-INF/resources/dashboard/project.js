'use strict';
/* Project overview: one uPlot chart per binary (size) and per benchmark (runtime) on a branch,
   with release markers, regression markers and profile/toolchain change annotations. Every chart
   has a table and CSV/JSON downloads as its text alternative. */
(async () => {
  const { api, download, el, human, exact, short, nav, status, fail, slug, axisLabels, robustRange, BINARY_STEPS } =
    Regtrack;
  const enc = encodeURIComponent;
  nav(slug);
  const charts = [];

  // What the page shows lives in the address, so a view can be shared: ?branch=&find=&range=&from=&to=
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

  // One time window for every chart: a drag-zoom on one zooms all; the window is kept in the address.
  function zoom(min, max) {
    for (const c of charts) {
      c.u.setScale('x', { min, max });
      c.box.dataset.window = Math.floor(min) + '-' + Math.ceil(max); // the window each chart shows
    }
  }
  function resetZoom() {
    for (const c of charts) {
      c.u.setData(c.u.data); // back to every point
      delete c.box.dataset.window;
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
  function applyWindow() {
    const w = askedWindow();
    if (w) {
      zoom(w[0], w[1]);
    }
  }
  function applyFind() {
    const needle = (address.get('find') || '').toLowerCase();
    for (const slot of document.querySelectorAll('.slot')) {
      slot.hidden = needle !== '' && !slot.dataset.name.toLowerCase().includes(needle);
    }
  }

  function seriesPath(entry, branch, format) {
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

  function markers(u, view) {
    const ctx = u.ctx;
    const top = u.bbox.top;
    const bottom = u.bbox.top + u.bbox.height;
    const x = (iso) => u.valToPos(Date.parse(iso) / 1000, 'x', true);
    ctx.save();
    ctx.font = `${Math.round(11 * devicePixelRatio)}px sans-serif`;
    let labelEnd = -Infinity;
    for (const r of view.releases.slice().reverse()) {
      const px = x(r.committedAt);
      ctx.strokeStyle = '#15803d';
      ctx.setLineDash([4 * devicePixelRatio, 3 * devicePixelRatio]);
      ctx.beginPath();
      ctx.moveTo(px, top);
      ctx.lineTo(px, bottom);
      ctx.stroke();
      ctx.setLineDash([]);
      // Newest first; a label is drawn only where it does not cover another one.
      const width = ctx.measureText(r.tag).width + 6 * devicePixelRatio;
      if (labelEnd === -Infinity || px + width < labelEnd) {
        ctx.fillStyle = '#15803d';
        ctx.fillText(r.tag, px + 3 * devicePixelRatio, top + 12 * devicePixelRatio);
        labelEnd = px;
      }
    }
    for (const a of view.annotations) {
      const px = x(a.committedAt);
      ctx.fillStyle = '#b45309';
      ctx.beginPath();
      ctx.arc(px, bottom - 6 * devicePixelRatio, 4 * devicePixelRatio, 0, 2 * Math.PI);
      ctx.fill();
    }
    for (const g of view.regressions) {
      const px = x(g.committedAt);
      const live = g.status === 'open' || g.status === 'acknowledged';
      ctx.fillStyle = g.direction === 'improvement' ? '#15803d' : live ? '#dc2626' : '#9ca3af';
      ctx.beginPath();
      ctx.moveTo(px, top + 18 * devicePixelRatio);
      ctx.lineTo(px - 6 * devicePixelRatio, top + 28 * devicePixelRatio);
      ctx.lineTo(px + 6 * devicePixelRatio, top + 28 * devicePixelRatio);
      ctx.closePath();
      ctx.fill();
    }
    ctx.restore();
  }

  function chart(box, view) {
    const xs = view.points.map((p) => Date.parse(p.committedAt) / 1000);
    const ys = view.points.map((p) => p.value);
    const tip = el('div', { class: 'tip', hidden: true, role: 'tooltip' });
    box.append(tip);
    const width = () => Math.max(280, box.clientWidth);
    const robust = robustRange(ys);
    let showAll = false;
    if (robust) {
      box.append(
        el(
          'p',
          { class: 'muted outliers' },
          robust.outside + (robust.outside === 1 ? ' point lies' : ' points lie') + ' outside the drawn range; ',
          el(
            'button',
            {
              type: 'button',
              class: 'link',
              onclick: () => {
                showAll = true;
                u.setData([xs, ys]);
              },
            },
            'show all',
          ),
        ),
      );
    }
    const u = new uPlot(
      {
        width: width(),
        height: 240,
        scales: {
          x: { time: true },
          y: robust
            ? { range: (self, min, max) => (showAll ? uPlot.rangeNum(min, max, 0.1, true) : [robust.min, robust.max]) }
            : {},
        },
        legend: { show: false },
        cursor: { drag: { x: true, y: false, setScale: false } },
        series: [{}, { label: view.name, stroke: '#2563eb', width: 2, points: { show: ys.length <= 200, size: 5 } }],
        axes: [
          {},
          {
            size: 90,
            gap: 6,
            incrs: view.unit === 'bytes' ? BINARY_STEPS : undefined,
            values: (self, ticks) => axisLabels(ticks, view.unit),
          },
        ],
        hooks: {
          draw: [(self) => markers(self, view)],
          setSelect: [
            (self) => {
              // A drag across a chart (the page zooms, not uPlot): every chart shows that window.
              if (self.select.width < 2) {
                return;
              }
              const min = self.posToVal(self.select.left, 'x');
              const max = self.posToVal(self.select.left + self.select.width, 'x');
              self.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
              remember({ from: Math.floor(min), to: Math.ceil(max), range: null });
              document.getElementById('range').value = '';
              zoom(min, max);
            },
          ],
          setCursor: [
            (self) => {
              const i = self.cursor.idx;
              if (i === null || i === undefined || self.cursor.left < 0) {
                tip.hidden = true;
                return;
              }
              const p = view.points[i];
              tip.replaceChildren(
                el('strong', {}, human(p.value, view.unit)),
                el('span', {}, ' ' + exact(p.value, view.unit)),
                el('br'),
                el('code', {}, short(p.commit)),
                el('span', {}, ' ' + (p.profile || '')),
                el('br'),
                el('span', {}, (p.message || '').slice(0, 120)),
              );
              tip.hidden = false;
              tip.style.left = Math.min(self.cursor.left + 60, box.clientWidth - 220) + 'px';
            },
          ],
        },
      },
      [xs, ys],
      box,
    );
    // A mouse click opens the point's run; on a touch screen the first tap shows the tooltip and a
    // second tap on the same point opens it.
    let touched = null;
    let lastPointer = 'mouse';
    u.over.addEventListener('pointerdown', (event) => {
      lastPointer = event.pointerType;
    });
    u.over.addEventListener('click', () => {
      const i = u.cursor.idx;
      if (i === null || i === undefined) {
        return;
      }
      if (lastPointer === 'touch' && touched !== i) {
        touched = i;
        return;
      }
      location.href = '/projects/' + enc(slug) + '/runs/' + view.points[i].runId;
    });
    charts.push({ u, box, width });
    return u;
  }

  function figure(entry, branch, view) {
    const label =
      entry.name + (entry.profile ? ' · ' + entry.profile : '') + (entry.target ? ' · ' + entry.target : '');
    const box = el('div', { class: 'chart', 'data-series': entry.name });
    const rows = view.points
      .slice()
      .reverse()
      .map((p) =>
        el(
          'tr',
          {},
          el('td', {}, el('a', { href: '/projects/' + enc(slug) + '/runs/' + p.runId }, short(p.commit))),
          el('td', {}, p.committedAt.slice(0, 19).replace('T', ' ')),
          el('td', { title: exact(p.value, view.unit) }, human(p.value, view.unit)),
          el('td', {}, p.message || ''),
        ),
      );
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
          `${view.total} runs` + (view.points.length < view.total ? `, ${view.points.length} drawn` : ''),
        ),
      ),
      box,
      el(
        'p',
        { class: 'releases' },
        view.releases.length ? 'Releases: ' : 'No release in this range.',
        ...view.releases
          .slice(-10)
          .reverse()
          .map((r) => el('span', { class: 'release', title: r.commit }, r.tag)),
        view.releases.length > 10 ? el('span', { class: 'muted' }, `and ${view.releases.length - 10} earlier`) : null,
      ),
      view.annotations.length
        ? el(
            'ul',
            { class: 'annotations' },
            ...view.annotations.map((a) => el('li', {}, el('code', {}, short(a.commit)), ' ' + a.changes.join(', '))),
          )
        : null,
      view.regressions.length
        ? el(
            'ul',
            { class: 'regressions' },
            ...view.regressions.map((g) =>
              el(
                'li',
                {},
                `${g.direction === 'improvement' ? 'Improvement' : 'Regression'} (${g.status}) `,
                g.commit
                  ? el(
                      'span',
                      {},
                      'from ',
                      el('a', { href: '/projects/' + enc(slug) + '/runs/' + g.runId }, short(g.commit)),
                    )
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
          { type: 'button', onclick: () => download(seriesPath(entry, branch, 'csv'), entry.name + '.csv') },
          'Download CSV',
        ),
        el(
          'button',
          { type: 'button', onclick: () => download(seriesPath(entry, branch), entry.name + '.json') },
          'Download JSON',
        ),
      ),
      el(
        'details',
        {},
        el('summary', {}, 'Table of the points'),
        el(
          'div',
          { class: 'scroll' },
          el(
            'table',
            { class: 'points' },
            el(
              'thead',
              {},
              el(
                'tr',
                {},
                el('th', {}, 'Commit'),
                el('th', {}, 'Committed'),
                el('th', {}, 'Value'),
                el('th', {}, 'Message'),
              ),
            ),
            el('tbody', {}, ...rows),
          ),
        ),
      ),
    );
    return { fig, box };
  }

  let observer = null;

  async function load(branch) {
    status('Loading…');
    for (const c of charts.splice(0)) {
      c.u.destroy();
    }
    for (const id of ['sizes', 'runtimes', 'others']) {
      const section = document.getElementById(id);
      section.replaceChildren(section.firstElementChild);
    }
    const entries = await api('/projects/' + enc(slug) + '/series/index?branch=' + enc(branch));
    if (entries.length === 0) {
      status('No runs on ' + branch + ' yet.');
      return;
    }
    // Slots in index order, filled as the series arrive (the browser fetches several at once).
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
    // Charts are fetched and drawn as they come near the screen: a page of many series draws
    // what is seen first and never draws what is not scrolled to.
    let pending = 0;
    const draw = async (entry, slot) => {
      pending++;
      try {
        const view = await api(seriesPath(entry, branch));
        const { fig, box } = figure(entry, branch, view);
        slot.replaceChildren(fig);
        chart(box, view);
        const w = askedWindow();
        if (w) {
          const c = charts[charts.length - 1];
          c.u.setScale('x', { min: w[0], max: w[1] });
          c.box.dataset.window = Math.floor(w[0]) + '-' + Math.ceil(w[1]);
        }
      } catch (error) {
        fail(error);
      } finally {
        pending--;
        if (pending === 0) {
          status('');
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
            draw(entries[slots.indexOf(e.target)], e.target);
          }
        }
      },
      { rootMargin: '600px 0px' },
    );
    applyFind();
    slots.forEach((slot) => observer.observe(slot));
  }

  try {
    const project = await api('/projects/' + enc(slug));
    document.getElementById('title').textContent = project.name;
    const branches = await api('/projects/' + enc(slug) + '/branches');
    const select = document.getElementById('branch');
    const wanted = address.get('branch') || project.defaultBranch;
    for (const b of branches) {
      select.append(el('option', { value: b.name, selected: b.name === wanted }, b.name));
    }
    if (!branches.some((b) => b.name === wanted)) {
      select.append(el('option', { value: wanted, selected: true }, wanted));
    }
    select.addEventListener('change', () => {
      remember({ branch: select.value });
      load(select.value).catch(fail);
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
      if (range.value) {
        applyWindow();
      } else {
        resetZoom();
      }
    });
    document.getElementById('reset-zoom').addEventListener('click', resetZoom);
    window.addEventListener('resize', () => charts.forEach((c) => c.u.setSize({ width: c.width(), height: 240 })));
    await load(select.value);
  } catch (error) {
    fail(error);
  }
})();
