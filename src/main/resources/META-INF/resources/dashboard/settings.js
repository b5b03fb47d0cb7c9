'use strict';
/* A project's settings, for its admins: tokens (created with the text shown once, listed, revoked),
   the default branch and release pattern, thresholds, webhooks, and deleting the project. Nothing of
   it is shown until the API has said the session's token administers the project. */
(async () => {
  const { api, send, when, el, nav, status, fail, slug } = Regtrack;
  const base = '/projects/' + encodeURIComponent(slug);
  const $ = (id) => document.getElementById(id);
  nav(slug);

  function done(message) {
    status(message);
  }

  function problem(error) {
    if (error.status === 401 || error.status === 403) {
      $('settings').hidden = true;
      $('denied').hidden = false;
    }
    fail(error);
  }

  async function tokens() {
    const list = await api(base + '/tokens', { quiet: true });
    $('tokens')
      .querySelector('tbody')
      .replaceChildren(
        ...list.map((t) =>
          el(
            'tr',
            { 'data-token': t.id, class: t.state },
            el('td', {}, t.name),
            el('td', {}, t.scope),
            el('td', {}, when(t.createdAt)),
            el('td', {}, t.lastUsedAt ? when(t.lastUsedAt) : 'never'),
            el('td', {}, t.expiresAt ? when(t.expiresAt) : 'never'),
            el('td', {}, el('span', { class: 'badge ' + t.state }, t.state)),
            el(
              'td',
              {},
              t.state === 'revoked'
                ? ''
                : el('button', { type: 'button', class: 'revoke', onclick: () => revoke(t) }, 'Revoke'),
            ),
          ),
        ),
      );
  }

  async function revoke(t) {
    try {
      await api(base + '/tokens/' + t.id, { method: 'DELETE', quiet: true });
      await tokens();
      done('Token “' + t.name + '” is revoked.');
    } catch (error) {
      problem(error);
    }
  }

  $('token-create').addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = { name: $('new-token-name').value.trim(), scope: $('new-token-scope').value };
    if ($('new-token-expires').value) {
      body.expiresAt = new Date($('new-token-expires').value + 'T00:00:00Z').toISOString();
    }
    try {
      const issued = await api(base + '/tokens', Object.assign(send('POST', body), { quiet: true }));
      $('new-token-text').textContent = issued.token; // this once: it is kept nowhere on this page
      $('new-token').hidden = false;
      $('token-create').reset();
      await tokens();
      done('Token “' + issued.name + '” is created.');
    } catch (error) {
      problem(error);
    }
  });

  async function project() {
    const p = await api(base, { quiet: true });
    $('title').textContent = 'Settings · ' + p.name;
    $('default-branch').value = p.defaultBranch;
    $('release-pattern').value = p.releasePattern;
  }

  $('project-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api(
        base,
        Object.assign(
          send('PATCH', { defaultBranch: $('default-branch').value, releasePattern: $('release-pattern').value }),
          { quiet: true },
        ),
      );
      done('The project is saved.');
    } catch (error) {
      problem(error);
    }
  });

  let overrides = {};

  async function thresholds() {
    const t = await api(base + '/thresholds', { quiet: true });
    $('size-percent').value = t.size.percent;
    $('size-bytes').value = t.size.bytes;
    $('runtime-alpha').value = t.runtime.alpha;
    $('runtime-effect').value = t.runtime.minEffectPercent;
    $('runtime-test').value = t.runtime.test;
    overrides = t.measurements || {};
    const names = Object.keys(overrides);
    $('overrides').textContent = names.length
      ? 'Kept as they are (set through the API): rules of ' + names.join(', ') + '.'
      : '';
  }

  $('thresholds-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = {
      size: { percent: Number($('size-percent').value), bytes: Number($('size-bytes').value) },
      runtime: {
        alpha: Number($('runtime-alpha').value),
        minEffectPercent: Number($('runtime-effect').value),
        test: $('runtime-test').value,
      },
      measurements: overrides,
    };
    try {
      await api(base + '/thresholds', Object.assign(send('PUT', body), { quiet: true }));
      await thresholds();
      done('The thresholds are saved.');
    } catch (error) {
      problem(error);
    }
  });

  async function webhooks() {
    const list = await api(base + '/webhooks', { quiet: true });
    $('webhooks')
      .querySelector('tbody')
      .replaceChildren(
        ...list.map((w) =>
          el(
            'tr',
            { 'data-webhook': w.id },
            el('td', {}, el('code', {}, w.url)),
            el('td', {}, w.events.join(', ')),
            el('td', {}, w.format),
            el('td', {}, w.signed ? 'yes' : 'no'),
            el('td', {}, el('button', { type: 'button', class: 'remove', onclick: () => remove(w) }, 'Remove')),
          ),
        ),
      );
  }

  async function remove(w) {
    try {
      await api(base + '/webhooks/' + w.id, { method: 'DELETE', quiet: true });
      await webhooks();
      done('The webhook to ' + w.url + ' is removed.');
    } catch (error) {
      problem(error);
    }
  }

  $('webhook-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = {
      url: $('webhook-url').value.trim(),
      events: [...$('webhook-events').querySelectorAll('input:checked')].map((c) => c.value),
      format: $('webhook-format').value,
    };
    if ($('webhook-secret').value) {
      body.secret = $('webhook-secret').value;
    }
    try {
      await api(base + '/webhooks', Object.assign(send('POST', body), { quiet: true }));
      $('webhook-form').reset();
      await webhooks();
      done('The webhook is added.');
    } catch (error) {
      problem(error);
    }
  });

  $('delete-confirm').addEventListener('input', () => {
    $('delete-button').disabled = $('delete-confirm').value !== slug;
  });
  $('delete-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api(base, Object.assign(send('DELETE', { confirm: $('delete-confirm').value }), { quiet: true }));
      location.assign('/');
    } catch (error) {
      problem(error);
    }
  });
  $('denied-token').addEventListener('click', () => $('token-button').click());

  try {
    await tokens(); // answers 401/403 unless the token administers this project
    $('settings').hidden = false;
    await Promise.all([project(), thresholds(), webhooks()]);
  } catch (error) {
    problem(error);
  }
})();
