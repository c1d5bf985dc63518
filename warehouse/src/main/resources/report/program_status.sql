-- Per fiscal year of the period: the non-cancelled 3x1 projects, how many of them are still only
-- APROBADO (approved, not yet under way or concluded) in the latest delivery, and their investment
-- in constant pesos. The report flags a latest year that looks incomplete from these.
with

params as (
    select ?::integer as from_year, ?::integer as to_year
),

projects as (
    select * from fact_project_funding where not is_cancelled
)

select
    year,
    count(*) as projects,
    count(*) filter (where status = 'APROBADO') as approved_only,
    sum(total_mxn_const) as total_mxn_const
from projects, params
where projects.year between params.from_year and params.to_year
group by year
order by year
