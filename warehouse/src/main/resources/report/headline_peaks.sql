-- The peak of each headline measure within the period: the year with the highest value (the
-- first such year when several tie, as the report says, with how many tie) and that value. From
-- agg_year_measures, the figures behind the growth(…) macro, so the peak and the growth rows agree.
with

params as (
    select ?::integer as from_year, ?::integer as to_year
),

measures as (
    select measure, year, value from agg_year_measures
),

in_period as (
    select measure, year, value, max(value) over (partition by measure) as peak
    from measures, params
    where measures.year between params.from_year and params.to_year
)

select
    measure,
    min(year) filter (where value = peak) as peak_year,
    max(peak) as peak_value,
    count(*) filter (where value = peak) as years_at_peak
from in_period
group by measure
order by measure
