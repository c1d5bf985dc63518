-- audit_remittance_export (view): one row per Banco de México export the warehouse holds, and what
-- it contributes to fact_remittances: how many of its values are the current ones, how many a later
-- export gives instead (an export consulted earlier than another changes nothing the later one
-- gives), and how many of its current values revise what an earlier export said.
with

staged as (
    select series_id, period_start, usd, _load_id as load_id, _source_file as source_file,
        strptime(consulted_at, '%Y-%m-%d %H:%M:%S') as consulted_at
    from stg_remittance
),

chosen as (
    select series_id, period_start, remittances_usd as usd, load_id, source_file, consulted_at
    from fact_remittances
),

exports as (
    select load_id, any_value(source_file) as source_file, any_value(consulted_at) as consulted_at,
        count(*) as "values", count(usd) as values_with_figure
    from staged
    group by load_id
),

current_values as (
    select load_id, count(*) as values_current from chosen group by load_id
),

superseded as (
    select
        staged.load_id,
        count(*) as values_superseded,
        count(distinct chosen.load_id) as superseding_exports,
        arg_max(chosen.source_file, chosen.consulted_at) as superseded_by,
        max(chosen.consulted_at) as superseded_by_consulted_at
    from staged
    join chosen using (series_id, period_start)
    where chosen.load_id <> staged.load_id
    group by staged.load_id
),

revisions as (
    select chosen.load_id, count(distinct (chosen.series_id, chosen.period_start)) as values_revised
    from chosen
    join staged using (series_id, period_start)
    where staged.consulted_at < chosen.consulted_at and staged.usd is distinct from chosen.usd
    group by chosen.load_id
)

select
    exports.load_id,
    exports.source_file,
    exports.consulted_at,
    exports."values",
    exports.values_with_figure,
    coalesce(current_values.values_current, 0) as values_current,
    coalesce(superseded.values_superseded, 0) as values_superseded,
    coalesce(superseded.superseding_exports, 0) as superseding_exports,
    superseded.superseded_by,
    superseded.superseded_by_consulted_at,
    coalesce(revisions.values_revised, 0) as values_revised
from exports
left join current_values using (load_id)
left join superseded using (load_id)
left join revisions using (load_id)
