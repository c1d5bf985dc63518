-- Registered associations per US state and observed year of the period (v_association_growth),
-- with the state's name. us_state is a USPS code, 'Outside US' or 'Unknown'.
with

params as (
    select ?::integer as from_year, ?::integer as to_year
),

growth as (
    select * from v_association_growth
),

us_states as (
    select usps_code, us_state_name from dim_geography where geography_level = 'US_STATE'
),

per_state as (
    select year, us_state, sum(registered) as registered
    from growth, params
    where growth.year between params.from_year and params.to_year
    group by year, us_state
)

select
    per_state.year,
    per_state.us_state,
    coalesce(us_states.us_state_name, per_state.us_state) as us_state_name,
    per_state.registered
from per_state
left join us_states on us_states.usps_code = per_state.us_state
order by per_state.us_state, per_state.year
