-- A fingerprint of a run's build environment (effective profile and toolchain), so that a chart
-- finds where the environment changed by comparing short strings instead of JSON documents.
alter table runs add column environment_hash text;
update runs set environment_hash = md5(profile_effective::text || toolchain::text);
alter table runs alter column environment_hash set not null;

-- The rest of the series key (profile, target) and the fingerprint are copied to measurements, so
-- that a chart reads one index range of measurements and never the wide runs rows.
alter table measurements add column profile_name text;
alter table measurements add column target text;
alter table measurements add column environment_hash text;
update measurements m set profile_name = r.profile_name, target = r.target, environment_hash = r.environment_hash
from runs r where r.id = m.run_id;
alter table measurements alter column environment_hash set not null;
drop index ix_measurements_series;
create index ix_measurements_series on measurements (project_id, branch, kind, name, committed_at, id)
    include (center, unit, run_id, environment_hash, profile_name, target);
