-- 3x1 investment per project category in the report's year.
with

params as (
    select ?::integer as from_year, ?::integer as to_year
),

investment as (
    select * from v_project_investment
)

select
    category,
    sum(projects) as projects,
    sum(total_mxn) as total_mxn,
    sum(total_mxn_const) as total_mxn_const,
    sum(total_usd) as total_usd
from investment, params
where investment.year = params.to_year
group by category
order by total_mxn desc, category
