-- PostgreSQL: refuse UPDATE, DELETE and TRUNCATE of trail entries at the database level, even for the
-- table's owner. (A superuser can still disable the trigger: the hash chain detects what happens then.)
CREATE FUNCTION trail_entry_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'trail_entry is append-only: % refused', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER trail_entry_no_update_delete
    BEFORE UPDATE OR DELETE ON trail_entry
    FOR EACH ROW EXECUTE FUNCTION trail_entry_append_only();

CREATE TRIGGER trail_entry_no_truncate
    BEFORE TRUNCATE ON trail_entry
    FOR EACH STATEMENT EXECUTE FUNCTION trail_entry_append_only();
