-- agg_project_investment (aggregate table behind the view v_project_investment): 3x1 investment
-- per fiscal year, Mexican state of origin and project category, cancelled projects left out.
-- clubs counts distinct associations within the row: do not add it up across rows (a club can
-- fund projects in several categories). Built whole on every build, not by year: a project's
-- category is the latest delivery's (dim_project), so a new year can move an old year's rows.
-- base_year is the year of the constant pesos (the same on every row of the fact).
-- It is a few thousand rows; computing it reads the fact once, at build time, instead of on
-- every analyst query.
with

projects as (
    select * from fact_project_funding where not is_cancelled
),

project_attributes as (
    select project_key, category from dim_project
),

geography as (
    select geography_key, state_code, state_name from dim_geography
),

placed as (
    select
        projects.*,
        geography.state_code as origin_state_code,
        coalesce(geography.state_name, 'Unknown') as origin_state,
        coalesce(project_attributes.category, projects.category) as project_category
    from projects
    left join project_attributes using (project_key)
    left join geography on geography.geography_key = projects.origin_geography_key
)

select
    year,
    origin_state_code,
    origin_state,
    project_category as category,
    count(*) as projects,
    count(distinct association_id) as clubs,
    sum(federal_mxn) as federal_mxn,
    sum(state_mxn) as state_mxn,
    sum(municipal_mxn) as municipal_mxn,
    sum(migrant_mxn) as migrant_mxn,
    sum(other_mxn) as other_mxn,
    sum(total_mxn) as total_mxn,
    sum(total_mxn_const) as total_mxn_const,
    sum(total_usd) as total_usd,
    -- added later, at the end so that the view's first columns keep their places
    max(base_year) as base_year,
    sum(federal_mxn_const) as federal_mxn_const,
    sum(state_mxn_const) as state_mxn_const,
    sum(municipal_mxn_const) as municipal_mxn_const,
    sum(migrant_mxn_const) as migrant_mxn_const,
    sum(other_mxn_const) as other_mxn_const,
    sum(federal_usd) as federal_usd,
    sum(state_usd) as state_usd,
    sum(municipal_usd) as municipal_usd,
    sum(migrant_usd) as migrant_usd,
    sum(other_usd) as other_usd,
    case when sum(total_mxn) > 0 then round(100 * sum(migrant_mxn)::double / sum(total_mxn)::double, 2)::decimal(5, 2)
    end as migrant_share_pct
from placed
group by year, origin_state_code, origin_state, project_category
