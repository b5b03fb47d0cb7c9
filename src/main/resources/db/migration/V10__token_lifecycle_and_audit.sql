-- Tokens get an end (expires_at), a revocation (revoked_at) and the time they were last used
-- (last_used_at, written at most about once a minute). An admin token bound to a project
-- administers that project only; an admin token of no project, the whole server.
alter table tokens add column expires_at timestamptz;
alter table tokens add column revoked_at timestamptz;
alter table tokens add column last_used_at timestamptz;
alter table tokens drop constraint ck_tokens_project_scope;
alter table tokens add constraint ck_tokens_project_scope check (scope = 'admin' or project_id is not null);
create index ix_tokens_server_admin on tokens (id) where scope = 'admin' and project_id is null;

-- The audit trail: who changed what, when. Written in the transaction of the change it records, so
-- a change rolled back leaves no entry. The actor is a token (its name and id, never its secret) or a
-- GitHub Actions job (its repository and ref). Entries of no project are the server's own.
create table audit_events (
    id               bigserial   not null,
    project_id       bigint,
    at               timestamptz not null default now(),
    action           text        not null,
    subject          text        not null,
    actor            text        not null,
    actor_token_id   bigint,
    actor_repository text,
    actor_ref        text,
    detail           jsonb       not null default '{}',
    constraint pk_audit_events primary key (id),
    constraint fk_audit_events_project foreign key (project_id) references projects (id) on delete cascade
);
create index ix_audit_events_project on audit_events (project_id, id desc);
create index ix_audit_events_project_action on audit_events (project_id, action, id desc);
create index ix_audit_events_project_subject on audit_events (project_id, subject, id desc);
create index ix_audit_events_server on audit_events (id desc) where project_id is null;
