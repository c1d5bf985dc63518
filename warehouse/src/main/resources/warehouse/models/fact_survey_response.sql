-- fact_survey_response: one row per survey respondent, with the answers as coded (Y, N, DK,
-- REF or NULL for yes/no questions) and the respondent's weight. Every estimate must be weighted.
-- Built for the years in build_scope_year only.
with

scope as (
    select year from build_scope_year
),

responses as (
    select * from stg_survey_response where year in (select year from scope)
),

geography as (
    select geography_key, geography_id from dim_geography
),

association_keys as (
    select * from int_association_year_key where year in (select year from scope)
),

joined as (
    select
        responses.year as year_key,
        coalesce(origin_state.geography_key, 0) as origin_geography_key,
        coalesce(us_state.geography_key, 0) as us_state_geography_key,
        coalesce(association_keys.association_key, 0) as association_key,
        responses.survey,
        responses.year,
        responses.respondent_id,
        responses.country_of_birth,
        responses.born_in_mexico,
        responses.origin_state_code,
        responses.us_state_code,
        responses.years_in_us,
        responses.years_in_us_band,
        responses.years_in_us_missing,
        responses.age,
        responses.age_missing,
        responses.sex,
        responses.education,
        responses.income_band,
        responses.sends_remittances,
        responses.calls_home_weekly,
        responses.trips_home,
        responses.trips_home_missing,
        responses.member_association,
        responses.association_name,
        responses.association_id,
        responses.weight,
        responses._load_id as load_id,
        responses._source_file as source_file,
        responses._source_line as source_line
    from responses
    left join geography as origin_state on origin_state.geography_id = 'MX-' || responses.origin_state_code
    left join geography as us_state on us_state.geography_id = 'US-' || responses.us_state_code
    left join association_keys
        on association_keys.association_id = responses.association_id and association_keys.year = responses.year
)

select * from joined
