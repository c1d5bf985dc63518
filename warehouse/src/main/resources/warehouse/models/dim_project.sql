-- dim_project: one row per 3x1 project (FOLIO, unique across years), described as the latest
-- delivery has it: the row of the latest fiscal year that lists the folio. Cancelled projects
-- stay here with status CANCELADO.
with

projects as (
    select * from stg_project
),

geography as (
    select geography_key, geography_id from dim_geography
),

latest as (
    select * from projects
    qualify row_number() over (partition by folio order by fiscal_year desc, _source_line) = 1
),

years as (
    select folio, min(fiscal_year) as first_fiscal_year, count(*) as fiscal_years from projects group by folio
),

keyed as (
    select
        surrogate_key('P|' || latest.folio) as project_key,
        latest.folio,
        latest.project_name,
        latest.category,
        latest.category_rule,
        latest.work_type,
        latest.state_code,
        latest.municipality_key,
        latest.locality,
        latest.geo_rule,
        coalesce(municipality.geography_key, state.geography_key, 0) as geography_key,
        latest.association_id,
        latest.club_name,
        latest.status,
        latest.approved_date,
        latest.fiscal_year as latest_fiscal_year,
        years.first_fiscal_year,
        years.fiscal_years,
        latest.layout,
        latest._load_id as load_id,
        latest._source_file as source_file
    from latest
    join years using (folio)
    left join geography as state on state.geography_id = 'MX-' || latest.state_code
    left join geography as municipality on municipality.geography_id = 'MX-' || latest.municipality_key
),

unknown as (
    select
        0::bigint as project_key, 'UNKNOWN' as folio, 'Unknown' as project_name, 'UNKNOWN' as category,
        null as category_rule, null as work_type, null as state_code, null as municipality_key,
        null as locality, null as geo_rule, 0::bigint as geography_key, null as association_id,
        null as club_name, 'UNKNOWN' as status, null::date as approved_date, null::integer as latest_fiscal_year,
        null::integer as first_fiscal_year, 0::bigint as fiscal_years, null as layout, null as load_id,
        null as source_file
)

select * from unknown
union all
select * from keyed
