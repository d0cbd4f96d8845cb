CREATE TABLE units (
    code text PRIMARY KEY,
    name text NOT NULL,
    kind text NOT NULL CHECK (kind IN ('Department', 'District'))
);

CREATE TABLE routing_rules (
    id        serial PRIMARY KEY,
    keyword   text    NOT NULL,
    unit_code text    NOT NULL REFERENCES units (code),
    priority  integer NOT NULL DEFAULT 100,
    UNIQUE (keyword, unit_code)
);

CREATE TABLE assignments (
    proposal_id uuid PRIMARY KEY,
    unit_code   text        NOT NULL REFERENCES units (code),
    topic       text        NOT NULL,
    title       text        NOT NULL,
    assigned_at timestamptz NOT NULL,
    due_at      timestamptz NOT NULL
);

CREATE INDEX ix_assignments_unit ON assignments (unit_code, due_at);

-- Headquarters departments of a national customs administration.
INSERT INTO units (code, name, kind) VALUES
    ('HQ-OFFICE',        '办公厅（建议提案办理）', 'Department'),
    ('HQ-HEALTH',        '卫生检疫司', 'Department'),
    ('HQ-ANIMAL-PLANT',  '动植物检疫司', 'Department'),
    ('HQ-FOOD',          '进出口食品安全局', 'Department'),
    ('HQ-ANTISMUGGLING', '缉私局', 'Department'),
    ('HQ-TARIFF',        '关税征管司', 'Department'),
    ('HQ-FTZ',           '自贸区和特殊区域发展司', 'Department'),
    ('HQ-PORTS',         '口岸监管司', 'Department'),
    ('HQ-CLEARANCE',     '综合业务司', 'Department'),
    ('HQ-ENTERPRISE',    '企业管理和稽查司', 'Department'),
    ('HQ-STATISTICS',    '统计分析司', 'Department'),
    ('HQ-INSPECTION',    '商品检验司', 'Department');

INSERT INTO routing_rules (keyword, unit_code, priority) VALUES
    ('卫生检疫', 'HQ-HEALTH', 10), ('疫情', 'HQ-HEALTH', 20), ('传染病', 'HQ-HEALTH', 20),
    ('health quarantine', 'HQ-HEALTH', 10), ('epidemic', 'HQ-HEALTH', 20),
    ('动植物', 'HQ-ANIMAL-PLANT', 10), ('animal', 'HQ-ANIMAL-PLANT', 20), ('plant quarantine', 'HQ-ANIMAL-PLANT', 10),
    ('食品', 'HQ-FOOD', 10), ('food', 'HQ-FOOD', 10),
    ('走私', 'HQ-ANTISMUGGLING', 10), ('缉私', 'HQ-ANTISMUGGLING', 10), ('smuggl', 'HQ-ANTISMUGGLING', 10),
    ('关税', 'HQ-TARIFF', 10), ('归类', 'HQ-TARIFF', 10), ('tariff', 'HQ-TARIFF', 10), ('classification', 'HQ-TARIFF', 10),
    ('自贸', 'HQ-FTZ', 10), ('保税', 'HQ-FTZ', 10), ('综合保税区', 'HQ-FTZ', 5), ('free trade', 'HQ-FTZ', 10), ('bonded', 'HQ-FTZ', 10),
    ('口岸', 'HQ-PORTS', 10), ('port of entry', 'HQ-PORTS', 20), ('ports', 'HQ-PORTS', 30),
    ('通关', 'HQ-CLEARANCE', 20), ('clearance', 'HQ-CLEARANCE', 20), ('跨境电商', 'HQ-CLEARANCE', 20), ('e-commerce', 'HQ-CLEARANCE', 20),
    ('稽查', 'HQ-ENTERPRISE', 20), ('信用', 'HQ-ENTERPRISE', 30), ('AEO', 'HQ-ENTERPRISE', 20),
    ('统计', 'HQ-STATISTICS', 20), ('statistic', 'HQ-STATISTICS', 20),
    ('商品检验', 'HQ-INSPECTION', 10), ('inspection', 'HQ-INSPECTION', 30);
