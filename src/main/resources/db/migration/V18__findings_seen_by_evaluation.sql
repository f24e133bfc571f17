-- Findings are reconciled page by page while an evaluation writes its results, in each page's
-- transaction, instead of reading a cluster's every failure back at its end (166,000 rows for
-- 10,000 Deployments, a fifth of that import). A finding keeps the number of the last evaluation
-- that saw it failing; after a COMPLETE run, the cluster's active findings with another number are
-- the ones no longer failing. Findings from before this column resolve or take a number on the
-- next evaluation like any other.
create sequence evaluation_seq start with 1;
alter table finding add column last_evaluation bigint;
