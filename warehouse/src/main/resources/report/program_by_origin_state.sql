-- 3x1 investment per Mexican state of origin of the projects: in the report's year, and summed
-- over the period (constant pesos, so years add up).
with

params as (
    select ?::integer as from_year, ?::integer as to_year
),

investment as (
    select * from v_project_investment
)

select
    coalesce(origin_state_code, '') as origin_state_code,
    origin_state,
    coalesce(sum(projects) filter (where year = params.to_year), 0) as projects,
    coalesce(sum(total_mxn) filter (where year = params.to_year), 0) as total_mxn,
    coalesce(sum(total_mxn_const) filter (where year = params.to_year), 0) as total_mxn_const,
    coalesce(sum(total_usd) filter (where year = params.to_year), 0) as total_usd,
    coalesce(sum(migrant_mxn) filter (where year = params.to_year), 0) as migrant_mxn,
    sum(projects) as period_projects,
    sum(total_mxn_const) as period_total_mxn_const
from investment, params
where investment.year between params.from_year and params.to_year
group by origin_state_code, origin_state
order by total_mxn_const desc, period_total_mxn_const desc, origin_state
