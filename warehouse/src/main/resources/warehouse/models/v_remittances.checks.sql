-- check: v_remittances_collective_share_is_empty_where_a_side_is_missing
-- the share exists exactly where both sides do (and family remittances are not 0), and is their ratio,
-- unrounded (a rounded share of a few dollars per billion would read 0)
select year, origin_state_code, municipality_key, municipality, family_usd, migrant_3x1_usd, collective_share_pct
from v_remittances
where (collective_share_pct is null) <> (family_usd is null or family_usd = 0 or migrant_3x1_usd is null)
    or abs(collective_share_pct - 100 * migrant_3x1_usd / family_usd) > 1e-9 * (100 * migrant_3x1_usd / family_usd)

-- check: v_remittances_one_row_per_year_and_place
select year, origin_state_code, municipality_key, municipality, count(*) as n
from v_remittances group by all having count(*) > 1
