-- What each evaluation read (workload pod templates, cluster objects; secret values never stored),
-- compressed like its results: evidence packages carry the objects behind results at any moment.
alter table evaluation_record add column inputs varchar;
