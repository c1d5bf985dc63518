-- dim_association: slowly changing, type 2. One version per stretch of consecutive registry
-- snapshots in which an association was listed with the same name, type, federation,
-- consulate, US state, country and origin. A change opens a new version on the date of the
-- snapshot that shows it; a snapshot that no longer lists the association closes the version
-- (registration_status DEREGISTERED, valid_to the date of that snapshot). valid_to is exclusive;
-- an open version has valid_to 9999-12-31 and is_current. Associations known only from 3x1
-- projects or surveys have one version, NOT_IN_REGISTRY, valid from 1900-01-01.
with

snapshot_rows as (
    select * from stg_registry_snapshot
),

associations as (
    select * from stg_association
),

geography as (
    select geography_key, geography_id from dim_geography
),

consulates as (
    select consulate_key, consulate_id from dim_consulate
),

snapshots as (
    select
        snapshot_date,
        row_number() over (order by snapshot_date) as snapshot_no,
        count(*) over () as snapshot_count
    from (select distinct snapshot_date from snapshot_rows)
),

-- an association listed twice in one snapshot (two registry entries linked to one identity)
-- takes the attributes of its smallest organization_id
listings as (
    select * from snapshot_rows
    qualify row_number() over (
        partition by association_id, snapshot_date order by organization_id, _source_line) = 1
),

listings_with_changes as (
    select
        listings.*,
        snapshots.snapshot_no,
        snapshots.snapshot_count,
        md5(concat_ws('|', name, coalesce(org_type, '~'), coalesce(federation, '~'), coalesce(consulate_id, '~'),
            coalesce(us_state_code, '~'), coalesce(country, '~'), coalesce(origin_state_code, '~'),
            coalesce(origin_municipality_key, '~'))) as attribute_hash
    from listings
    join snapshots using (snapshot_date)
),

version_starts as (
    select
        *,
        coalesce(
            lag(snapshot_no) over by_association <> snapshot_no - 1
            or lag(attribute_hash) over by_association <> attribute_hash,
            true) as opens_version
    from listings_with_changes
    window by_association as (partition by association_id order by snapshot_no)
),

numbered as (
    select
        *,
        sum(case when opens_version then 1 else 0 end) over (
            partition by association_id order by snapshot_no rows unbounded preceding) as version_no
    from version_starts
),

registry_versions as (
    select
        association_id,
        version_no,
        min(snapshot_date) as valid_from,
        max(snapshot_no) as last_snapshot_no,
        max(snapshot_count) as snapshot_count,
        first(name order by snapshot_no) as name,
        first(org_type order by snapshot_no) as org_type,
        first(federation order by snapshot_no) as federation,
        first(consulate_id order by snapshot_no) as consulate_id,
        first(us_state_code order by snapshot_no) as us_state_code,
        first(country order by snapshot_no) as country,
        first(origin_state_code order by snapshot_no) as origin_state_code,
        first(origin_municipality_key order by snapshot_no) as origin_municipality_key,
        first(city order by snapshot_no) as city,
        first(registry_key order by snapshot_no) as registry_key,
        first(founded_year order by snapshot_no) as founded_year
    from numbered
    group by association_id, version_no
),

closed_versions as (
    select
        registry_versions.*,
        next_snapshot.snapshot_date as closing_snapshot_date,
        lead(valid_from) over (partition by association_id order by version_no) as next_valid_from
    from registry_versions
    left join snapshots as next_snapshot on next_snapshot.snapshot_no = registry_versions.last_snapshot_no + 1
),

registry_dimension as (
    select
        association_id, version_no, name, org_type, federation, consulate_id, us_state_code, country,
        origin_state_code, origin_municipality_key, city, registry_key, founded_year,
        case
            when closing_snapshot_date is null then 'REGISTERED'
            when next_valid_from = closing_snapshot_date then 'REGISTERED'
            else 'DEREGISTERED'
        end as registration_status,
        valid_from,
        coalesce(closing_snapshot_date, date '9999-12-31') as valid_to
    from closed_versions
),

never_registered as (
    select
        association_id, 1 as version_no, name, null as org_type, null as federation, null as consulate_id,
        null as us_state_code, null as country, origin_state_code, null as origin_municipality_key,
        null as city, registry_key, null::integer as founded_year, 'NOT_IN_REGISTRY' as registration_status,
        date '1900-01-01' as valid_from, date '9999-12-31' as valid_to
    from associations
    where association_id not in (select association_id from snapshot_rows)
),

versions as (
    select * from registry_dimension
    union all
    select * from never_registered
),

keyed as (
    select
        surrogate_key('A|' || versions.association_id || '|' || strftime(versions.valid_from, '%Y-%m-%d'))
            as association_key,
        versions.association_id,
        versions.version_no::integer as version_no,
        versions.name,
        versions.org_type,
        versions.federation,
        versions.consulate_id,
        coalesce(consulates.consulate_key, 0) as consulate_key,
        versions.city,
        versions.us_state_code,
        versions.country,
        coalesce(us_state.geography_key, 0) as us_state_geography_key,
        versions.origin_state_code,
        versions.origin_municipality_key,
        coalesce(origin_municipality.geography_key, origin_state.geography_key, 0) as origin_geography_key,
        versions.registry_key,
        versions.founded_year,
        versions.registration_status,
        versions.valid_from,
        versions.valid_to,
        versions.valid_to = date '9999-12-31' as is_current
    from versions
    left join consulates on consulates.consulate_id = versions.consulate_id
    left join geography as us_state on us_state.geography_id = 'US-' || versions.us_state_code
    left join geography as origin_state on origin_state.geography_id = 'MX-' || versions.origin_state_code
    left join geography as origin_municipality
        on origin_municipality.geography_id = 'MX-' || versions.origin_municipality_key
),

unknown as (
    select
        0::bigint as association_key, 'UNKNOWN' as association_id, 0 as version_no, 'Unknown' as name,
        null as org_type, null as federation, null as consulate_id, 0::bigint as consulate_key, null as city,
        null as us_state_code, null as country, 0::bigint as us_state_geography_key, null as origin_state_code,
        null as origin_municipality_key, 0::bigint as origin_geography_key, null as registry_key,
        null::integer as founded_year, 'UNKNOWN' as registration_status,
        date '1900-01-01' as valid_from, date '9999-12-31' as valid_to, false as is_current
)

select * from unknown
union all
select * from keyed
