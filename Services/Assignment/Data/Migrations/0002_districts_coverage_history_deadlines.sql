-- Issue 3: customs districts and what they cover, co-handling, returns, assignment history, extensions,
-- and the deadline notifications the scheduler sends once.

-- Routing rules may name co-handling units besides the lead.
ALTER TABLE routing_rules ADD COLUMN co_unit_codes text[] NOT NULL DEFAULT '{}';

ALTER TABLE assignments
    ADD COLUMN status            text        NOT NULL DEFAULT 'Assigned' CHECK (status IN ('Assigned', 'Returned')),
    ADD COLUMN handling_mode     text        NOT NULL DEFAULT 'Lead',
    ADD COLUMN tags              text[]      NOT NULL DEFAULT '{}',
    ADD COLUMN is_key_item       boolean     NOT NULL DEFAULT false,
    ADD COLUMN clock_started_at  timestamptz NULL,
    ADD COLUMN manually_assigned boolean     NOT NULL DEFAULT false,
    ADD COLUMN replied_at        timestamptz NULL,
    ADD COLUMN returned_at       timestamptz NULL,
    ADD COLUMN return_reason     text        NULL,
    ADD COLUMN returned_by       text        NULL;

-- The reply clock of items assigned before this script started at their assignment.
UPDATE assignments SET clock_started_at = assigned_at WHERE clock_started_at IS NULL;
ALTER TABLE assignments ALTER COLUMN clock_started_at SET NOT NULL;

CREATE INDEX ix_assignments_open_due ON assignments (due_at) WHERE status = 'Assigned' AND replied_at IS NULL;

-- Who assigned an item to which unit, when and why: routing, the office's reassignments, returns.
CREATE TABLE assignment_history (
    id             bigserial PRIMARY KEY,
    proposal_id    uuid        NOT NULL REFERENCES assignments (proposal_id),
    action         text        NOT NULL CHECK (action IN ('Assigned', 'Reassigned', 'Returned', 'CoHandlingAssigned', 'Extended')),
    from_unit_code text        NULL,
    to_unit_code   text        NULL,
    reason         text        NOT NULL,
    by_whom        text        NOT NULL,
    at             timestamptz NOT NULL
);

CREATE INDEX ix_assignment_history_proposal ON assignment_history (proposal_id, id);

INSERT INTO assignment_history (proposal_id, action, from_unit_code, to_unit_code, reason, by_whom, at)
SELECT proposal_id, 'Assigned', NULL, unit_code, 'Routed by topic', 'routing', assigned_at FROM assignments;

-- Co-handling units owe the lead unit a written opinion, each by its own deadline.
CREATE TABLE co_handlings (
    proposal_id          uuid        NOT NULL REFERENCES assignments (proposal_id),
    unit_code            text        NOT NULL REFERENCES units (code),
    assigned_at          timestamptz NOT NULL,
    due_at               timestamptz NOT NULL,
    opinion_submitted_at timestamptz NULL,
    opinion_submitted_by text        NULL,
    PRIMARY KEY (proposal_id, unit_code)
);

CREATE INDEX ix_co_handlings_open_due ON co_handlings (due_at) WHERE opinion_submitted_at IS NULL;

CREATE TABLE deadline_extensions (
    id              bigserial PRIMARY KEY,
    proposal_id     uuid        NOT NULL REFERENCES assignments (proposal_id),
    previous_due_at timestamptz NOT NULL,
    new_due_at      timestamptz NOT NULL,
    reason          text        NOT NULL,
    approved_by     text        NOT NULL,
    extended_at     timestamptz NOT NULL
);

CREATE INDEX ix_deadline_extensions_proposal ON deadline_extensions (proposal_id, id);

-- One row per warning sent, written in the same transaction as its outbox row: a restart or a second
-- instance finds the key taken and sends nothing. A new due date (an extension) is a new key.
CREATE TABLE deadline_notifications (
    deadline_id text        NOT NULL,
    kind        text        NOT NULL CHECK (kind IN ('Approaching', 'Missed')),
    due_at      timestamptz NOT NULL,
    sent_at     timestamptz NOT NULL,
    PRIMARY KEY (deadline_id, kind, due_at)
);

