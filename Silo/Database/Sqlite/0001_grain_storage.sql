-- Grain state for Orleans' ADO.NET grain storage, and the table the provider reads its SQL from.
--
-- Orleans identifies a state row by the service id, the state name (which it calls the grain type) and the grain
-- key, split into two 64-bit numbers (integer and Guid keys) and a string (string keys and key extensions). The
-- hashes it also sends are not needed: the primary key below finds a row directly.
--
-- `version` is the ETag: 1 when the row is created, one more on every write and clear. A write or clear carrying
-- another version changes nothing, returns no row, and Orleans turns that into InconsistentStateException.
-- `payload` holds the JSON the storage serializer writes, as text, so the sqlite3 shell shows it as it is. It is
-- NULL after a clear, while the row keeps counting versions.

CREATE TABLE sv_grain_state (
    service_id  TEXT    NOT NULL,
    state_name  TEXT    NOT NULL,
    key_string  TEXT    NOT NULL,  -- '' when the key has no string part
    key_n0      INTEGER NOT NULL,
    key_n1      INTEGER NOT NULL,
    version     INTEGER NOT NULL,
    payload     TEXT CHECK (payload IS NULL OR json_valid(payload)),
    modified_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (service_id, state_name, key_string, key_n0, key_n1)
) WITHOUT ROWID;

-- The provider reads every query it runs from here, by key.
CREATE TABLE OrleansQuery (
    QueryKey  TEXT PRIMARY KEY,
    QueryText TEXT NOT NULL
);

-- Parameters of all three: @ServiceId, @GrainTypeString (the state name), @GrainIdN0, @GrainIdN1 and
-- @GrainIdExtensionString (NULL when the key has no string part).
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

-- Returns the payload as bytes and the version; no row when the grain never wrote this state.
('ReadFromStorageKey', '
SELECT CAST(payload AS BLOB) AS PayloadBinary,
       version AS Version
FROM sv_grain_state
WHERE service_id = @ServiceId
  AND state_name = @GrainTypeString
  AND key_string = coalesce(@GrainIdExtensionString, '''')
  AND key_n0 = @GrainIdN0
  AND key_n1 = @GrainIdN1
'),

-- Two statements, of which at most one changes a row; the provider reads the rows of both.
-- With a version: replace the payload only when the stored version is still @GrainStateVersion.
-- Without one (@GrainStateVersion NULL): the grain has no row yet, so insert one at version 1, nothing if a row
-- appeared meanwhile. Returns NewGrainStateVersion, or no row when the caller's version is stale.
('WriteToStorageKey', '
UPDATE sv_grain_state
SET payload = CAST(@PayloadBinary AS TEXT),
    version = version + 1,
    modified_at = strftime(''%Y-%m-%dT%H:%M:%fZ'', ''now'')
WHERE service_id = @ServiceId
  AND state_name = @GrainTypeString
  AND key_string = coalesce(@GrainIdExtensionString, '''')
  AND key_n0 = @GrainIdN0
  AND key_n1 = @GrainIdN1
  AND version = @GrainStateVersion
RETURNING version AS NewGrainStateVersion;

INSERT INTO sv_grain_state (service_id, state_name, key_string, key_n0, key_n1, version, payload)
SELECT @ServiceId, @GrainTypeString, coalesce(@GrainIdExtensionString, ''''), @GrainIdN0, @GrainIdN1,
       1, CAST(@PayloadBinary AS TEXT)
WHERE @GrainStateVersion IS NULL
ON CONFLICT DO NOTHING
RETURNING version AS NewGrainStateVersion;
'),

-- Empties the payload but keeps the row and bumps the version, so a writer still holding the old version is
-- refused afterwards. Returns the new version, or no row when @GrainStateVersion is stale.
('ClearStorageKey', '
UPDATE sv_grain_state
SET payload = NULL,
    version = version + 1,
    modified_at = strftime(''%Y-%m-%dT%H:%M:%fZ'', ''now'')
WHERE service_id = @ServiceId
  AND state_name = @GrainTypeString
  AND key_string = coalesce(@GrainIdExtensionString, '''')
  AND key_n0 = @GrainIdN0
  AND key_n1 = @GrainIdN1
  AND version = @GrainStateVersion
RETURNING version AS NewGrainStateVersion
');
