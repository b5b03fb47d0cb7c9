'use strict';
/* Alerts to triage: each regression with its culprit commit and buttons to acknowledge, dismiss
   or mark it fixed (an ingest or admin token is needed for those). */
(async () => {
  const { api, el, short, nav, status, fail, slug } = Regtrack;
  const enc = encodeURIComponent;
  nav(slug);
  const select = document.getElementById('alert-status');
  const body = document.querySelector('#alerts tbody');

  async function triage(alert, to, row) {
    try {
      const updated = await api('/projects/' + enc(slug) + '/alerts/' + alert.id, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ status: to }),
      });
      row.querySelector('.state').replaceChildren(el('span', { class: 'badge ' + updated.status }, updated.status));
      status('Alert ' + alert.id + ' is now ' + updated.status + '.');
    } catch (error) {
      fail(error);
    }
  }

  async function load() {
    const q = select.value ? '?status=' + enc(select.value) : '';
    const alerts = await api('/projects/' + enc(slug) + '/alerts' + q);
    body.replaceChildren(
      ...alerts.map((a) => {
        const row = el(
          'tr',
          { 'data-alert': a.id },
          el('td', { class: 'state' }, el('span', { class: 'badge ' + a.status }, a.status)),
          el('td', {}, a.kind + ' ', el('strong', {}, a.name), a.profile ? ' · ' + a.profile : ''),
          el('td', {}, a.branch),
          // The API's text: exact bytes for sizes, so a 28-byte growth reads as one.
          el('td', {}, a.shown.before + ' → ' + a.shown.after + ' (' + a.shown.delta + ')'),
          el('td', {}, a.shown.deltaPercent),
          el(
            'td',
            {},
            a.culprit
              ? el('a', { href: '/projects/' + enc(slug) + '/runs/' + a.culprit.runId }, short(a.culprit.commit))
              : 'one of ' + a.suspects.map(short).join(', '),
          ),
          el('td', {}, a.explanations.join(', ') || 'code change'),
          el('td', { class: 'buttons' }),
        );
        const buttons = row.querySelector('.buttons');
        for (const [to, label] of [
          ['acknowledged', 'Acknowledge'],
          ['dismissed', 'Dismiss'],
          ['fixed', 'Mark fixed'],
        ]) {
          buttons.append(el('button', { type: 'button', 'data-to': to, onclick: () => triage(a, to, row) }, label));
        }
        return row;
      }),
    );
    status(alerts.length ? '' : 'No ' + (select.value || '') + ' alerts.');
  }

  select.addEventListener('change', () => load().catch(fail));
  try {
    await load();
  } catch (error) {
    fail(error);
  }
})();