-- The places a customs district covers: a whole province (city NULL) or one city. A place belongs to
-- one district; a city listed on its own wins over its province's province-wide district.
-- Names are stored without 省/市/自治区 (the service strips them from lookups the same way).
CREATE TABLE unit_coverage (
    id        serial PRIMARY KEY,
    unit_code text NOT NULL REFERENCES units (code),
    province  text NOT NULL,
    city      text NULL
);

CREATE UNIQUE INDEX ux_unit_coverage_place ON unit_coverage (province, COALESCE(city, ''));
CREATE INDEX ix_unit_coverage_unit ON unit_coverage (unit_code);

-- The 42 customs districts directly under the national administration.
INSERT INTO units (code, name, kind) VALUES
    ('DIST-BEIJING',      '北京海关',     'District'),
    ('DIST-TIANJIN',      '天津海关',     'District'),
    ('DIST-SHIJIAZHUANG', '石家庄海关',   'District'),
    ('DIST-TAIYUAN',      '太原海关',     'District'),
    ('DIST-MANZHOULI',    '满洲里海关',   'District'),
    ('DIST-HOHHOT',       '呼和浩特海关', 'District'),
    ('DIST-SHENYANG',     '沈阳海关',     'District'),
    ('DIST-DALIAN',       '大连海关',     'District'),
    ('DIST-CHANGCHUN',    '长春海关',     'District'),
    ('DIST-HARBIN',       '哈尔滨海关',   'District'),
    ('DIST-SHANGHAI',     '上海海关',     'District'),
    ('DIST-NANJING',      '南京海关',     'District'),
    ('DIST-HANGZHOU',     '杭州海关',     'District'),
    ('DIST-NINGBO',       '宁波海关',     'District'),
    ('DIST-HEFEI',        '合肥海关',     'District'),
    ('DIST-FUZHOU',       '福州海关',     'District'),
    ('DIST-XIAMEN',       '厦门海关',     'District'),
    ('DIST-NANCHANG',     '南昌海关',     'District'),
    ('DIST-QINGDAO',      '青岛海关',     'District'),
    ('DIST-JINAN',        '济南海关',     'District'),
    ('DIST-ZHENGZHOU',    '郑州海关',     'District'),
    ('DIST-WUHAN',        '武汉海关',     'District'),
    ('DIST-CHANGSHA',     '长沙海关',     'District'),
    ('DIST-GUANGZHOU',    '广州海关',     'District'),
    ('DIST-SHENZHEN',     '深圳海关',     'District'),
    ('DIST-GONGBEI',      '拱北海关',     'District'),
    ('DIST-SHANTOU',      '汕头海关',     'District'),
    ('DIST-HUANGPU',      '黄埔海关',     'District'),
    ('DIST-JIANGMEN',     '江门海关',     'District'),
    ('DIST-ZHANJIANG',    '湛江海关',     'District'),
    ('DIST-NANNING',      '南宁海关',     'District'),
    ('DIST-HAIKOU',       '海口海关',     'District'),
    ('DIST-CHONGQING',    '重庆海关',     'District'),
    ('DIST-CHENGDU',      '成都海关',     'District'),
    ('DIST-GUIYANG',      '贵阳海关',     'District'),
    ('DIST-KUNMING',      '昆明海关',     'District'),
    ('DIST-LHASA',        '拉萨海关',     'District'),
    ('DIST-XIAN',         '西安海关',     'District'),
    ('DIST-LANZHOU',      '兰州海关',     'District'),
    ('DIST-XINING',       '西宁海关',     'District'),
    ('DIST-YINCHUAN',     '银川海关',     'District'),
    ('DIST-URUMQI',       '乌鲁木齐海关', 'District');

