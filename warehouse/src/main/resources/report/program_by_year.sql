-- 3x1 projects and investment per fiscal year of the period (v_project_investment, cancelled
-- projects left out), the clubs taking part (distinct associations on those projects), and how
-- many of them were registered that year: NULL when the year has no registry snapshot.
with

params as (
    select ?::integer as from_year, ?::integer as to_year
),

investment as (
    select * from v_project_investment
),

association_years as (
    select * from fact_association_year
),

base as (
    select max(base_year) as base_year from fact_project_funding
),

snapshot_years as (
    select year, has_registry_snapshot from dim_year where year is not null
),

per_year as (
    select
        year,
        sum(projects) as projects,
        sum(federal_mxn) as federal_mxn,
        sum(state_mxn) as state_mxn,
        sum(municipal_mxn) as municipal_mxn,
        sum(migrant_mxn) as migrant_mxn,
        sum(other_mxn) as other_mxn,
        sum(total_mxn) as total_mxn,
        sum(total_mxn_const) as total_mxn_const,
        sum(total_usd) as total_usd
    from investment
    group by year
),

clubs as (
    select
        year,
        count(*) filter (where projects_3x1 > 0) as clubs,
        count(*) filter (where projects_3x1 > 0 and registered) as registered_clubs
    from association_years
    group by year
)

select
    per_year.*,
    coalesce(clubs.clubs, 0) as clubs,
    case when snapshot_years.has_registry_snapshot then coalesce(clubs.registered_clubs, 0) end
        as registered_clubs,
    base.base_year
from per_year
cross join params
cross join base
left join clubs using (year)
left join snapshot_years using (year)
where per_year.year between params.from_year and params.to_year
order by per_year.year
