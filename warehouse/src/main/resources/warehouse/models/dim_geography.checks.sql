-- check: dim_geography_key_is_unique
select geography_key, count(*) as n from dim_geography group by geography_key having count(*) > 1

-- check: dim_geography_id_is_unique
select geography_id, count(*) as n from dim_geography group by geography_id having count(*) > 1

-- check: dim_geography_has_unknown_member
select 'no row with geography_key 0' as problem where not exists (select 1 from dim_geography where geography_key = 0)

-- check: dim_geography_municipalities_belong_to_a_known_state
select geography_id, state_code from dim_geography
where geography_level = 'MX_MUNICIPALITY' and state_name is null
