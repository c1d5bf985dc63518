-- agg_club_participation (aggregate table behind the view v_club_participation): per fiscal year
-- with non-cancelled 3x1 projects, the clubs taking part (distinct associations named on them) and
-- how many of them were registered that year, i.e. listed in the year's latest registry snapshot.
-- In a year without a snapshot that count is NULL: no figure, not zero (fact_association_year's
-- registered is NULL then, and counting its trues would give a false 0). Built whole on every build.
with

association_years as (
    select * from fact_association_year where projects_3x1 > 0
),

years as (
    select year, has_registry_snapshot, registry_snapshot_date from dim_year where year is not null
),

counted as (
    select
        year,
        count(*) as clubs_3x1,
        count(*) filter (where registered) as registered_clubs_3x1
    from association_years
    group by year
)

select
    counted.year,
    counted.clubs_3x1,
    case when years.has_registry_snapshot then counted.registered_clubs_3x1 end as registered_clubs_3x1,
    case when years.has_registry_snapshot and counted.clubs_3x1 > 0
        then round(100.0 * counted.registered_clubs_3x1 / counted.clubs_3x1, 2)::decimal(5, 2)
    end as registered_share_pct,
    coalesce(years.has_registry_snapshot, false) as has_registry_snapshot,
    years.registry_snapshot_date
from counted
left join years using (year)
