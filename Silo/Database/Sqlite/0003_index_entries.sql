-- The index grains' entries (every organisation, an organisation's contracts, the Kite Mark register …), one row per
-- entry, so that adding, changing or removing one entry writes one small row whatever the size of the index.
-- Numbered 0003 as on PostgreSQL; SQLite has no 0002 (it has no clustering tables).
--
-- An index is named by `index_name` and scoped by `scope`, the key of the grain that keeps it ('all', an
-- organisation id, an awarding body id). `entry_id` is the id of the resource the entry stands for. `payload` is the
-- entry as the grain's JSON (camelCase, enums by name), as text. The grain that keeps an index is its only writer
-- (Orleans runs one activation of it), loads its scope once when it activates and keeps it sorted in memory, so the
-- table needs no sort column and no version: the primary key serves the load and each write.

CREATE TABLE sv_index_entry (
    service_id  TEXT NOT NULL,
    index_name  TEXT NOT NULL,
    scope       TEXT NOT NULL,
    entry_id    TEXT NOT NULL,
    payload     TEXT NOT NULL CHECK (json_valid(payload)),
    modified_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (service_id, index_name, scope, entry_id)
) WITHOUT ROWID;

-- Before this version each index was one grain-state row holding the whole list. There is no production data yet,
-- so those rows are dropped rather than converted; the indexes start empty.
DELETE FROM sv_grain_state
WHERE state_name IN ('organisation-index', 'framework-index', 'contract-index', 'kite-mark-scheme-index',
                     'kite-mark-application-index', 'kite-mark-register', 'kite-mark-nominations');
