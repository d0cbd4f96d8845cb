-- The saved copy of a batch's upload is compressed before it is sealed (Brotli: 'br'); a copy kept
-- before this has none, and is the body as it came.
ALTER TABLE intake_batches ADD COLUMN upload_compression text NULL;

-- ciphertext does not compress: kept out of line as it is, without PostgreSQL trying to
ALTER TABLE intake_batch_uploads ALTER COLUMN content SET STORAGE EXTERNAL;
