'use strict';
/* exported Charts */
/* Time charts of the dashboard, drawn with uPlot: a series with its release, change and build
   markers, a tooltip that follows the cursor (a first tap on a touch screen), a click that opens
   the run and a shift-click that picks it for a comparison; and a binary's composition over time. */
const Charts = (() => {
  const { el, human, exact, short, axisLabels, robustRange, BINARY_STEPS } = Regtrack;
  const PALETTE = ['#2563eb', '#dc2626', '#15803d', '#b45309', '#7c3aed', '#0891b2', '#be185d', '#4d7c0f', '#6b7280'];
  const seconds = (iso) => Date.parse(iso) / 1000;

  /** The y axis of a unit: round binary steps for bytes, labels with the decimals their step needs. */
  function yAxis(unit, log) {
    return {
      size: 90,
      gap: 6,
      space: log ? 24 : 30,
      incrs: unit === 'bytes' && !log ? BINARY_STEPS : undefined,
      values: (self, ticks) => axisLabels(ticks, unit),
    };
  }

  function markers(u, m) {
    const ctx = u.ctx;
    const top = u.bbox.top;
    const bottom = u.bbox.top + u.bbox.height;
    const x = (iso) => u.valToPos(seconds(iso), 'x', true);
    const inside = (px) => px >= u.bbox.left && px <= u.bbox.left + u.bbox.width;
    const dpr = devicePixelRatio;
    ctx.save();
    ctx.font = `${Math.round(11 * dpr)}px sans-serif`;
    let labelEnd = Infinity;
    for (const r of m.releases.slice().reverse()) {
      const px = x(r.committedAt);
      if (!inside(px)) {
        continue;
      }
      ctx.strokeStyle = '#15803d';
      ctx.setLineDash([4 * dpr, 3 * dpr]);
      ctx.beginPath();
      ctx.moveTo(px, top);
      ctx.lineTo(px, bottom);
      ctx.stroke();
      ctx.setLineDash([]);
      // Newest first; a label is drawn only where it does not cover another one.
      const width = ctx.measureText(r.tag).width + 6 * dpr;
      if (px + width < labelEnd) {
        ctx.fillStyle = '#15803d';
        ctx.fillText(r.tag, px + 3 * dpr, top + 12 * dpr);
        labelEnd = px;
      }
    }
    for (const b of m.buildChanges) {
      const px = x(b.committedAt);
      if (inside(px)) {
        ctx.fillStyle = '#b45309';
        ctx.beginPath();
        ctx.arc(px, bottom - 6 * dpr, 4 * dpr, 0, 2 * Math.PI);
        ctx.fill();
      }
    }
    for (const g of m.regressions) {
      const px = x(g.committedAt);
      if (!inside(px)) {
        continue;
      }
      const live = g.status === 'open' || g.status === 'acknowledged';
      ctx.fillStyle = g.direction === 'improvement' ? '#15803d' : live ? '#dc2626' : '#9ca3af';
      ctx.beginPath();
      ctx.moveTo(px, top + 18 * dpr);
      ctx.lineTo(px - 6 * dpr, top + 28 * dpr);
      ctx.lineTo(px + 6 * dpr, top + 28 * dpr);
      ctx.closePath();
      ctx.fill();
    }
    ctx.restore();
  }

  /**
   * A chart of one series in {@code box}. The model holds the points (`runs`: each point's run as the
   * page's API lists it, `values`), the unit, the releases, build changes and changes found to mark,
   * and whether the y axis is logarithmic. {@code on} has `select(min, max)` (a drag), `open(run)` and
   * `pick(run)` (a shift-click). Returns {u, show(model)}: show draws another model's points.
   */
  function series(box, model, on) {
    let m = model;
    const tip = el('div', { class: 'tip', hidden: true, role: 'tooltip' });
    const note = el('p', { class: 'muted outliers', hidden: true });
    box.append(tip);
    box.after(note);
    const log = m.log && m.values.every((v) => v > 0);
    let robust = null;
    let showAll = false;
    const data = () => [m.runs.map((r) => seconds(r.committedAt)), m.values];
    const width = () => Math.max(280, box.clientWidth);
    function outliers() {
      robust = log ? null : robustRange(m.values);
      note.hidden = !robust || showAll;
      if (robust) {
        note.replaceChildren(
          robust.outside + (robust.outside === 1 ? ' point lies' : ' points lie') + ' outside the drawn range; ',
          el(
            'button',
            {
              type: 'button',
              class: 'link',
              onclick: () => {
                showAll = true;
                note.hidden = true;
                u.setData(data());
              },
            },
            'show all',
          ),
        );
      }
    }
    outliers();
    const u = new uPlot(
      {
        width: width(),
        height: 240,
        scales: {
          x: { time: true },
          y: log
            ? { distr: 3, log: 10 }
            : {
                range: (self, min, max) =>
                  robust && !showAll ? [robust.min, robust.max] : uPlot.rangeNum(min, max, 0.1, true),
              },
        },
        legend: { show: false },
        cursor: { drag: { x: true, y: false, setScale: false } },
        series: [{}, { label: m.name, stroke: '#2563eb', width: 2, points: { show: m.values.length <= 200, size: 5 } }],
        axes: [{}, yAxis(m.unit, log)],
        hooks: {
          draw: [(self) => markers(self, m)],
          setSelect: [
            (self) => {
              if (self.select.width < 2) {
                return;
              }
              const min = self.posToVal(self.select.left, 'x');
              const max = self.posToVal(self.select.left + self.select.width, 'x');
              self.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
              on.select(min, max);
            },
          ],
          setCursor: [
            (self) => {
              const i = self.cursor.idx;
              if (i === null || i === undefined || self.cursor.left < 0) {
                tip.hidden = true;
                return;
              }
              const run = m.runs[i];
              tip.replaceChildren(
                el('strong', {}, human(m.values[i], m.unit)),
                el('span', {}, ' ' + exact(m.values[i], m.unit)),
                el('br'),
                el('code', {}, short(run.commit)),
                el('span', {}, ' ' + (run.profile || '')),
                el('br'),
                el('span', {}, run.subject || ''),
              );
              tip.hidden = false;
              tip.style.left = Math.min(self.cursor.left + 60, box.clientWidth - 220) + 'px';
            },
          ],
        },
      },
      data(),
      box,
    );
    box.dataset.scale = log ? 'log' : 'linear';
    // A mouse click opens the point's run and a shift-click picks it for a comparison; on a touch
    // screen the first tap shows the tooltip and a second tap on the same point opens it.
    let touched = null;
    let lastPointer = 'mouse';
    u.over.addEventListener('pointerdown', (event) => {
      lastPointer = event.pointerType;
    });
    u.over.addEventListener('click', (event) => {
      const i = u.cursor.idx;
      if (i === null || i === undefined) {
        return;
      }
      if (event.shiftKey) {
        on.pick(m.runs[i]);
        return;
      }
      if (lastPointer === 'touch' && touched !== i) {
        touched = i;
        return;
      }
      on.open(m.runs[i]);
    });
    return {
      u,
      width,
      show(next) {
        m = Object.assign({}, m, next);
        outliers();
        u.setData(data());
      },
    };
  }

  /** A binary's parts over time (its largest sections or crates), one line each, with a legend. */
  function composition(box, view, parts) {
    const xs = view.runs.map((r) => seconds(r.committedAt));
    const named = (name) => (name.startsWith('crate:') ? name.slice('crate:'.length) : name);
    return new uPlot(
      {
        width: Math.max(280, box.clientWidth),
        height: 260,
        scales: { x: { time: true } },
        series: [
          { value: (self, v) => (v === null ? '' : new Date(v * 1000).toISOString().slice(0, 10)) },
          ...parts.map((p, i) => ({
            label: named(p.name),
            stroke: PALETTE[i % PALETTE.length],
            width: 2,
            spanGaps: true,
            value: (self, v) => (v === null || v === undefined ? '–' : human(v, 'bytes')),
          })),
        ],
        axes: [{}, yAxis('bytes', false)],
      },
      [xs, ...parts.map((p) => p.value)],
      box,
    );
  }

  return { series, composition, seconds };
})();
