-- A series whose last point is deleted (a run or a project removed) leaves the catalogue, as a
-- series is listed there when its first point is stored: the catalogue lists what the points show.
create function series_unlisted() returns trigger language plpgsql as $$
begin
    delete from series_catalog c
    using (select distinct project_id, branch, kind, name, coalesce(profile_name, '') as profile_name,
                  coalesce(target, '') as target
           from changed) d
    where c.project_id = d.project_id and c.branch = d.branch and c.kind = d.kind and c.name = d.name
      and c.profile_name = d.profile_name and c.target = d.target
      and not exists (select 1 from measurements m
                      where m.project_id = d.project_id and m.branch = d.branch and m.kind = d.kind
                        and m.name = d.name and coalesce(m.profile_name, '') = d.profile_name
                        and coalesce(m.target, '') = d.target);
    return null;
end
$$;

create trigger measurements_unlisted_on_delete after delete on measurements
    referencing old table as changed for each statement execute function series_unlisted();
