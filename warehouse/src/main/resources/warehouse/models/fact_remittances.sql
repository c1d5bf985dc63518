-- fact_remittances: Banco de México's family remittances, one row per series and period (a quarter
-- or a month), the value of the export consulted last. Every export is a partition of its own in
-- the lake; a later consultation revises an earlier one series by series and period by period, and
-- an export consulted earlier than another changes nothing the later one gives. (Two exports with
-- the same consultation time are one partition: the later delivery replaced the earlier, so a
-- series and period never has two candidates with the same time.)
-- Built for the years in build_scope_year only.
with

scope as (
    select year from build_scope_year
),

remittances as (
    select * from stg_remittance where year in (select year from scope)
),

latest as (
    select *
    from remittances
    qualify row_number() over (partition by series_id, period_start order by consulted_at desc) = 1
),

geography as (
    select geography_key, geography_id from dim_geography
),

placed as (
    select
        latest.*,
        case series_level
            when 'STATE_TOTAL' then 'MX-' || state_code
            when 'MUNICIPALITY' then 'MX-' || municipality_key
            when 'NOT_IDENTIFIED' then 'MX-' || state_code || '-UNKNOWN'
        end as geography_id
    from latest
),

joined as (
    select
        coalesce(geography.geography_key, 0) as geography_key,
        placed.year as year_key,
        placed.year,
        placed.quarter,
        placed.month,
        placed.period,
        placed.period_start,
        placed.periodicity,
        placed.series_id,
        placed.title as series_title,
        placed.series_level,
        placed.state_code,
        placed.municipality_key,
        placed.geo_rule,
        placed.unit,
        placed.value as value_delivered,
        placed.usd as remittances_usd,
        placed.rounding_usd,
        placed.base_year,
        placed.mxn as remittances_mxn,
        placed.mxn_const as remittances_mxn_const,
        strptime(placed.consulted_at, '%Y-%m-%d %H:%M:%S') as consulted_at,
        placed._load_id as load_id,
        placed._source_file as source_file,
        placed._source_line as source_line,
        placed.source_column
    from placed
    left join geography on geography.geography_id = placed.geography_id
)

select * from joined
