-- Control results are written a cluster at a time, its workloads in id order. An index whose keys
-- arrive in that order costs H2 almost nothing per row; the five indexes before it (keys in
-- random order: benchmark, status, team, host) cost four times the rows' own write (measured:
-- 660,000 results in 24.6 s with them, 5.5 s with this one). A workload's or a host's results
-- are found under its cluster (Docker hosts: none); estate-wide figures read every result anyway.
drop index ix_result_cluster;
drop index ix_result_workload;
drop index ix_result_control;
drop index ix_result_host;
drop index ix_result_team;
create index ix_result_resource on control_result (cluster_id, workload_id, host_id);
-- Result ids are taken a thousand at a time (a sequence call per row cost H2 half again the
-- rows' write, and as much again in file size); the next value lies past every id given so far.
alter sequence control_result_seq increment by 1000;

-- Identity values a thousand at a time on the tables that take rows by the thousand: with H2's
-- default (32), 107,000 findings took 11.5 s and left a 1 GB file; with this, and the findings
-- written in fingerprint order (their unique index grows at its end), 2.5 s and 67 MB.
alter table finding alter column id set cache 1000;
alter table finding_event alter column id set cache 1000;
alter table workload alter column id set cache 1000;
alter table workload_container alter column id set cache 1000;
alter table cluster_object alter column id set cache 1000;
alter table running_container alter column id set cache 1000;
alter table image alter column id set cache 1000;
alter table image_use alter column id set cache 1000;
alter table vulnerability alter column id set cache 1000;
alter table score_snapshot alter column id set cache 1000;
