-- regtrack schema, version 1: projects, tokens, runs, measurements, releases.
-- Naming: pk_<table>, fk_<table>_<ref>, uq_<table>_<cols>, ix_<table>_<cols>, ck_<table>_<rule>.

create sequence project_seq increment by 50;
create sequence token_seq increment by 50;
create sequence run_seq increment by 50;
create sequence measurement_seq increment by 50;
create sequence release_seq increment by 50;

create table projects (
    id              bigint       not null,
    slug            text         not null,
    name            text         not null,
    is_public       boolean      not null default false,
    default_branch  text         not null default 'main',
    repository      text,
    release_pattern text         not null default '^v?\d+\.\d+\.\d+$',
    created_at      timestamptz  not null default now(),
    constraint pk_projects primary key (id),
    constraint uq_projects_slug unique (slug)
);

-- A token is stored only as the SHA-256 of its full text; lookup_id is the public part of
-- the token used to find the row before a constant-time comparison of the hashes.
create table tokens (
    id          bigint      not null,
    project_id  bigint,
    name        text        not null,
    scope       text        not null,
    lookup_id   text        not null,
    secret_hash bytea       not null,
    created_at  timestamptz not null default now(),
    constraint pk_tokens primary key (id),
    constraint fk_tokens_project foreign key (project_id) references projects (id) on delete cascade,
    constraint uq_tokens_lookup_id unique (lookup_id),
    constraint ck_tokens_scope check (scope in ('admin', 'ingest', 'read')),
    constraint ck_tokens_project_scope check ((scope = 'admin') = (project_id is null))
);
create index ix_tokens_project on tokens (project_id);

create table runs (
    id               bigint      not null,
    project_id       bigint      not null,
    commit_sha       text        not null,
    branch           text        not null,
    tag              text,
    parent_commit    text,
    pull_request     integer,
    committed_at     timestamptz not null,
    received_at      timestamptz not null default now(),
    message          text,
    author           text,
    ci_url           text,
    idempotency_key  text,
    request_hash     text        not null,
    toolchain        jsonb       not null default '{}',
    runner           jsonb       not null default '{}',
    target           text,
    profile_name     text,
    profile_settings jsonb       not null default '{}',
    profile_inputs   jsonb       not null default '{}',
    status           text        not null,
    comparison       jsonb,
    constraint pk_runs primary key (id),
    constraint fk_runs_project foreign key (project_id) references projects (id) on delete cascade,
    constraint uq_runs_idempotency unique (project_id, idempotency_key)
);
create index ix_runs_project_branch_committed on runs (project_id, branch, committed_at desc, id desc);
create index ix_runs_project_committed on runs (project_id, committed_at desc, id desc);
create index ix_runs_project_commit on runs (project_id, commit_sha);

-- project_id, branch and committed_at are copied from the run (runs never change) so that a
-- series — one (project, branch, kind, name) ordered by commit time — is one index range.
-- center is the number a chart plots: the value, or the median of the samples.
create table measurements (
    id           bigint             not null,
    run_id       bigint             not null,
    project_id   bigint             not null,
    branch       text               not null,
    committed_at timestamptz        not null,
    kind         text               not null,
    name         text               not null,
    unit         text               not null,
    value        double precision,
    samples      double precision[],
    center       double precision   not null,
    parts        jsonb,
    constraint pk_measurements primary key (id),
    constraint fk_measurements_run foreign key (run_id) references runs (id) on delete cascade,
    constraint uq_measurements_run_kind_name unique (run_id, kind, name),
    constraint ck_measurements_value_or_samples check ((value is null) <> (samples is null))
);
create index ix_measurements_series on measurements (project_id, branch, kind, name, committed_at);

create table releases (
    id           bigint      not null,
    project_id   bigint      not null,
    tag          text        not null,
    commit_sha   text        not null,
    committed_at timestamptz,
    created_at   timestamptz not null default now(),
    constraint pk_releases primary key (id),
    constraint fk_releases_project foreign key (project_id) references projects (id) on delete cascade,
    constraint uq_releases_project_tag unique (project_id, tag)
);
create index ix_releases_project_committed on releases (project_id, committed_at desc);
