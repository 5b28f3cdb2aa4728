namespace CityTwin.Twin.Audit;

/// <summary>
/// The raw SQL that makes <c>plate_lookups</c> a tamper-evident trail, kept apart from the EF model: a sequence number
/// and SHA-256 hash chain set by a trigger under one advisory lock (each row's hash covers its fields and the previous
/// row's hash), a trigger that refuses UPDATE, DELETE and TRUNCATE, and <c>plate_lookups_verify()</c>, which returns the
/// sequence number of the first row whose hash or link no longer matches (null when the chain is intact).
/// </summary>
public static class AuditTrailSql
{
    /// <summary>The advisory lock that orders appends; any constant unique to this table.</summary>
    private const string ChainLock = "7311001";

    public const string Create = $"""
        ALTER TABLE plate_lookups ADD COLUMN seq bigint, ADD COLUMN prev_hash bytea, ADD COLUMN hash bytea;
        CREATE UNIQUE INDEX ix_plate_lookups_seq ON plate_lookups (seq);

        CREATE FUNCTION plate_lookups_row_hash(r plate_lookups) RETURNS bytea LANGUAGE sql IMMUTABLE AS $$
          SELECT sha256(convert_to(concat_ws(E'\x1f', r.seq, r.id, (extract(epoch FROM r.at) * 1000000)::bigint, r.key_id, r.role,
                 coalesce(r.plate_key, ''), r.operation, coalesce(r.reason, ''), coalesce(r.detail, '')), 'UTF8') || coalesce(r.prev_hash, ''::bytea))
        $$;

        -- Rows already there (before the chain existed) are chained once, in id order.
        DO $$
        DECLARE r plate_lookups; previous bytea; n bigint := 0;
        BEGIN
          FOR r IN SELECT * FROM plate_lookups ORDER BY id LOOP
            n := n + 1; r.seq := n; r.prev_hash := previous;
            previous := plate_lookups_row_hash(r);
            UPDATE plate_lookups SET seq = n, prev_hash = r.prev_hash, hash = previous WHERE id = r.id;
          END LOOP;
        END $$;

        CREATE FUNCTION plate_lookups_chain() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE last plate_lookups;
        BEGIN
          PERFORM pg_advisory_xact_lock({ChainLock});
          SELECT * INTO last FROM plate_lookups ORDER BY seq DESC LIMIT 1;
          NEW.seq := coalesce(last.seq, 0) + 1;
          NEW.prev_hash := last.hash;
          NEW.hash := plate_lookups_row_hash(NEW);
          RETURN NEW;
        END $$;
        CREATE TRIGGER plate_lookups_chain BEFORE INSERT ON plate_lookups FOR EACH ROW EXECUTE FUNCTION plate_lookups_chain();

        CREATE FUNCTION plate_lookups_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION 'plate_lookups is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
        END $$;
        CREATE TRIGGER plate_lookups_append_only BEFORE UPDATE OR DELETE ON plate_lookups FOR EACH ROW EXECUTE FUNCTION plate_lookups_append_only();
        CREATE TRIGGER plate_lookups_no_truncate BEFORE TRUNCATE ON plate_lookups FOR EACH STATEMENT EXECUTE FUNCTION plate_lookups_append_only();

        CREATE FUNCTION plate_lookups_verify() RETURNS bigint LANGUAGE plpgsql STABLE AS $$
        DECLARE r plate_lookups; previous bytea;
        BEGIN
          FOR r IN SELECT * FROM plate_lookups ORDER BY seq LOOP
            IF r.prev_hash IS DISTINCT FROM previous OR r.hash IS DISTINCT FROM plate_lookups_row_hash(r) THEN RETURN r.seq; END IF;
            previous := r.hash;
          END LOOP;
          RETURN NULL;
        END $$;
        """;

    public const string Drop = """
        DROP TRIGGER IF EXISTS plate_lookups_no_truncate ON plate_lookups;
        DROP TRIGGER IF EXISTS plate_lookups_append_only ON plate_lookups;
        DROP TRIGGER IF EXISTS plate_lookups_chain ON plate_lookups;
        DROP FUNCTION IF EXISTS plate_lookups_verify();
        DROP FUNCTION IF EXISTS plate_lookups_append_only();
        DROP FUNCTION IF EXISTS plate_lookups_chain();
        DROP FUNCTION IF EXISTS plate_lookups_row_hash(plate_lookups);
        ALTER TABLE plate_lookups DROP COLUMN IF EXISTS hash, DROP COLUMN IF EXISTS prev_hash, DROP COLUMN IF EXISTS seq;
        """;
}
