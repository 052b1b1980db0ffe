-- Grain state for Orleans' ADO.NET grain storage, and the table the providers read their SQL from.
--
-- Orleans identifies a state row by the service id, the state name (which it calls the grain type) and the grain
-- key, split into two 64-bit numbers (integer and Guid keys) and a string (string keys and key extensions). The
-- hashes it also sends are not needed: the primary key below finds a row directly.
--
-- `version` is the ETag: 1 when the row is created, one more on every write and clear. A write or clear carrying
-- another version changes nothing, returns no row, and Orleans turns that into InconsistentStateException.
-- `payload` holds the JSON the storage serializer writes; the json type keeps its text as written and refuses
-- anything that is not JSON. It is NULL after a clear, while the row keeps counting versions.

CREATE TABLE sv_grain_state (
    service_id  text        NOT NULL,
    state_name  text        NOT NULL,
    key_string  text        NOT NULL,  -- '' when the key has no string part
    key_n0      bigint      NOT NULL,
    key_n1      bigint      NOT NULL,
    version     integer     NOT NULL,
    payload     json,
    modified_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (service_id, state_name, key_string, key_n0, key_n1)
);

-- Orleans' providers read every query they run from here, by key. PostgreSQL folds the unquoted names to lower
-- case; the providers' `SELECT QueryKey, QueryText FROM OrleansQuery` is folded the same way.
CREATE TABLE OrleansQuery (
    QueryKey  text PRIMARY KEY,
    QueryText text NOT NULL
);

-- Parameters of all three: @ServiceId, @GrainTypeString (the state name), @GrainIdN0, @GrainIdN1 and
-- @GrainIdExtensionString (NULL when the key has no string part).
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

-- Returns the payload as bytes and the version; no row when the grain never wrote this state.
('ReadFromStorageKey', $sql$
SELECT convert_to(payload::text, 'UTF8') AS "PayloadBinary",
       version AS "Version"
FROM sv_grain_state
WHERE service_id = @ServiceId
  AND state_name = @GrainTypeString
  AND key_string = coalesce(@GrainIdExtensionString, '')
  AND key_n0 = @GrainIdN0
  AND key_n1 = @GrainIdN1
$sql$),

-- @GrainStateVersion NULL: the grain has no row yet, so insert one at version 1 (nothing if a row appeared).
-- Otherwise: replace the payload only when the stored version is still @GrainStateVersion.
-- Returns NewGrainStateVersion, or no row when the caller's version is stale.
('WriteToStorageKey', $sql$
WITH inserted AS (
    INSERT INTO sv_grain_state (service_id, state_name, key_string, key_n0, key_n1, version, payload)
    SELECT @ServiceId, @GrainTypeString, coalesce(@GrainIdExtensionString, ''), @GrainIdN0, @GrainIdN1,
           1, convert_from(@PayloadBinary, 'UTF8')::json
    WHERE @GrainStateVersion::integer IS NULL
    ON CONFLICT DO NOTHING
    RETURNING version
), updated AS (
    UPDATE sv_grain_state
    SET payload = convert_from(@PayloadBinary, 'UTF8')::json,
        version = version + 1,
        modified_at = now()
    WHERE service_id = @ServiceId
      AND state_name = @GrainTypeString
      AND key_string = coalesce(@GrainIdExtensionString, '')
      AND key_n0 = @GrainIdN0
      AND key_n1 = @GrainIdN1
      AND version = @GrainStateVersion::integer
    RETURNING version
)
SELECT version AS "NewGrainStateVersion" FROM inserted
UNION ALL
SELECT version FROM updated
$sql$),

-- Empties the payload but keeps the row and bumps the version, so a writer still holding the old version is
-- refused afterwards. Returns the new version, or no row when @GrainStateVersion is stale.
('ClearStorageKey', $sql$
UPDATE sv_grain_state
SET payload = NULL,
    version = version + 1,
    modified_at = now()
WHERE service_id = @ServiceId
  AND state_name = @GrainTypeString
  AND key_string = coalesce(@GrainIdExtensionString, '')
  AND key_n0 = @GrainIdN0
  AND key_n1 = @GrainIdN1
  AND version = @GrainStateVersion::integer
RETURNING version AS "NewGrainStateVersion"
$sql$);
