-- Cluster membership for Orleans' ADO.NET clustering: several Silos on one PostgreSQL form one cluster.
--
-- Orleans calls a cluster a deployment (@DeploymentId is the cluster id). Each cluster has one row in
-- sv_membership_version whose `version` is the ETag of the whole membership table: a Silo reads it with the rows,
-- and an insert or update of a member succeeds only while it is unchanged, bumping it in the same statement.
-- Heartbeats (i_am_alive_time) and the removal of long-dead rows do not bump it.
--
-- A Silo is identified by address, port and generation (a number Orleans picks anew at every start, so a
-- restarted Silo on the same endpoint is a new row). Statuses are Orleans' SiloStatus numbers: 3 = Active, 6 = Dead.
-- suspect_times is Orleans' own text: "<silo>,<time>|<silo>,<time>" for the votes against this Silo.

CREATE TABLE sv_membership_version (
    deployment_id text        PRIMARY KEY,
    version       integer     NOT NULL DEFAULT 0,
    changed_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sv_membership (
    deployment_id   text        NOT NULL REFERENCES sv_membership_version ON DELETE CASCADE,
    address         text        NOT NULL,
    port            integer     NOT NULL,
    generation      integer     NOT NULL,
    silo_name       text        NOT NULL,
    host_name       text        NOT NULL,
    status          integer     NOT NULL,
    proxy_port      integer     NOT NULL,  -- the gateway port, 0 when the Silo takes no clients
    suspect_times   text,
    start_time      timestamptz NOT NULL,
    i_am_alive_time timestamptz NOT NULL,
    PRIMARY KEY (deployment_id, address, port, generation)
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

-- Creates the cluster's version row when missing. Returns one boolean: whether it was created.
('InsertMembershipVersionKey', $sql$
WITH created AS (
    INSERT INTO sv_membership_version (deployment_id) VALUES (@DeploymentId)
    ON CONFLICT DO NOTHING
    RETURNING 1
)
SELECT count(*) = 1 FROM created
$sql$),

-- The version row joined with every member: one row with NULL member columns when the cluster has no members.
('MembershipReadAllKey', $sql$
SELECT v.version          AS "Version",
       m.address          AS "Address",
       m.port             AS "Port",
       m.generation       AS "Generation",
       m.silo_name        AS "SiloName",
       m.host_name        AS "HostName",
       m.status           AS "Status",
       m.proxy_port       AS "ProxyPort",
       m.suspect_times    AS "SuspectTimes",
       m.start_time       AS "StartTime",
       m.i_am_alive_time  AS "IAmAliveTime"
FROM sv_membership_version v
LEFT JOIN sv_membership m ON m.deployment_id = v.deployment_id
WHERE v.deployment_id = @DeploymentId
$sql$),

-- The same for one Silo (@Address, @Port, @Generation).
('MembershipReadRowKey', $sql$
SELECT v.version          AS "Version",
       m.address          AS "Address",
       m.port             AS "Port",
       m.generation       AS "Generation",
       m.silo_name        AS "SiloName",
       m.host_name        AS "HostName",
       m.status           AS "Status",
       m.proxy_port       AS "ProxyPort",
       m.suspect_times    AS "SuspectTimes",
       m.start_time       AS "StartTime",
       m.i_am_alive_time  AS "IAmAliveTime"
FROM sv_membership_version v
LEFT JOIN sv_membership m
       ON m.deployment_id = v.deployment_id
      AND m.address = @Address
      AND m.port = @Port
      AND m.generation = @Generation
WHERE v.deployment_id = @DeploymentId
$sql$),

-- Adds a Silo while the table version is still @Version, and bumps the version. The version row is updated first:
-- its row lock makes concurrent writers wait and re-check @Version. Returns one boolean: whether the Silo was added.
('InsertMembershipKey', $sql$
WITH bumped AS (
    UPDATE sv_membership_version
    SET version = version + 1,
        changed_at = now()
    WHERE deployment_id = @DeploymentId
      AND version = @Version
      AND NOT EXISTS (
          SELECT 1 FROM sv_membership
          WHERE deployment_id = @DeploymentId
            AND address = @Address AND port = @Port AND generation = @Generation)
    RETURNING deployment_id
), added AS (
    INSERT INTO sv_membership (deployment_id, address, port, generation, silo_name, host_name, status, proxy_port,
                               start_time, i_am_alive_time)
    SELECT deployment_id, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort,
           @StartTime, @IAmAliveTime
    FROM bumped
    RETURNING 1
)
SELECT count(*) = 1 FROM added
$sql$),

-- Changes a Silo's status, suspicions and heartbeat while the table version is still @Version, and bumps the
-- version. Returns one boolean: whether the Silo was updated.
('UpdateMembershipKey', $sql$
WITH bumped AS (
    UPDATE sv_membership_version
    SET version = version + 1,
        changed_at = now()
    WHERE deployment_id = @DeploymentId
      AND version = @Version
      AND EXISTS (
          SELECT 1 FROM sv_membership
          WHERE deployment_id = @DeploymentId
            AND address = @Address AND port = @Port AND generation = @Generation)
    RETURNING deployment_id
), changed AS (
    UPDATE sv_membership m
    SET status = @Status,
        suspect_times = @SuspectTimes,
        i_am_alive_time = @IAmAliveTime
    FROM bumped
    WHERE m.deployment_id = bumped.deployment_id
      AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
    RETURNING 1
)
SELECT count(*) = 1 FROM changed
$sql$),

-- A Silo's heartbeat.
('UpdateIAmAlivetimeKey', $sql$
UPDATE sv_membership
SET i_am_alive_time = @IAmAliveTime
WHERE deployment_id = @DeploymentId
  AND address = @Address AND port = @Port AND generation = @Generation
$sql$),

-- Active Silos that take clients, for clients looking for a gateway (@Status is 3, Active).
('GatewaysQueryKey', $sql$
SELECT address    AS "Address",
       proxy_port AS "ProxyPort",
       generation AS "Generation"
FROM sv_membership
WHERE deployment_id = @DeploymentId
  AND status = @Status
  AND proxy_port > 0
$sql$),

-- Removes one dead Silo, found by the provider with MembershipReadAllKey, only if its row still holds the values
-- read then (@StartTime, @IAmAliveTime, @SuspectTimes): a row that changed meanwhile stays.
('CleanupDefunctSiloEntryKey', $sql$
DELETE FROM sv_membership
WHERE deployment_id = @DeploymentId
  AND address = @Address AND port = @Port AND generation = @Generation
  AND status = 6
  AND start_time = @StartTime
  AND i_am_alive_time = @IAmAliveTime
  AND coalesce(suspect_times, '') = coalesce(@SuspectTimes, '')
$sql$),

-- The older, one-statement form of the cleanup, which the provider still requires but runs only when
-- CleanupDefunctSiloEntryKey is missing: removes dead Silos whose last heartbeat is before @IAmAliveTime.
('CleanupDefunctSiloEntriesKey', $sql$
DELETE FROM sv_membership
WHERE deployment_id = @DeploymentId
  AND status = 6
  AND i_am_alive_time < @IAmAliveTime
$sql$),

-- Forgets a whole cluster: its version row and, by the foreign key, all its members.
('DeleteMembershipTableEntriesKey', $sql$
DELETE FROM sv_membership_version
WHERE deployment_id = @DeploymentId
$sql$);
