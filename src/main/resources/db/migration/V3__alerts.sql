-- Alerts: a regression on a tracked branch, with its culprit and its triage state.
create sequence alert_seq increment by 50;

create table alerts (
    id               bigint           not null,
    project_id       bigint           not null,
    branch           text             not null,
    kind             text             not null,
    name             text             not null,
    unit             text             not null,
    target           text,
    profile_name     text,
    status           text             not null,
    baseline_run_id  bigint,
    baseline_tag     text,
    baseline_value   double precision not null,
    run_id           bigint           not null,
    current_value    double precision not null,
    delta_percent    double precision,
    culprit_run_id   bigint,
    culprit_commit   text,
    explanations     jsonb            not null default '[]',
    note             text,
    opened_at        timestamptz      not null,
    updated_at       timestamptz      not null,
    constraint pk_alerts primary key (id),
    constraint fk_alerts_project foreign key (project_id) references projects (id) on delete cascade,
    constraint fk_alerts_run foreign key (run_id) references runs (id) on delete cascade,
    constraint fk_alerts_baseline_run foreign key (baseline_run_id) references runs (id) on delete set null,
    constraint fk_alerts_culprit_run foreign key (culprit_run_id) references runs (id) on delete set null,
    constraint ck_alerts_status check (status in ('open', 'acknowledged', 'dismissed', 'fixed'))
);
create index ix_alerts_project_status on alerts (project_id, status, opened_at desc);
-- At most one live alert per series: a later regression updates it instead of opening another.
create unique index uq_alerts_live_series on alerts (project_id, branch, kind, name, coalesce(target, ''),
    coalesce(profile_name, '')) where status in ('open', 'acknowledged');
