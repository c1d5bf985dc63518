-- The year of the warehouse's constant pesos (v_project_investment.base_year); NULL without 3x1 data.
with

params as (
    select ?::integer as from_year, ?::integer as to_year
)

select max(base_year) as base_year
from v_project_investment, params
