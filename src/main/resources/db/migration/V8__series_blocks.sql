-- A long series read for a chart touches O(points drawn) rows: its points are summarised in blocks
-- of 1,024 consecutive points (in commit order), each keeping the first, lowest, highest and last
-- point of 16 parts of it (so steps and spikes survive) and where the build fingerprint changed.
-- Blocks are sealed by the reader when full; a point stored or deleted at or before a block's end
-- removes that block and the ones after it (they are sealed again from the stored points).
-- profile_name and target hold '' for none.
create table series_blocks (
    project_id   bigint           not null,
    branch       text             not null,
    kind         text             not null,
    name         text             not null,
    profile_name text             not null,
    target       text             not null,
    -- 0: 1,024 stored points; 1: 16 blocks of level 0 (16,384 points), so a long read touches few rows
    level        smallint         not null,
    block        integer          not null,
    first_at     timestamptz      not null,
    first_id     bigint           not null,
    last_at      timestamptz      not null,
    last_id      bigint           not null,
    points       integer          not null,
    unit         text             not null,
    first_hash   text             not null,
    last_hash    text             not null,
    run_ids      bigint[]         not null,
    at_micros    bigint[]         not null,
    vals         double precision[] not null,
    -- (run before, run after) pairs, flattened, where the fingerprint changed inside the block
    changes      bigint[]         not null,
    constraint pk_series_blocks primary key (project_id, branch, kind, name, profile_name, target, level, block),
    constraint fk_series_blocks_project foreign key (project_id) references projects (id) on delete cascade
);

-- A point stored before the newest point of its series may belong inside a block that a reader is
-- sealing at this moment from rows that do not show it yet; it leaves a mark that readers see once
-- it is committed, and the first to see it removes the marks and the blocks from that point on.
create table series_block_marks (
    project_id   bigint      not null,
    branch       text        not null,
    kind         text        not null,
    name         text        not null,
    profile_name text        not null,
    target       text        not null,
    at           timestamptz not null,
    constraint fk_series_block_marks_project foreign key (project_id) references projects (id) on delete cascade
);
create index ix_series_block_marks_series on series_block_marks (project_id, branch, kind, name);

-- Every series of a branch, so that listing them reads one row per series, not every point.
create table series_catalog (
    project_id   bigint not null,
    branch       text   not null,
    kind         text   not null,
    name         text   not null,
    profile_name text   not null,
    target       text   not null,
    unit         text   not null,
    constraint pk_series_catalog primary key (project_id, branch, kind, name, profile_name, target),
    constraint fk_series_catalog_project foreign key (project_id) references projects (id) on delete cascade
);
insert into series_catalog
select project_id, branch, kind, name, coalesce(profile_name, ''), coalesce(target, ''), min(unit)
from measurements group by 1, 2, 3, 4, 5, 6;

create function series_listed() returns trigger language plpgsql as $$
begin
    insert into series_catalog
    select distinct on (1, 2, 3, 4, 5, 6) project_id, branch, kind, name, coalesce(profile_name, ''),
           coalesce(target, ''), unit
    from changed
    on conflict do nothing;
    return null;
end
$$;

create trigger measurements_listed_on_insert after insert on measurements
    referencing new table as changed for each statement execute function series_listed();

create function series_blocks_stale() returns trigger language plpgsql as $$
begin
    with touched as (
        -- Each series touched, its earliest point touched, and how many touched points lie after it.
        select project_id, branch, kind, name, profile_name, target, at,
               count(*) filter (where committed_at > at) as own_after
        from (select project_id, branch, kind, name, coalesce(profile_name, '') as profile_name,
                     coalesce(target, '') as target, committed_at,
                     min(committed_at) over (partition by project_id, branch, kind, name,
                                             coalesce(profile_name, ''), coalesce(target, '')) as at
              from changed) x
        group by 1, 2, 3, 4, 5, 6, 7
    ), stale as (
        delete from series_blocks b using touched c
        where b.project_id = c.project_id and b.branch = c.branch and b.kind = c.kind and b.name = c.name
          and b.profile_name = c.profile_name and b.target = c.target and b.last_at >= c.at
    )
    -- A mark where a point was stored before a point already there (or a point removed or changed):
    -- more points of the series lie after it than this statement stored there.
    insert into series_block_marks (project_id, branch, kind, name, profile_name, target, at)
    select c.project_id, c.branch, c.kind, c.name, c.profile_name, c.target, c.at
    from touched c
    where tg_op <> 'INSERT'
       or (select count(*) from measurements m
           where m.project_id = c.project_id and m.branch = c.branch and m.kind = c.kind and m.name = c.name
             and coalesce(m.profile_name, '') = c.profile_name and coalesce(m.target, '') = c.target
             and m.committed_at > c.at) > c.own_after;
    return null;
end
$$;

create trigger measurements_stale_blocks_on_insert after insert on measurements
    referencing new table as changed for each statement execute function series_blocks_stale();
create trigger measurements_stale_blocks_on_delete after delete on measurements
    referencing old table as changed for each statement execute function series_blocks_stale();
create trigger measurements_stale_blocks_on_update after update on measurements
    referencing new table as changed for each statement execute function series_blocks_stale();
