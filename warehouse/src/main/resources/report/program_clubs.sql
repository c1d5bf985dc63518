-- The clubs taking part in 3x1 in the report's year, by investment: the association's name (as in
-- the association dimension, version valid that year), where it is, whether it was registered
-- that year (NULL without a snapshot), its projects and pesos.
with

params as (
    select ?::integer as from_year, ?::integer as to_year
),

association_years as (
    select * from fact_association_year
),

associations as (
    select association_key, name, us_state_code, origin_state_code from dim_association
),

states as (
    select state_code, state_name from dim_geography where geography_level = 'MX_STATE'
),

-- A club that is not in the registry has no US state in the association dimension; its projects
-- say where it is.
project_us_states as (
    select
        projects.association_id,
        min(geography.usps_code) as usps_code
    from fact_project_funding as projects, params
    join dim_geography as geography on geography.geography_key = projects.club_us_state_geography_key
    where projects.year = params.to_year and not projects.is_cancelled and geography.usps_code is not null
    group by projects.association_id
)

select
    association_years.association_id,
    associations.name,
    coalesce(states.state_name, 'Unknown') as origin_state,
    coalesce(associations.us_state_code, project_us_states.usps_code, 'Unknown') as us_state,
    association_years.registered,
    association_years.projects_3x1,
    association_years.total_mxn,
    association_years.migrant_mxn
from association_years
cross join params
left join associations using (association_key)
left join states on states.state_code = associations.origin_state_code
left join project_us_states on project_us_states.association_id = association_years.association_id
where association_years.year = params.to_year and association_years.projects_3x1 > 0
order by association_years.total_mxn desc, associations.name, association_years.association_id
