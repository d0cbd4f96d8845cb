-- a unit's worklist: the items it leads and those it co-handles
CREATE INDEX items_lead_unit ON items (lead_unit);
CREATE INDEX item_co_handlers_unit ON item_co_handlers (unit_code);
