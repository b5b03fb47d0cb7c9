-- An alert is a change found in a series: its culprit commit (or the suspect commits while it is
-- not located), the levels before and after, its direction, the run that detected it and the
-- release it came after. Each change is its own alert: a series may have many live ones.
alter table alerts rename column baseline_value to before_value;
alter table alerts rename column current_value to after_value;
alter table alerts rename column run_id to detected_run_id;
alter table alerts rename column baseline_tag to release_tag;
alter table alerts rename column baseline_run_id to release_run_id;
alter table alerts rename constraint fk_alerts_run to fk_alerts_detected_run;
alter table alerts rename constraint fk_alerts_baseline_run to fk_alerts_release_run;
alter table alerts add column direction text not null default 'regression';
alter table alerts add column delta double precision;
alter table alerts add column method text not null default 'threshold';
alter table alerts add column suspects jsonb not null default '[]';
update alerts set delta = after_value - before_value;
update alerts set suspects = jsonb_build_array(culprit_commit) where culprit_commit is not null;
alter table alerts alter column delta set not null;
alter table alerts add constraint ck_alerts_direction check (direction in ('regression', 'improvement'));
alter table alerts add constraint ck_alerts_method check (method in ('threshold', 'step', 'creep', 'shift'));

drop index uq_alerts_live_series;
-- One alert per change: the same culprit of a series is never recorded twice.
create unique index uq_alerts_series_culprit on alerts (project_id, branch, kind, name, coalesce(target, ''),
    coalesce(profile_name, ''), culprit_run_id, method) where culprit_run_id is not null;
create index ix_alerts_project_culprit on alerts (project_id, culprit_commit);
create index ix_alerts_series on alerts (project_id, branch, kind, name, opened_at desc);

-- The commit of the run that detected the change, so that a list of alerts reads no runs.
alter table alerts add column detected_commit text;
update alerts a set detected_commit = r.commit_sha from runs r where r.id = a.detected_run_id;
alter table alerts alter column detected_commit set not null;
