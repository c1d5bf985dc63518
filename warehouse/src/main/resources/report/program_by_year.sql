-- 3x1 projects and investment per fiscal year of the period (v_project_investment, cancelled
-- projects left out), the clubs taking part (distinct associations on those projects), and how
-- many of them were registered that year: NULL when the year has no registry snapshot
-- (v_club_participation).
with

params as (
    select ?::integer as from_year, ?::integer as to_year
),

investment as (
    select * from v_project_investment
),

participation as (
    select * from v_club_participation
),

base as (
    select max(base_year) as base_year from investment
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
)

select
    per_year.*,
    coalesce(participation.clubs_3x1, 0) as clubs,
    participation.registered_clubs_3x1 as registered_clubs,
    base.base_year
from per_year
cross join params
cross join base
left join participation using (year)
where per_year.year between params.from_year and params.to_year
order by per_year.year
