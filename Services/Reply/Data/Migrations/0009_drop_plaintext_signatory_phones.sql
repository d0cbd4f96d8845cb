-- The phones are sealed now (0007, 0008).
ALTER TABLE issued_replies DROP COLUMN leader_phone, DROP COLUMN handler_phone;
ALTER TABLE issued_replies RENAME COLUMN leader_phone_sealed TO leader_phone;
ALTER TABLE issued_replies RENAME COLUMN handler_phone_sealed TO handler_phone;
