-- check: dim_association_key_is_unique
select association_key, count(*) as n from dim_association group by association_key having count(*) > 1

-- check: dim_association_has_unknown_member
select 'no row with association_key 0' as problem
where not exists (select 1 from dim_association where association_key = 0)

-- check: dim_association_versions_do_not_overlap
select a.association_id, a.version_no, a.valid_from, a.valid_to, b.version_no as other_version,
    b.valid_from as other_valid_from, b.valid_to as other_valid_to
from dim_association a
join dim_association b
    on a.association_id = b.association_id and a.association_key < b.association_key
    and a.valid_from < b.valid_to and b.valid_from < a.valid_to

-- check: dim_association_versions_are_not_empty
select association_id, version_no, valid_from, valid_to from dim_association where valid_from >= valid_to

-- check: dim_association_has_at_most_one_current_version
select association_id, count(*) as current_versions from dim_association
where is_current group by association_id having count(*) > 1

-- check: dim_association_foreign_keys_resolve
select association_id, version_no, consulate_key, us_state_geography_key, origin_geography_key
from dim_association
where consulate_key not in (select consulate_key from dim_consulate)
    or us_state_geography_key not in (select geography_key from dim_geography)
    or origin_geography_key not in (select geography_key from dim_geography)
