-- The years of the report's period, with what the warehouse holds for each. A year without a
-- registry snapshot has no registry figures (docs/report.md, Definitions): the report says "no snapshot".
with

params as (
    select ?::integer as from_year, ?::integer as to_year
),

years as (
    select * from dim_year where year is not null
)

select
    years.year,
    years.has_registry_snapshot,
    years.registry_snapshot_date,
    years.has_projects,
    years.has_survey
from years, params
where years.year between params.from_year and params.to_year
order by years.year
