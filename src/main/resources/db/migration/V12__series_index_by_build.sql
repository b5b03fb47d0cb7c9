-- A series is read for one build (profile and target) nearly always: an upload's alert windows,
-- the charts, the blocks. With profile and target only included in the index, each of those reads
-- walked the points of every build of the series and dropped the others' (16 builds: 16 times the
-- rows). They are now part of the key, as '' for none, as series_catalog and series_blocks hold them.
drop index ix_measurements_series;
create index ix_measurements_series on measurements
    (project_id, branch, kind, name, (coalesce(profile_name, '')), (coalesce(target, '')), committed_at, id)
    include (center, unit, run_id, environment_hash, profile_name, target);

