-- The environment fingerprint was written two ways (SQL's jsonb text here in V5, the application's
-- JSON afterwards, whose key order could differ from one start to the next), so runs built alike
-- could get different fingerprints and a chart would mark an environment change that never was.
-- Both now compute it from one canonical text, setting=value lines sorted by name, the profile's
-- effective values, a "--" line, then the toolchain; `run.EnvironmentHash` writes the same text.
update runs set environment_hash = md5(
    coalesce((select string_agg(key || '=' || coalesce(value ->> 'value', '') || E'\n', '' order by key collate "C")
              from jsonb_each(profile_effective)), '')
    || E'--\n'
    || coalesce((select string_agg(key || '=' || coalesce(value, '') || E'\n', '' order by key collate "C")
                 from jsonb_each_text(toolchain)), ''));

update measurements m set environment_hash = r.environment_hash
from runs r
where r.id = m.run_id and m.environment_hash <> r.environment_hash;
