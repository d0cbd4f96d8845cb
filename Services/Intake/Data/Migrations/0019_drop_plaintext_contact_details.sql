-- The contact details are sealed in contact_details now (0017, 0018).
ALTER TABLE proposals DROP COLUMN submitter_phone, DROP COLUMN submitter_address;
