-- dim_geography: Mexican states and municipalities (INEGI) and US states (USPS/FIPS), one row
-- each, distinguished by geography_level, plus each Mexican state's unknown municipality (what a
-- source could not place in a municipality of the state: Banco de México's "No identificado").
-- geography_id is the natural key: MX-<CVE_ENT>, MX-<CVE_ENT><CVE_MUN>, MX-<CVE_ENT>-UNKNOWN or
-- US-<USPS>. Municipalities carry CONAPO's 2020 migration intensity.
with

states as (
    select * from stg_ref_state
),

municipalities as (
    select * from stg_ref_municipality
),

us_states as (
    select * from stg_ref_us_state
),

migration_intensity as (
    select * from stg_ref_migration_intensity
),

mexican_states as (
    select
        'MX-' || state_code as geography_id,
        'MX_STATE' as geography_level,
        'MX' as country_code,
        state_code,
        state_name,
        state_abbr,
        null::varchar as municipality_key,
        null::varchar as municipality_code,
        null::varchar as municipality_name,
        null::bigint as population_2020,
        null::varchar as usps_code,
        null::varchar as fips_code,
        null::varchar as us_state_name,
        null::varchar as migration_intensity_grade,
        null::double as migration_intensity_index,
        null::integer as migration_intensity_rank,
        null::double as households_receiving_remittances_pct
    from states
),

mexican_municipalities as (
    select
        'MX-' || municipalities.municipality_key as geography_id,
        'MX_MUNICIPALITY' as geography_level,
        'MX' as country_code,
        municipalities.state_code,
        states.state_name,
        states.state_abbr,
        municipalities.municipality_key,
        municipalities.municipality_code,
        municipalities.municipality_name,
        municipalities.population_2020,
        null as usps_code,
        null as fips_code,
        null as us_state_name,
        migration_intensity.grade as migration_intensity_grade,
        migration_intensity.intensity_index as migration_intensity_index,
        migration_intensity.national_rank as migration_intensity_rank,
        migration_intensity.households_receiving_remittances_pct
    from municipalities
    left join states on states.state_code = municipalities.state_code
    left join migration_intensity on migration_intensity.municipality_key = municipalities.municipality_key
),

unknown_municipalities as (
    select
        'MX-' || state_code || '-UNKNOWN' as geography_id,
        'MX_MUNICIPALITY_UNKNOWN' as geography_level,
        'MX' as country_code,
        state_code,
        state_name,
        state_abbr,
        null as municipality_key,
        null as municipality_code,
        'Unknown' as municipality_name,
        null as population_2020,
        null as usps_code,
        null as fips_code,
        null as us_state_name,
        null as migration_intensity_grade,
        null as migration_intensity_index,
        null as migration_intensity_rank,
        null as households_receiving_remittances_pct
    from states
),

united_states as (
    select
        'US-' || usps_code as geography_id,
        'US_STATE' as geography_level,
        'US' as country_code,
        null as state_code,
        null as state_name,
        null as state_abbr,
        null as municipality_key,
        null as municipality_code,
        null as municipality_name,
        null as population_2020,
        usps_code,
        fips_code,
        name as us_state_name,
        null as migration_intensity_grade,
        null as migration_intensity_index,
        null as migration_intensity_rank,
        null as households_receiving_remittances_pct
    from us_states
),

places as (
    select * from mexican_states
    union all select * from mexican_municipalities
    union all select * from unknown_municipalities
    union all select * from united_states
),

keyed as (
    select surrogate_key(geography_id) as geography_key, * from places
),

unknown as (
    select
        0::bigint as geography_key, 'UNKNOWN' as geography_id, 'UNKNOWN' as geography_level,
        null as country_code, null as state_code, 'Unknown' as state_name, null as state_abbr,
        null as municipality_key, null as municipality_code, null as municipality_name,
        null::bigint as population_2020, null as usps_code, null as fips_code, 'Unknown' as us_state_name,
        null as migration_intensity_grade, null as migration_intensity_index, null as migration_intensity_rank,
        null as households_receiving_remittances_pct
)

select * from unknown
union all
select * from keyed
