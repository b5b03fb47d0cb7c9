-- Seeds one public project with a long history for measuring the series endpoint:
-- :runs runs on main (one commit each, an hour apart), each with one size and one runtime,
-- a release every 1,000 commits and a size step at two thirds of the history.
-- Usage: psql "$URL" -v runs=100000 -f bench/seed-series.sql
\set ON_ERROR_STOP on
begin;
insert into projects (id, slug, name, is_public, created_at)
values (nextval('project_seq'), 'bench-history', 'Long history', true, now());

create temporary table seed_runs on commit drop as
select g as n, nextval('run_seq') as id,
       lpad(to_hex(g), 40, '0') as sha,
       timestamptz '2020-01-01' + g * interval '1 hour' as at
from generate_series(1, :runs) g;

insert into runs (id, project_id, commit_sha, branch, committed_at, received_at, message, request_hash,
                  toolchain, runner, target, profile_name, profile_settings, profile_inputs, status,
                  profile_effective, environment_hash)
select s.id, p.id, s.sha, 'main', s.at, s.at, 'commit ' || s.n, md5(s.sha),
       '{"rustc": "1.95.0", "target": "x86_64-unknown-linux-gnu"}', '{"os": "ubuntu-24.04"}',
       'x86_64-unknown-linux-gnu', 'release', '{}', '{}', 'unchanged',
       case when s.n < :runs * 2 / 3 then '{"lto": {"value": "fat", "source": "manifest"}}'::jsonb
            else '{"lto": {"value": "false", "source": "manifest"}}'::jsonb end,
       case when s.n < :runs * 2 / 3 then 'fat' else 'thin-local' end
from seed_runs s, projects p where p.slug = 'bench-history';

insert into measurements (id, run_id, project_id, branch, committed_at, profile_name, target, environment_hash,
                          kind, name, unit, value, center)
select nextval('measurement_seq'), s.id, p.id, 'main', s.at, 'release', 'x86_64-unknown-linux-gnu',
       case when s.n < :runs * 2 / 3 then 'fat' else 'thin-local' end, 'size', 'app', 'bytes',
       case when s.n < :runs * 2 / 3 then 300000 else 330000 end + (s.n % 7),
       case when s.n < :runs * 2 / 3 then 300000 else 330000 end + (s.n % 7)
from seed_runs s, projects p where p.slug = 'bench-history';

insert into measurements (id, run_id, project_id, branch, committed_at, profile_name, target, environment_hash,
                          kind, name, unit, value, center)
select nextval('measurement_seq'), s.id, p.id, 'main', s.at, 'release', 'x86_64-unknown-linux-gnu',
       case when s.n < :runs * 2 / 3 then 'fat' else 'thin-local' end, 'runtime', 'startup', 'seconds',
       0.001 * (1 + 0.02 * sin(s.n)), 0.001 * (1 + 0.02 * sin(s.n))
from seed_runs s, projects p where p.slug = 'bench-history';

insert into releases (id, project_id, tag, commit_sha, committed_at, created_at)
select nextval('release_seq'), p.id, 'v0.' || (s.n / 1000) || '.0', s.sha, s.at, s.at
from seed_runs s, projects p where p.slug = 'bench-history' and s.n % 1000 = 0;
commit;
vacuum analyze;
