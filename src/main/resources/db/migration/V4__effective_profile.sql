-- The effective profile of a run: every setting with its value and source, and what did not add up.
alter table runs add column profile_effective jsonb not null default '{}';
alter table runs add column profile_warnings jsonb not null default '[]';
