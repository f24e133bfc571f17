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
