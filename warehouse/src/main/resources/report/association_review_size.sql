-- THE ONE PLACE the report reads the size of the association review list (issue 11's view
-- audit_association_review: records the identity model could not decide, kept apart and listed
-- for review). Run only when association_review_present.sql finds the view. If the view's grain
-- is not one row per record to review, count what the method note's sentence
-- (method.review_list in messages_*.properties) says: records.
with

params as (
    select ?::integer as from_year, ?::integer as to_year
)

select count(*) as records
from audit_association_review, params
