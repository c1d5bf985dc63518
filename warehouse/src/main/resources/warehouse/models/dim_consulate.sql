-- dim_consulate: one row per Mexican consulate named by the consular activity reports or the
-- registry. The display name and US state come from the latest activity report when there is
-- one (the consulate's own report), else from the latest registry snapshot.
with

activity as (
    select * from stg_consular_activity
),

snapshots as (
    select * from stg_registry_snapshot
),

us_states as (
    select geography_key, usps_code from dim_geography where geography_level = 'US_STATE'
),

sightings as (
    select consulate_id, consulate_name, us_state_code, make_date(year, month, 1) as seen_on, 1 as source_rank
    from activity
    union all
    select consulate_id, consulate_name, null, snapshot_date, 2
    from snapshots
    where consulate_id is not null
),

consulates as (
    select
        consulate_id,
        first(consulate_name order by source_rank, seen_on desc, consulate_name)
            filter (where consulate_name is not null) as consulate_name,
        first(us_state_code order by seen_on desc, us_state_code)
            filter (where us_state_code is not null) as us_state_code,
        min(seen_on) as first_seen,
        max(seen_on) as last_seen
    from sightings
    group by consulate_id
),

keyed as (
    select
        surrogate_key('C|' || consulates.consulate_id) as consulate_key,
        consulates.consulate_id,
        coalesce(consulates.consulate_name, consulates.consulate_id) as consulate_name,
        consulates.us_state_code,
        coalesce(us_states.geography_key, 0) as us_state_geography_key,
        consulates.first_seen,
        consulates.last_seen
    from consulates
    left join us_states on us_states.usps_code = consulates.us_state_code
),

unknown as (
    select 0::bigint as consulate_key, 'UNKNOWN' as consulate_id, 'Unknown' as consulate_name,
        null as us_state_code, 0::bigint as us_state_geography_key, null::date as first_seen, null::date as last_seen
)

select * from unknown
union all
select * from keyed
