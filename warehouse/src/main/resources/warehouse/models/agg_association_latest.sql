-- agg_association_latest (aggregate table behind the view v_association_latest): one row per
-- association, its latest version in dim_association (the highest version_no), deregistered ones
-- included: a "where is_current" on dim_association drops every association that has left the
-- registry, and a top-10 of clubs built on it silently loses them. With the names of its places,
-- the first and last registry snapshot that listed it, and its 3x1 projects and pesos over every
-- fiscal year (cancelled projects left out). Built whole on every build.
with

versions as (
    select * from dim_association where association_key <> 0
),

latest as (
    select * from versions
    qualify row_number() over (partition by association_id order by version_no desc) = 1
),

version_counts as (
    select association_id, count(*) as versions from versions group by association_id
),

listings as (
    select
        association_id,
        min(snapshot_date) as first_snapshot_date,
        max(snapshot_date) as last_snapshot_date
    from stg_registry_snapshot
    group by association_id
),

projects as (
    select
        association_id,
        count(distinct folio) as projects_3x1,
        min(year) as first_project_year,
        max(year) as last_project_year,
        sum(migrant_mxn_const) as migrant_mxn_const,
        sum(total_mxn_const) as total_mxn_const,
        sum(migrant_usd) as migrant_usd,
        sum(total_usd) as total_usd
    from fact_project_funding
    where not is_cancelled
    group by association_id
),

states as (
    select state_code, state_name from dim_geography where geography_level = 'MX_STATE'
),

municipalities as (
    select municipality_key, municipality_name from dim_geography where geography_level = 'MX_MUNICIPALITY'
),

us_states as (
    select usps_code, us_state_name from dim_geography where geography_level = 'US_STATE'
),

consulates as (
    select consulate_id, consulate_name from dim_consulate where consulate_key <> 0
)

select
    latest.association_id,
    latest.association_key,
    latest.version_no,
    version_counts.versions,
    latest.registration_status,
    latest.is_current,
    latest.name,
    latest.org_type,
    latest.federation,
    latest.consulate_id,
    consulates.consulate_name,
    latest.city,
    latest.us_state_code,
    us_states.us_state_name,
    latest.country,
    latest.origin_state_code,
    states.state_name as origin_state_name,
    latest.origin_municipality_key,
    municipalities.municipality_name as origin_municipality_name,
    latest.registry_key,
    latest.valid_from,
    latest.valid_to,
    listings.first_snapshot_date,
    listings.last_snapshot_date,
    coalesce(projects.projects_3x1, 0) as projects_3x1,
    projects.first_project_year,
    projects.last_project_year,
    coalesce(projects.migrant_mxn_const, 0)::decimal(38, 2) as migrant_mxn_const,
    coalesce(projects.total_mxn_const, 0)::decimal(38, 2) as total_mxn_const,
    coalesce(projects.migrant_usd, 0)::decimal(38, 2) as migrant_usd,
    coalesce(projects.total_usd, 0)::decimal(38, 2) as total_usd
from latest
join version_counts using (association_id)
left join listings using (association_id)
left join projects using (association_id)
left join states on states.state_code = latest.origin_state_code
left join municipalities on municipalities.municipality_key = latest.origin_municipality_key
left join us_states on us_states.usps_code = latest.us_state_code
left join consulates on consulates.consulate_id = latest.consulate_id
