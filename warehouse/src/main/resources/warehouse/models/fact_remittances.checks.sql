-- check: fact_remittances_grain_is_unique
select series_id, period_start, count(*) as n from fact_remittances group by series_id, period_start having count(*) > 1

-- check: fact_remittances_foreign_keys_resolve
select series_id, period_start, geography_key, year_key
from fact_remittances
where geography_key is null or geography_key not in (select geography_key from dim_geography)
    or year_key is null or year_key not in (select year_key from dim_year)

-- check: fact_remittances_holds_the_latest_export_of_every_series_and_period
-- every series and period the lake gives, with the value, load and consultation of the export
-- consulted last; none missing, none extra
with
lake as (
    select series_id, period_start, usd, mxn_const, _load_id as load_id,
        strptime(consulted_at, '%Y-%m-%d %H:%M:%S') as consulted_at
    from stg_remittance
    qualify rank() over (partition by series_id, period_start order by consulted_at desc) = 1
),
fact as (
    select series_id, period_start, remittances_usd as usd, remittances_mxn_const as mxn_const, load_id, consulted_at
    from fact_remittances
)
select 'missing from fact_remittances' as problem, * from (select * from lake except all select * from fact)
union all
select 'not the latest export', * from (select * from fact except all select * from lake)

-- check: fact_remittances_places_resolved_series
-- a series whose place transform resolved points to that place, never to the unknown member
select series_id, period_start, series_level, state_code, municipality_key
from fact_remittances
where geography_key = 0
    and ((series_level in ('STATE_TOTAL', 'NOT_IDENTIFIED') and state_code is not null)
        or (series_level = 'MUNICIPALITY' and municipality_key is not null))

-- check: remittances_municipalities_add_up_to_the_state_total
-- a state's municipalities plus its No identificado equal its total series, to within what the
-- delivered digits' rounding explains (see audit_remittance_reconciliation)
select * from audit_remittance_reconciliation where status = 'DIFFERS'
