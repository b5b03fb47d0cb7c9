'use strict';
/* Alerts to work: grouped by culprit commit (the alert summaries), each with its age, the release
   it came after, its change in exact units and links to the run and the compare view; triage with
   a note (an ingest or admin token is needed). The filters live in the address. */
(async () => {
  const { api, el, short, nav, status, fail, slug, when } = Regtrack;
  const enc = encodeURIComponent;
  nav(slug);
  const statusSelect = document.getElementById('alert-status');
  const directionSelect = document.getElementById('alert-direction');
  const body = document.querySelector('#alerts tbody');
  const params = new URLSearchParams(location.search);
  statusSelect.value = params.has('status') ? params.get('status') : 'open';
  directionSelect.value = params.get('direction') || 'regression';

  const STATES = [
    ['acknowledged', 'Acknowledge'],
    ['dismissed', 'Dismiss'],
    ['fixed', 'Mark fixed'],
    ['open', 'Reopen'],
  ];

  function age(instant) {
    const days = Math.floor((Date.now() - Date.parse(instant)) / 86_400_000);
    return days < 1 ? 'today' : days === 1 ? '1 day' : days + ' days';
  }

  function buttons(alert, row) {
    const note = el('input', { type: 'text', 'aria-label': 'Note', placeholder: 'note', maxlength: '2000' });
    const cell = row.querySelector('.buttons');
    cell.replaceChildren(
      note,
      // Only the moves that change something: no "Mark fixed" on a fixed alert.
      ...STATES.filter(([to]) => to !== alert.status).map(([to, label]) =>
        el('button', { type: 'button', 'data-to': to, onclick: () => triage(alert, to, note.value, row) }, label),
      ),
    );
  }

  async function triage(alert, to, note, row) {
    try {
      const updated = await api('/projects/' + enc(slug) + '/alerts/' + alert.id, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(note ? { status: to, note } : { status: to }),
      });
      row.querySelector('.state').replaceChildren(...state(updated));
      buttons(updated, row);
      status('Alert ' + alert.id + ' is now ' + updated.status + '.');
    } catch (error) {
      fail(error);
    }
  }

  /** The triage state, and who last set it, when, with the note (from the project's audit trail). */
  function state(a) {
    return [
      el('span', { class: 'badge ' + a.status }, a.status),
      a.triaged
        ? el(
            'div',
            { class: 'triaged' },
            a.triaged.status + ' by ' + a.triaged.by + ', ',
            el('time', { datetime: a.triaged.at }, when(a.triaged.at)),
          )
        : '',
      a.note ? el('div', { class: 'triaged note' }, '“' + a.note + '”') : '',
    ];
  }

  function alertRow(a) {
    const head = a.culprit || a.detectedAt;
    const compare = a.release
      ? '/projects/' + enc(slug) + '/compare?base=' + a.release.runId + '&head=' + head.runId
      : null;
    const row = el(
      'tr',
      { 'data-alert': a.id },
      el('td', { class: 'state' }, ...state(a)),
      el('td', {}, a.kind + ' ', el('strong', {}, a.name), a.profile ? ' · ' + a.profile : '', ' · ' + a.branch),
      // The API's text: exact bytes for sizes, so a 28-byte growth reads as one.
      el('td', {}, a.shown.before + ' → ' + a.shown.after + ' (' + a.shown.delta + ')'),
      el('td', {}, a.shown.deltaPercent),
      el('td', { title: a.openedAt }, age(a.openedAt)),
      el(
        'td',
        {},
        a.explanations.join(', ') || 'code change',
        a.release ? el('div', { class: 'muted' }, 'after release ' + a.release.tag) : '',
        compare ? el('div', {}, el('a', { href: compare }, 'compare with the release')) : '',
        el(
          'div',
          {},
          el('a', { href: '/projects/' + enc(slug) + '/runs/' + head.runId }, 'the run'),
          ' · ',
          el(
            'a',
            {
              href:
                '/projects/' +
                enc(slug) +
                '?' +
                new URLSearchParams({ branch: a.branch, find: a.name, around: head.runId }),
            },
            'the chart at that point',
          ),
        ),
      ),
      el('td', { class: 'buttons' }),
    );
    buttons(a, row);
    return row;
  }

  function groupRow(s) {
    const culprit = s.commit
      ? el('a', { href: '/projects/' + enc(slug) + '/runs/' + s.runId }, 'commit ' + short(s.commit))
      : 'one of ' + s.suspects.map(short).join(', ');
    const counts = [
      s.regressions ? s.regressions + (s.regressions === 1 ? ' regression' : ' regressions') : '',
      s.improvements ? s.improvements + (s.improvements === 1 ? ' improvement' : ' improvements') : '',
    ].filter(Boolean);
    return el(
      'tr',
      { class: 'group' },
      el('th', { colspan: 7, scope: 'rowgroup' }, culprit, ' · ' + counts.join(', ') + ' · ' + age(s.openedAt)),
    );
  }

  async function load() {
    const q = new URLSearchParams();
    if (statusSelect.value) {
      q.set('status', statusSelect.value);
    }
    q.set('direction', directionSelect.value);
    history.replaceState(null, '', '?' + q.toString());
    const summaries = await api('/projects/' + enc(slug) + '/alert-summaries?' + q.toString());
    body.replaceChildren(...summaries.flatMap((s) => [groupRow(s), ...s.alerts.map(alertRow)]));
    const shown = summaries.reduce((n, s) => n + s.alerts.length, 0);
    status(shown ? '' : 'No ' + (statusSelect.value || '') + ' alerts.');
  }

  statusSelect.addEventListener('change', () => load().catch(fail));
  directionSelect.addEventListener('change', () => load().catch(fail));
  try {
    await load();
  } catch (error) {
    fail(error);
  }
})();
