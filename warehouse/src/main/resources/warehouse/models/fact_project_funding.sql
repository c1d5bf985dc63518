-- fact_project_funding: one row per 3x1 project and fiscal year, from the latest delivery of
-- that year, cancelled projects included (is_cancelled; the analyst views leave them out).
-- Amounts as delivered: nominal pesos of the fiscal year, constant pesos of base_year, dollars.
-- Built for the years in build_scope_year only.
with

scope as (
    select year from build_scope_year
),

projects as (
    select * from stg_project where fiscal_year in (select year from scope)
),

project_keys as (
    select project_key, folio from dim_project
),

geography as (
    select geography_key, geography_id from dim_geography
),

association_keys as (
    select * from int_association_year_key where year in (select year from scope)
),

joined as (
    select
        coalesce(project_keys.project_key, 0) as project_key,
        projects.fiscal_year as year_key,
        coalesce(municipality.geography_key, state.geography_key, 0) as origin_geography_key,
        coalesce(club_us_state.geography_key, 0) as club_us_state_geography_key,
        coalesce(association_keys.association_key, 0) as association_key,
        projects.fiscal_year as year,
        projects.folio,
        projects.association_id,
        projects.category,
        projects.status,
        projects.status = 'CANCELADO' as is_cancelled,
        projects.beneficiaries,
        projects.federal_mxn,
        projects.state_mxn,
        projects.municipal_mxn,
        projects.migrant_mxn,
        projects.other_mxn,
        projects.total_mxn,
        projects.base_year,
        projects.federal_mxn_const,
        projects.state_mxn_const,
        projects.municipal_mxn_const,
        projects.migrant_mxn_const,
        projects.other_mxn_const,
        projects.total_mxn_const,
        projects.federal_usd,
        projects.state_usd,
        projects.municipal_usd,
        projects.migrant_usd,
        projects.other_usd,
        projects.total_usd,
        projects._load_id as load_id,
        projects._source_file as source_file,
        projects._source_line as source_line
    from projects
    left join project_keys on project_keys.folio = projects.folio
    left join geography as state on state.geography_id = 'MX-' || projects.state_code
    left join geography as municipality on municipality.geography_id = 'MX-' || projects.municipality_key
    left join geography as club_us_state on club_us_state.geography_id = 'US-' || projects.club_us_state_code
    left join association_keys
        on association_keys.association_id = projects.association_id
        and association_keys.year = projects.fiscal_year
)

select * from joined
