-- check: agg_association_latest_equals_the_facts
-- One row per association of dim_association (the unknown member left out), for its highest
-- version, with its 3x1 projects and pesos summed straight from fact_project_funding: a differing,
-- missing or doubled association is offending.
with
versions as (
    select association_id, max(version_no) as version_no from dim_association where association_key <> 0 group by all
),
projects as (
    select association_id, count(distinct folio) as projects_3x1, sum(total_mxn_const) as total_mxn_const,
        sum(migrant_mxn_const) as migrant_mxn_const
    from fact_project_funding where not is_cancelled group by all
),
direct as (
    select versions.association_id, versions.version_no, coalesce(projects.projects_3x1, 0) as projects_3x1,
        coalesce(projects.total_mxn_const, 0)::decimal(38, 2) as total_mxn_const,
        coalesce(projects.migrant_mxn_const, 0)::decimal(38, 2) as migrant_mxn_const
    from versions left join projects using (association_id)
),
stored as (select association_id, version_no, projects_3x1, total_mxn_const, migrant_mxn_const from agg_association_latest)
select 'missing from agg_association_latest' as problem, * from (select * from direct except all select * from stored)
union all
select 'not in the facts', * from (select * from stored except all select * from direct)
union all
select 'not the latest version''s attributes', l.association_id, l.version_no, null, null, null
from agg_association_latest l
join dim_association a on a.association_key = l.association_key
where a.association_id <> l.association_id or a.version_no <> l.version_no
    or a.registration_status <> l.registration_status or a.name is distinct from l.name
