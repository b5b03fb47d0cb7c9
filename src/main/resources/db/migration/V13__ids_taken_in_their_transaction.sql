-- Alerts, releases, tokens and projects take each id from their sequence in the transaction that
-- stores the row (no block of 50 kept in the service's memory). A block fetched by a transaction
-- whose record never reached the disk before the database was killed would be handed out again
-- after its restart, and two rows would collide on an id. Ids already given stay; new ones follow.
alter sequence alert_seq increment by 1;
alter sequence release_seq increment by 1;
alter sequence token_seq increment by 1;
alter sequence project_seq increment by 1;
