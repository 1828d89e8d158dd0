-- H2 has no SQL triggers (only Java ones, which Payara's shared H2 class loader cannot see), so on H2 the
-- trail's append-only property rests on the hash chain alone: TrailChainVerifier detects any change.
COMMENT ON TABLE trail_entry IS 'append-only: hash-chained, verified by TrailChainVerifier';
