-- agg_project_investment (aggregate table behind the view v_project_investment): 3x1 investment
-- per fiscal year, Mexican state of origin and project category, cancelled projects left out.
-- clubs counts distinct associations within the row: do not add it up across rows (a club can
-- fund projects in several categories). Built whole on every build, not by year: a project's
-- category is the latest delivery's (dim_project), so a new year can move an old year's rows.
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
    sum(total_usd) as total_usd
from placed
group by year, origin_state_code, origin_state, project_category
