-- Registered associations per Mexican state of origin and observed year of the period
-- (v_association_growth; origin_state is the INEGI state name or 'Unknown').
with

params as (
    select ?::integer as from_year, ?::integer as to_year
),

growth as (
    select * from v_association_growth
)

select year, origin_state, sum(registered) as registered
from growth, params
where growth.year between params.from_year and params.to_year
group by year, origin_state
order by origin_state, year
