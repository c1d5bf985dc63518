-- agg_year_measures (aggregate table behind the macro growth): the headline measures per year,
-- one row per (measure, year) with a figure. registered_associations only for years with a
-- registry snapshot; the 3x1 measures leave out cancelled projects. Built whole on every build
-- (a few hundred rows): reading the fact here, once, spares growth(…) six scans per call.
-- Values are DECIMAL(38, 2): counts exactly, pesos and dollars to the cent, as the facts hold them.
with

association_years as (
    select * from fact_association_year where registered is not null
),

projects as (
    select * from fact_project_funding where not is_cancelled
),

registered as (
    select 'registered_associations' as measure, year, count(*) filter (where registered)::decimal(38, 2) as value
    from association_years
    group by year
),

project_years as (
    select
        year,
        count(*)::decimal(38, 2) as projects_3x1,
        count(distinct association_id)::decimal(38, 2) as clubs_3x1,
        sum(total_mxn)::decimal(38, 2) as total_mxn,
        sum(total_mxn_const)::decimal(38, 2) as total_mxn_const,
        sum(migrant_mxn_const)::decimal(38, 2) as migrant_mxn_const,
        sum(total_usd)::decimal(38, 2) as total_usd
    from projects
    group by year
),

project_measures as (
    select 'projects_3x1' as measure, year, projects_3x1 as value from project_years
    union all
    select 'clubs_3x1', year, clubs_3x1 from project_years
    union all
    select 'total_mxn', year, total_mxn from project_years
    union all
    select 'total_mxn_const', year, total_mxn_const from project_years
    union all
    select 'migrant_mxn_const', year, migrant_mxn_const from project_years
    union all
    select 'total_usd', year, total_usd from project_years
)

select measure, year, value from registered
union all
select measure, year, value from project_measures
