'use strict';
(async () => {
  const { api, el, fail } = Regtrack;
  try {
    const projects = await api('/projects');
    const list = document.getElementById('projects');
    if (projects.length === 0) {
      list.append(el('li', {}, 'No projects you may see. Private projects appear with a token.'));
    }
    for (const p of projects) {
      list.append(
        el(
          'li',
          { class: 'card' },
          el('a', { href: '/projects/' + encodeURIComponent(p.slug) }, p.name),
          el('span', { class: 'muted' }, ' ' + p.slug + (p.public ? ' · public' : ' · private')),
        ),
      );
    }
  } catch (error) {
    fail(error);
  }
})();
