'use strict';
/* One commit under several profiles: a size/runtime scatter with the Pareto frontier, and the
   same in tables. */
(async () => {
  const { api, el, human, exact, short, nav, fail, slug } = Regtrack;
  const enc = encodeURIComponent;
  nav(slug);
  const sha = Regtrack.item;

  function draw(canvas, cells) {
    const ratio = devicePixelRatio || 1;
    const width = canvas.clientWidth || 800;
    const height = 360;
    canvas.width = width * ratio;
    canvas.height = height * ratio;
    const ctx = canvas.getContext('2d');
    ctx.scale(ratio, ratio);
    const timed = cells.filter((c) => c.totalRuntime !== null);
    const ys = timed.length === cells.length;
    const sizes = cells.map((c) => c.totalSize);
    const times = ys ? cells.map((c) => c.totalRuntime) : cells.map(() => 1);
    const pad = 60;
    const [x0, x1] = [Math.min(...sizes), Math.max(...sizes)];
    const [y0, y1] = [Math.min(...times), Math.max(...times)];
    const px = (v) => pad + (x1 === x0 ? 0.5 : (v - x0) / (x1 - x0)) * (width - 2 * pad);
    const py = (v) => height - pad + (y1 === y0 ? -0.5 : -(v - y0) / (y1 - y0)) * (height - 2 * pad);
    ctx.strokeStyle = '#6b7280';
    ctx.strokeRect(pad / 2, pad / 2, width - pad, height - pad);
    ctx.fillStyle = '#374151';
    ctx.font = '12px sans-serif';
    ctx.fillText('size →', width - pad, height - pad / 4);
    ctx.fillText(ys ? 'runtime ↑' : '(no runtime)', 4, pad / 2 - 6);
    const frontier = cells.filter((c) => c.pareto).sort((a, b) => a.totalSize - b.totalSize);
    ctx.strokeStyle = '#2563eb';
    ctx.beginPath();
    frontier.forEach((c, i) => {
      const [x, y] = [px(c.totalSize), py(ys ? c.totalRuntime : 1)];
      if (i === 0) {
        ctx.moveTo(x, y);
      } else {
        ctx.lineTo(x, y);
      }
    });
    ctx.stroke();
    for (const c of cells) {
      const [x, y] = [px(c.totalSize), py(ys ? c.totalRuntime : 1)];
      ctx.beginPath();
      ctx.arc(x, y, 6, 0, 2 * Math.PI);
      if (c.pareto) {
        ctx.fillStyle = '#2563eb';
        ctx.fill();
      } else {
        ctx.strokeStyle = '#6b7280';
        ctx.stroke();
      }
      ctx.fillStyle = '#111827';
      ctx.fillText(c.profile, x + 9, y - 8);
    }
  }

  try {
    const m = await api('/projects/' + enc(slug) + '/commits/' + enc(sha) + '/matrix');
    document
      .getElementById('commit')
      .replaceChildren('Commit ', el('code', {}, short(m.commit)), ', compared with ', m.reference, '.');
    draw(document.getElementById('scatter'), m.profiles);
    document.getElementById('summary').replaceChildren(...m.summary.map((s) => el('li', {}, s)));
    document
      .querySelector('#cells tbody')
      .replaceChildren(
        ...m.profiles.map((c) =>
          el(
            'tr',
            { class: c.pareto ? 'pareto' : '' },
            el('td', {}, el('a', { href: '/projects/' + enc(slug) + '/runs/' + c.runId }, c.profile)),
            el('td', {}, c.target || ''),
            el('td', { title: exact(c.totalSize, 'bytes') }, human(c.totalSize, 'bytes')),
            el('td', { title: exact(c.totalRuntime, 'seconds') }, human(c.totalRuntime, 'seconds')),
            el('td', { title: exact(c.buildTime, 'seconds') }, human(c.buildTime, 'seconds')),
            el('td', {}, c.pareto ? 'yes' : 'no'),
          ),
        ),
      );
    const profiles = m.profiles.map((c) => c.profile);
    document
      .querySelector('#settings thead')
      .replaceChildren(el('tr', {}, el('th', {}, 'Setting'), ...profiles.map((p) => el('th', {}, p))));
    document
      .querySelector('#settings tbody')
      .replaceChildren(
        ...Object.entries(m.differingSettings).map(([k, values]) =>
          el('tr', {}, el('td', {}, k), ...profiles.map((p) => el('td', {}, el('code', {}, values[p] || '')))),
        ),
      );
  } catch (error) {
    fail(error);
  }
})();
