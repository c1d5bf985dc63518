-- The first and the latest year the warehouse holds data for (registry, 3x1 or survey); reference
-- years (INPC, FIX) alone do not count.
select
    min(year) as first_year,
    max(year) as latest_year
from dim_year
where year is not null and (has_registry_snapshot or has_projects or has_survey)
