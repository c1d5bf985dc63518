-- check: dim_geography_key_is_unique
select geography_key, count(*) as n from dim_geography group by geography_key having count(*) > 1

-- check: dim_geography_id_is_unique
select geography_id, count(*) as n from dim_geography group by geography_id having count(*) > 1

-- check: dim_geography_has_unknown_member
select 'no row with geography_key 0' as problem where not exists (select 1 from dim_geography where geography_key = 0)

-- check: dim_geography_municipalities_belong_to_a_known_state
select geography_id, state_code from dim_geography
where geography_level = 'MX_MUNICIPALITY' and state_name is null

-- check: dim_geography_every_state_has_an_unknown_municipality
select states.geography_id from dim_geography states
where states.geography_level = 'MX_STATE'
    and not exists (select 1 from dim_geography u
                    where u.geography_id = states.geography_id || '-UNKNOWN' and u.geography_level = 'MX_MUNICIPALITY_UNKNOWN')

-- check: dim_geography_migration_intensity_is_on_known_municipalities
-- every municipality CONAPO grades is one of INEGI's, and only municipalities carry a grade
select municipality_key from stg_ref_migration_intensity
where municipality_key not in (select municipality_key from dim_geography where geography_level = 'MX_MUNICIPALITY')
union all
select geography_id from dim_geography
where geography_level <> 'MX_MUNICIPALITY' and migration_intensity_grade is not null
