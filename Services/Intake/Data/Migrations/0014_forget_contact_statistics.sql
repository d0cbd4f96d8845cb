-- ANALYZE no longer looks at the submitters' contact details (0013), but what it kept of them before
-- (a column's most common values and histogram: phone numbers and addresses among them) stays in
-- pg_statistic until removed, and only a superuser may remove it. Where the service is not one, an
-- administrator can run this statement by hand.
DO $$
BEGIN
    DELETE FROM pg_statistic s
    USING pg_attribute a
    WHERE s.starelid = 'proposals'::regclass
      AND a.attrelid = s.starelid AND a.attnum = s.staattnum
      AND a.attname IN ('submitter_phone', 'submitter_address', 'co_signers');
EXCEPTION WHEN insufficient_privilege THEN
    RAISE NOTICE 'The statistics of the submitters'' contact details are kept: removing them needs a superuser.';
END $$;
