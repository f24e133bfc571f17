-- Snapshots keep the weights their score came from, so estate- and team-wide scores are sums of
-- the clusters' and namespaces' current snapshots instead of three scans of every stored result.
alter table score_snapshot add column passed_weight bigint;
alter table score_snapshot add column evaluated_weight bigint;

-- current snapshots get their weights from the results they were taken from; history keeps none
update score_snapshot s set
    passed_weight = coalesce((select sum(case when r.status = 'PASS' then r.weight else 0 end) from control_result r
        where r.cluster_id = s.cluster_id and r.benchmark_id = s.benchmark_id
          and (s.section_id = '' or r.section_id = s.section_id)
          and (s.scope_type = 'CLUSTER' or r.namespace = s.namespace)), 0),
    evaluated_weight = coalesce((select sum(case when r.status in ('PASS', 'FAIL') then r.weight else 0 end) from control_result r
        where r.cluster_id = s.cluster_id and r.benchmark_id = s.benchmark_id
          and (s.section_id = '' or r.section_id = s.section_id)
          and (s.scope_type = 'CLUSTER' or r.namespace = s.namespace)), 0)
where s.current and s.scope_type in ('CLUSTER', 'NAMESPACE');
