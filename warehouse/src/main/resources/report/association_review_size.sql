-- THE ONE PLACE the report reads the size of the association review list (the view
-- audit_association_review: records the identity model could not decide, kept apart and listed
-- for review). Run only when association_review_present.sql finds the view. The view has one row
-- per candidate of a record; the method note's sentence (method.review_list in
-- messages_*.properties) counts records: one per source table, period and record id.
with

params as (
    select ?::integer as from_year, ?::integer as to_year
)

select count(distinct (source_table, period, source_record_id)) as records
from audit_association_review, params