-- Province-wide districts.
INSERT INTO unit_coverage (unit_code, province, city) VALUES
    ('DIST-BEIJING', '北京', NULL),
    ('DIST-TIANJIN', '天津', NULL),
    ('DIST-SHIJIAZHUANG', '河北', NULL),
    ('DIST-TAIYUAN', '山西', NULL),
    ('DIST-CHANGCHUN', '吉林', NULL),
    ('DIST-HARBIN', '黑龙江', NULL),
    ('DIST-SHANGHAI', '上海', NULL),
    ('DIST-NANJING', '江苏', NULL),
    ('DIST-HEFEI', '安徽', NULL),
    ('DIST-NANCHANG', '江西', NULL),
    ('DIST-ZHENGZHOU', '河南', NULL),
    ('DIST-WUHAN', '湖北', NULL),
    ('DIST-CHANGSHA', '湖南', NULL),
    ('DIST-NANNING', '广西', NULL),
    ('DIST-HAIKOU', '海南', NULL),
    ('DIST-CHONGQING', '重庆', NULL),
    ('DIST-CHENGDU', '四川', NULL),
    ('DIST-GUIYANG', '贵州', NULL),
    ('DIST-KUNMING', '云南', NULL),
    ('DIST-LHASA', '西藏', NULL),
    ('DIST-XIAN', '陕西', NULL),
    ('DIST-LANZHOU', '甘肃', NULL),
    ('DIST-XINING', '青海', NULL),
    ('DIST-YINCHUAN', '宁夏', NULL),
    ('DIST-URUMQI', '新疆', NULL);

-- Provinces with several districts: each city is listed with its district.
INSERT INTO unit_coverage (unit_code, province, city)
SELECT unit_code, province, unnest(cities) FROM (VALUES
    ('DIST-GUANGZHOU', '广东', ARRAY['广州', '佛山', '肇庆', '韶关', '清远', '云浮', '河源']),
    ('DIST-SHENZHEN',  '广东', ARRAY['深圳']),
    ('DIST-GONGBEI',   '广东', ARRAY['珠海', '中山']),
    ('DIST-SHANTOU',   '广东', ARRAY['汕头', '潮州', '揭阳', '汕尾', '梅州']),
    ('DIST-HUANGPU',   '广东', ARRAY['东莞', '惠州']),
    ('DIST-JIANGMEN',  '广东', ARRAY['江门', '阳江']),
    ('DIST-ZHANJIANG', '广东', ARRAY['湛江', '茂名']),
    ('DIST-SHENYANG',  '辽宁', ARRAY['沈阳', '鞍山', '抚顺', '本溪', '辽阳', '铁岭', '阜新', '朝阳']),
    ('DIST-DALIAN',    '辽宁', ARRAY['大连', '丹东', '营口', '锦州', '盘锦', '葫芦岛']),
    ('DIST-HANGZHOU',  '浙江', ARRAY['杭州', '温州', '嘉兴', '湖州', '绍兴', '金华', '衢州', '台州', '丽水']),
    ('DIST-NINGBO',    '浙江', ARRAY['宁波', '舟山']),
    ('DIST-FUZHOU',    '福建', ARRAY['福州', '莆田', '南平', '宁德']),
    ('DIST-XIAMEN',    '福建', ARRAY['厦门', '泉州', '漳州', '龙岩', '三明']),
    ('DIST-JINAN',     '山东', ARRAY['济南', '淄博', '枣庄', '济宁', '泰安', '德州', '聊城', '滨州', '菏泽']),
    ('DIST-QINGDAO',   '山东', ARRAY['青岛', '烟台', '威海', '日照', '潍坊', '东营', '临沂']),
    ('DIST-HOHHOT',    '内蒙古', ARRAY['呼和浩特', '包头', '乌海', '赤峰', '通辽', '鄂尔多斯', '巴彦淖尔', '乌兰察布', '兴安', '锡林郭勒', '阿拉善', '二连浩特']),
    ('DIST-MANZHOULI', '内蒙古', ARRAY['呼伦贝尔', '满洲里'])
) AS district (unit_code, province, cities);
