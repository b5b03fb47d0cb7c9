'use strict';
/* A run: its facts, its comparison with the baseline, what changed, and its effective profile. */
(async () => {
  const { api, el, short, safeUrl, nav, fail, slug, verdictRows, differenceRows, showComposition } = Regtrack;
  const enc = encodeURIComponent;
  const id = Regtrack.item;
  nav(slug);
  const badge = (s) => el('span', { class: 'badge ' + s }, s);
  try {
    const [run, comparison] = await Promise.all([
      api('/projects/' + enc(slug) + '/runs/' + enc(id)),
      api('/projects/' + enc(slug) + '/runs/' + enc(id) + '/comparison'),
    ]);
    document.getElementById('title').replaceChildren('Run ' + run.id + ' ', badge(comparison.status));
    const facts = [
      [
        'Commit',
        el(
          'span',
          {},
          el('code', {}, run.commit),
          ' · ',
          el(
            'a',
            { href: '/projects/' + enc(slug) + '/commits/' + enc(run.commit) + '/matrix', id: 'matrix-link' },
            'every profile of this commit',
          ),
        ),
      ],
      ['Branch', run.branch],
      ['Tag', run.tag],
      ['Pull request', run.pullRequest ? '#' + run.pullRequest : null],
      ['Committed', run.committedAt],
      ['Message', run.message],
      ['Author', run.author],
      ['Profile', run.profile.name],
      [
        'Toolchain',
        Object.entries(run.toolchain)
          .map(([k, v]) => k + ' ' + v)
          .join(', '),
      ],
      ['Runner', Object.values(run.runner).join(', ')],
      [
        'CI',
        safeUrl(run.ciUrl) ? el('a', { href: safeUrl(run.ciUrl), rel: 'noopener noreferrer' }, run.ciUrl) : run.ciUrl,
      ],
    ];
    document
      .getElementById('facts')
      .replaceChildren(...facts.filter(([, v]) => v).flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));

    const b = comparison.baseline;
    document
      .getElementById('baseline')
      .replaceChildren(
        ...(b
          ? [
              'Compared with ',
              b.tag ? 'release ' + b.tag + ' ' : '',
              el('a', { href: '/projects/' + enc(slug) + '/runs/' + b.runId }, 'run ' + b.runId),
              ' (',
              el('code', {}, short(b.commit)),
              '). ',
              el(
                'a',
                { href: '/projects/' + enc(slug) + '/compare?base=' + b.runId + '&head=' + run.id, id: 'compare-link' },
                'Compare side by side',
              ),
              '.',
            ]
          : ['No baseline yet: there is no earlier release of this target and profile.']),
      );
    document.getElementById('warnings').replaceChildren(...comparison.warnings.map((w) => el('li', {}, w)));

    // The API lists verdicts worst first (regressed, noisy, missing, improved, new, unchanged).
    const verdicts = comparison.verdicts;
    document.querySelector('#verdicts tbody').replaceChildren(...verdictRows(verdicts));

    // Sections and crates whose size changed, per binary, largest change first.
    showComposition(verdicts);

    document
      .querySelector('#changes tbody')
      .replaceChildren(...differenceRows(comparison, 'Nothing in the environment changed.'));

    document
      .querySelector('#profile tbody')
      .replaceChildren(
        ...Object.entries(run.profile.effective).map(([k, e]) =>
          el('tr', {}, el('td', {}, k), el('td', {}, el('code', {}, e.value)), el('td', {}, e.source)),
        ),
      );
  } catch (error) {
    fail(error);
  }
})();
