-- Issue 15: the calendar working days are counted on. Each year the State Council's general office
-- announces the official holidays (放假) and the make-up working days (调休上班, always a Saturday or a
-- Sunday) of the year to come; the proposal office keeps them here (PUT /api/assignment/calendar/{year}).
-- A year not here is not guessed: a count of working days that reaches it takes its days as calendar
-- days, and says so.

CREATE TABLE calendar_years (
    year       integer     PRIMARY KEY CHECK (year BETWEEN 1949 AND 2200),
    -- the notice the days come from, as the office names it
    source     text        NOT NULL,
    updated_by text        NOT NULL,
    updated_at timestamptz NOT NULL
);

CREATE TABLE calendar_days (
    day  date    PRIMARY KEY,
    year integer NOT NULL REFERENCES calendar_years (year) ON DELETE CASCADE CHECK (year = date_part('year', day)),
    kind text    NOT NULL CHECK (kind IN ('Holiday', 'MakeUpWorkday')),
    -- the holiday the day belongs to (元旦, 春节, …), a make-up day's included
    name text    NOT NULL
);

CREATE INDEX ix_calendar_days_year ON calendar_days (year, day);

-- The years the team verified against the notices (国务院办公厅关于20xx年部分节假日安排的通知).
INSERT INTO calendar_years (year, source, updated_by, updated_at) VALUES
    (2024, '国务院办公厅关于2024年部分节假日安排的通知', '平台预置', now()),
    (2025, '国务院办公厅关于2025年部分节假日安排的通知', '平台预置', now()),
    (2026, '国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号）', '平台预置', now());

-- Holidays: each period from its first to its last day, both included.
INSERT INTO calendar_days (day, year, kind, name)
SELECT d::date, date_part('year', d)::integer, 'Holiday', h.name
FROM (VALUES
    ('2024-01-01', '2024-01-01', '元旦'),
    ('2024-02-10', '2024-02-17', '春节'),
    ('2024-04-04', '2024-04-06', '清明节'),
    ('2024-05-01', '2024-05-05', '劳动节'),
    ('2024-06-10', '2024-06-10', '端午节'),
    ('2024-09-15', '2024-09-17', '中秋节'),
    ('2024-10-01', '2024-10-07', '国庆节'),
    ('2025-01-01', '2025-01-01', '元旦'),
    ('2025-01-28', '2025-02-04', '春节'),
    ('2025-04-04', '2025-04-06', '清明节'),
    ('2025-05-01', '2025-05-05', '劳动节'),
    ('2025-05-31', '2025-06-02', '端午节'),
    ('2025-10-01', '2025-10-08', '国庆节、中秋节'),
    ('2026-01-01', '2026-01-03', '元旦'),
    ('2026-02-15', '2026-02-23', '春节'),
    ('2026-04-04', '2026-04-06', '清明节'),
    ('2026-05-01', '2026-05-05', '劳动节'),
    ('2026-06-19', '2026-06-21', '端午节'),
    ('2026-09-25', '2026-09-27', '中秋节'),
    ('2026-10-01', '2026-10-07', '国庆节')
) AS h (first_day, last_day, name),
LATERAL generate_series(h.first_day::date, h.last_day::date, interval '1 day') AS d;

-- Make-up working days: a Saturday or Sunday worked in exchange for a day of a holiday.
INSERT INTO calendar_days (day, year, kind, name)
SELECT w.day::date, date_part('year', w.day::date)::integer, 'MakeUpWorkday', w.name
FROM (VALUES
    ('2024-02-04', '春节'),
    ('2024-02-18', '春节'),
    ('2024-04-07', '清明节'),
    ('2024-04-28', '劳动节'),
    ('2024-05-11', '劳动节'),
    ('2024-09-14', '中秋节'),
    ('2024-09-29', '国庆节'),
    ('2024-10-12', '国庆节'),
    ('2025-01-26', '春节'),
    ('2025-02-08', '春节'),
    ('2025-04-27', '劳动节'),
    ('2025-09-28', '国庆节、中秋节'),
    ('2025-10-11', '国庆节、中秋节'),
    ('2026-01-04', '元旦'),
    ('2026-02-14', '春节'),
    ('2026-02-28', '春节'),
    ('2026-05-09', '劳动节'),
    ('2026-09-20', '国庆节'),
    ('2026-10-10', '国庆节')
) AS w (day, name);
