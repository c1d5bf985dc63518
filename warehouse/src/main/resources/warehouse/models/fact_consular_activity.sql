-- fact_consular_activity: one row per consulate and month, the activity the consulate reported.
-- A count the report left blank is NULL (not reported), not zero.
-- Built for the years in build_scope_year only.
with

scope as (
    select year from build_scope_year
),

activity as (
    select * from stg_consular_activity where year in (select year from scope)
),

consulates as (
    select consulate_key, consulate_id from dim_consulate
),

geography as (
    select geography_key, geography_id from dim_geography
),

joined as (
    select
        coalesce(consulates.consulate_key, 0) as consulate_key,
        activity.year as year_key,
        coalesce(us_state.geography_key, 0) as us_state_geography_key,
        activity.consulate_id,
        activity.year,
        activity.month,
        make_date(activity.year, activity.month, 1) as month_start,
        activity.matriculas_issued,
        activity.vds_services,
        activity.vds_referrals,
        activity.vds_tests,
        activity.plazas_active,
        activity.plazas_students,
        activity._load_id as load_id,
        activity._source_file as source_file,
        activity._source_line as source_line
    from activity
    left join consulates on consulates.consulate_id = activity.consulate_id
    left join geography as us_state on us_state.geography_id = 'US-' || activity.us_state_code
)

select * from joined
