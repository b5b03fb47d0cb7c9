-- Webhooks: where a project's news is sent. Deliveries are written in the transaction that makes
-- the news (an outbox): sent only once it commits, never lost if the service stops, retried with
-- back-off until the receiver answers 2xx, each with an id the receiver can use to drop repeats.
create table webhooks (
    id         bigserial   not null,
    project_id bigint      not null,
    url        text        not null,
    events     text[]      not null,
    secret     text,
    format     text        not null,
    created_at timestamptz not null default now(),
    constraint pk_webhooks primary key (id),
    constraint fk_webhooks_project foreign key (project_id) references projects (id) on delete cascade,
    constraint ck_webhooks_format check (format in ('json', 'slack'))
);
create index ix_webhooks_project on webhooks (project_id);

create table webhook_deliveries (
    id              bigserial   not null,
    delivery_id     uuid        not null,
    webhook_id      bigint      not null,
    event           text        not null,
    body            text        not null,
    state           text        not null default 'pending',
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_status     integer,
    last_error      text,
    created_at      timestamptz not null default now(),
    delivered_at    timestamptz,
    constraint pk_webhook_deliveries primary key (id),
    constraint fk_webhook_deliveries_webhook foreign key (webhook_id) references webhooks (id) on delete cascade,
    constraint ck_webhook_deliveries_state check (state in ('pending', 'delivered', 'failed'))
);
create index ix_webhook_deliveries_due on webhook_deliveries (next_attempt_at) where state = 'pending';
create index ix_webhook_deliveries_webhook on webhook_deliveries (webhook_id, id desc);
