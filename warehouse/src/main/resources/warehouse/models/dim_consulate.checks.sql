-- check: dim_consulate_key_is_unique
select consulate_key, count(*) as n from dim_consulate group by consulate_key having count(*) > 1

-- check: dim_consulate_id_is_unique
select consulate_id, count(*) as n from dim_consulate group by consulate_id having count(*) > 1

-- check: dim_consulate_has_unknown_member
select 'no row with consulate_key 0' as problem where not exists (select 1 from dim_consulate where consulate_key = 0)

-- check: dim_consulate_us_state_in_dim_geography
select consulate_id, us_state_geography_key from dim_consulate
where us_state_geography_key not in (select geography_key from dim_geography)
