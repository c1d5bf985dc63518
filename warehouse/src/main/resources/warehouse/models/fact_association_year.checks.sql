-- check: fact_association_year_grain_is_unique
select association_id, year, count(*) as n from fact_association_year group by association_id, year having count(*) > 1

-- check: fact_association_year_foreign_keys_resolve
select association_id, year, association_key, year_key from fact_association_year
where association_key is null or association_key not in (select association_key from dim_association)
    or year_key is null or year_key not in (select year_key from dim_year)

-- check: fact_association_year_carries_its_load
select association_id, year from fact_association_year where load_id is null or source_file is null

-- check: fact_association_year_registered_equals_the_lake_snapshot
with
latest as (
    select snapshot_year as year, max(snapshot_date) as snapshot_date from lake_registry_snapshot group by snapshot_year
),
lake as (
    select latest.year, count(distinct s.association_id) as registered
    from lake_registry_snapshot s join latest on latest.snapshot_date = s.snapshot_date
    group by latest.year
),
fact as (
    select year, count(*) filter (where registered) as registered
    from fact_association_year where registered is not null group by year
)
select coalesce(fact.year, lake.year) as year, fact.registered as warehouse_registered, lake.registered as lake_registered
from fact full outer join lake on fact.year = lake.year
where fact.registered is distinct from lake.registered

-- check: fact_association_year_projects_and_migrant_pesos_equal_the_facts
with
fact as (
    select year, sum(projects_3x1) as projects, sum(migrant_mxn) as migrant_mxn
    from fact_association_year group by year having sum(projects_3x1) > 0
),
projects as (
    select year, count(*) as projects, sum(migrant_mxn) as migrant_mxn
    from fact_project_funding where not is_cancelled group by year
)
select coalesce(fact.year, projects.year) as year, fact.projects as association_year_projects,
    projects.projects as project_funding_projects, fact.migrant_mxn as association_year_migrant_mxn,
    projects.migrant_mxn as project_funding_migrant_mxn
from fact full outer join projects on fact.year = projects.year
where (fact.projects, fact.migrant_mxn) is distinct from (projects.projects, projects.migrant_mxn)
