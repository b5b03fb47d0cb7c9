'use strict';
/* Any two runs side by side: base and head (a run id, a commit, a release tag or a branch), every
   measurement with its verdict, the largest change first. The form lives in the address. */
(async () => {
  const { api, el, short, nav, fail, status, slug, verdictRows, differenceRows, showComposition } = Regtrack;
  const enc = encodeURIComponent;
  nav(slug);
  const form = document.getElementById('compare-form');
  const params = new URLSearchParams(location.search);
  for (const field of ['base', 'head', 'kind', 'name']) {
    form.elements[field].value = params.get(field) || '';
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const field of ['base', 'head', 'kind', 'name']) {
      const value = form.elements[field].value.trim();
      if (value) {
        next.set(field, value);
      }
    }
    location.search = next.toString();
  });
  if (!params.get('base') || !params.get('head')) {
    status('Name the two runs to compare: a run id, a commit, a release tag or a branch each.');
    return;
  }
  try {
    const c = await api('/projects/' + enc(slug) + '/compare?' + params.toString());
    const run = (id, commit, label) =>
      el('a', { href: '/projects/' + enc(slug) + '/runs/' + id }, label + ' ' + short(commit) + ' (run ' + id + ')');
    document
      .getElementById('sides')
      .replaceChildren(
        run(c.runId, c.commit, 'Head'),
        ' on ' + c.branch + ' against ',
        run(c.baseline.runId, c.baseline.commit, c.baseline.tag ? 'release ' + c.baseline.tag : 'base'),
        '.',
      );
    document.querySelector('#verdicts tbody').replaceChildren(...verdictRows(c.verdicts));
    showComposition(c.verdicts);
    document.querySelector('#differences tbody').replaceChildren(...differenceRows(c, 'Built the same way.'));
    status(c.verdicts.length + ' measurements.');
  } catch (error) {
    fail(error);
  }
})();
