-- Release baselines: a project may pin one release; thresholds are kept with the project.
alter table projects add column thresholds jsonb not null default '{}';
alter table projects add column pinned_release_id bigint;
alter table projects add constraint fk_projects_pinned_release
    foreign key (pinned_release_id) references releases (id) on delete set null;

create index ix_releases_project_commit on releases (project_id, commit_sha);
