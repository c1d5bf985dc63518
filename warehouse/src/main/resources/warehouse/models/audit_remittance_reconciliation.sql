-- audit_remittance_reconciliation (view): for each state and period of fact_remittances, its
-- municipalities plus its No identificado against its total series. Banco de México publishes them
-- so that they add up to within rounding; status says whether they do, or why the sum is not
-- compared: the export does not hold the whole distribution (every municipality of the state in
-- INEGI's 2020 list and its No identificado), a value is N/E, or the total and its parts come from
-- different exports (a partial revision), whose figures need not agree.
with

remittances as (
    select * from fact_remittances
    where series_level in ('STATE_TOTAL', 'MUNICIPALITY', 'NOT_IDENTIFIED') and state_code is not null
),

totals as (
    select
        state_code, periodicity, period_start,
        any_value(period) as period,
        count(*) as total_series,
        sum(remittances_usd) as total_usd,
        sum(rounding_usd) as total_rounding_usd,
        count(*) - count(remittances_usd) as total_not_available,
        min(load_id) as load_id,
        max(load_id) as last_load_id,
        any_value(source_file) as source_file
    from remittances
    where series_level = 'STATE_TOTAL'
    group by state_code, periodicity, period_start
),

parts as (
    select
        state_code, periodicity, period_start,
        count(*) filter (where series_level = 'MUNICIPALITY') as municipal_series,
        count(*) filter (where series_level = 'NOT_IDENTIFIED') as not_identified_series,
        sum(remittances_usd) as parts_usd,
        sum(rounding_usd) as parts_rounding_usd,
        count(*) - count(remittances_usd) as parts_not_available,
        min(load_id) as load_id,
        max(load_id) as last_load_id
    from remittances
    where series_level in ('MUNICIPALITY', 'NOT_IDENTIFIED')
    group by state_code, periodicity, period_start
),

municipalities_2020 as (
    select state_code, count(*) as municipalities
    from dim_geography
    where geography_level = 'MX_MUNICIPALITY' and population_2020 > 0
    group by state_code
),

states as (
    select state_code, state_name from dim_geography where geography_level = 'MX_STATE'
),

compared as (
    select
        totals.state_code,
        states.state_name,
        totals.periodicity,
        totals.period,
        totals.period_start,
        totals.total_usd,
        parts.parts_usd as municipalities_usd,
        parts.parts_usd - totals.total_usd as difference_usd,
        round(totals.total_rounding_usd + parts.parts_rounding_usd + 0.01, 2) as tolerance_usd,
        coalesce(parts.municipal_series, 0) as municipal_series,
        coalesce(parts.not_identified_series, 0) as not_identified_series,
        coalesce(municipalities_2020.municipalities, 0) as municipalities_2020,
        case
            when totals.total_series > 1 then 'SEVERAL_TOTALS'
            when parts.state_code is null
                or parts.municipal_series < coalesce(municipalities_2020.municipalities, 0)
                or parts.not_identified_series <> 1 then 'INCOMPLETE'
            when totals.total_not_available > 0 or parts.parts_not_available > 0 then 'NOT_AVAILABLE'
            when totals.load_id <> parts.load_id or parts.load_id <> parts.last_load_id then 'MIXED_EXPORTS'
            when abs(parts.parts_usd - totals.total_usd)
                <= totals.total_rounding_usd + parts.parts_rounding_usd + 0.01 then 'RECONCILED'
            else 'DIFFERS'
        end as status,
        totals.load_id,
        totals.source_file
    from totals
    left join parts using (state_code, periodicity, period_start)
    left join municipalities_2020 using (state_code)
    left join states using (state_code)
)

select * from compared
