-- fact_association_year: periodic snapshot, one row per association and year in which it was
-- registered, was deregistered, or took part in 3x1. Registered in Y means listed in the latest
-- registry snapshot dated in Y. In a year without a snapshot the registry figures (registered,
-- is_new, is_deregistered, members) are NULL: no figure, not zero. is_new and is_deregistered
-- compare with the previous observed snapshot year, and are NULL in the first one.
-- Projects and migrant pesos count the year's non-cancelled projects naming the association.
-- Built for the years in build_scope_year only.
with

scope as (
    select year from build_scope_year
),

snapshot_rows as (
    select * from stg_registry_snapshot
),

projects as (
    select * from stg_project where fiscal_year in (select year from scope) and status <> 'CANCELADO'
),

observed_years as (
    select
        year,
        snapshot_date,
        load_id,
        source_file,
        lag(year) over (order by year) as previous_year
    from (
        select
            snapshot_year as year,
            max(snapshot_date) as snapshot_date,
            first(_load_id order by snapshot_date desc, _load_id) as load_id,
            first(_source_file order by snapshot_date desc, _source_file) as source_file
        from snapshot_rows
        group by snapshot_year
    )
),

registered as (
    select
        observed_years.year,
        snapshot_rows.association_id,
        max(snapshot_rows.members) as members,
        first(snapshot_rows._load_id order by snapshot_rows.organization_id, snapshot_rows._source_line) as load_id,
        first(snapshot_rows._source_file order by snapshot_rows.organization_id, snapshot_rows._source_line)
            as source_file
    from snapshot_rows
    join observed_years on observed_years.snapshot_date = snapshot_rows.snapshot_date
    group by observed_years.year, snapshot_rows.association_id
),

registered_before as (
    select observed_years.year, registered.association_id
    from observed_years
    join registered on registered.year = observed_years.previous_year
),

project_years as (
    select
        fiscal_year as year,
        association_id,
        count(*) as projects_3x1,
        sum(migrant_mxn) as migrant_mxn,
        sum(migrant_mxn_const) as migrant_mxn_const,
        sum(migrant_usd) as migrant_usd,
        sum(total_mxn) as total_mxn,
        first(_load_id order by folio) as load_id,
        first(_source_file order by folio) as source_file
    from projects
    group by fiscal_year, association_id
),

association_years as (
    select year, association_id from registered
    union
    select year, association_id from registered_before
    union
    select year, association_id from project_years
),

scoped as (
    select * from association_years where year in (select year from scope)
),

association_keys as (
    select * from int_association_year_key where year in (select year from scope)
),

joined as (
    select
        coalesce(association_keys.association_key, 0) as association_key,
        scoped.year as year_key,
        scoped.year,
        scoped.association_id,
        observed_years.snapshot_date,
        case when observed_years.year is not null then registered.association_id is not null end as registered,
        case when observed_years.previous_year is not null
            then registered.association_id is not null and registered_before.association_id is null
        end as is_new,
        case when observed_years.previous_year is not null
            then registered.association_id is null and registered_before.association_id is not null
        end as is_deregistered,
        registered.members,
        coalesce(project_years.projects_3x1, 0) as projects_3x1,
        coalesce(project_years.migrant_mxn, 0)::decimal(18, 2) as migrant_mxn,
        coalesce(project_years.migrant_mxn_const, 0)::decimal(18, 2) as migrant_mxn_const,
        coalesce(project_years.migrant_usd, 0)::decimal(18, 2) as migrant_usd,
        coalesce(project_years.total_mxn, 0)::decimal(18, 2) as total_mxn,
        coalesce(registered.load_id, observed_years.load_id, project_years.load_id) as load_id,
        coalesce(registered.source_file, observed_years.source_file, project_years.source_file) as source_file
    from scoped
    left join observed_years on observed_years.year = scoped.year
    left join registered
        on registered.year = scoped.year and registered.association_id = scoped.association_id
    left join registered_before
        on registered_before.year = scoped.year and registered_before.association_id = scoped.association_id
    left join project_years
        on project_years.year = scoped.year and project_years.association_id = scoped.association_id
    left join association_keys
        on association_keys.association_id = scoped.association_id and association_keys.year = scoped.year
)

select * from joined
