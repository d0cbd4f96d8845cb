-- Issue 15: the formal reply is a numbered letter (文号). Each year (Beijing's) has one gapless sequence
-- of the body's letters: the issuing transaction takes the next number by updating its year's row, which
-- stays locked until that transaction ends, so a rolled-back issue gives its number back.
CREATE TABLE reply_letter_numbers (
    year        integer PRIMARY KEY,
    last_number integer NOT NULL CHECK (last_number > 0)
);

-- The letter of each issued reply as it was sent, byte for byte, and its public version (published
-- text, no phones; none when the reply is not published), each with its SHA-256. The letter prints the
-- signatories' phones and is stored sealed as they are (Data/SignatoryPhones); the hash is of the letter.
CREATE TABLE reply_letters (
    reply_id      uuid    PRIMARY KEY REFERENCES issued_replies (reply_id),
    proposal_id   uuid    NOT NULL,
    round         integer NOT NULL,
    year          integer NOT NULL,
    number        integer NOT NULL,
    letter_number text    NOT NULL,
    letter        bytea   NOT NULL,
    letter_sha256 bytea   NOT NULL,
    public_letter bytea   NULL,
    public_sha256 bytea   NULL,
    UNIQUE (year, number),
    UNIQUE (proposal_id, round)
);

ALTER TABLE reply_letters
    ALTER COLUMN letter SET STATISTICS 0,
    ALTER COLUMN letter_sha256 SET STATISTICS 0,
    ALTER COLUMN public_letter SET STATISTICS 0,
    ALTER COLUMN public_sha256 SET STATISTICS 0,
    ALTER COLUMN letter_number SET STATISTICS 0;

-- The item a letter answers, from its registration: its kind, session and number.
ALTER TABLE reply_cases
    ADD COLUMN kind            smallint NULL,
    ADD COLUMN session_year    integer  NULL,
    ADD COLUMN session_term    integer  NULL,
    ADD COLUMN session_meeting integer  NULL,
    ADD COLUMN number          integer  NULL;
ALTER TABLE reply_cases
    ALTER COLUMN kind SET STATISTICS 10,
    ALTER COLUMN session_year SET STATISTICS 10,
    ALTER COLUMN session_term SET STATISTICS 10,
    ALTER COLUMN session_meeting SET STATISTICS 10,
    ALTER COLUMN number SET STATISTICS 10;
