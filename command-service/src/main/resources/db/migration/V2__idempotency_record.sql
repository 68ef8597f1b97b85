-- The first answer to a POST sent with an Idempotency-Key. Written in the same transaction as the events the
-- POST appended, so a retry either finds the answer or finds nothing was recorded.
CREATE TABLE idempotency_record (
    owner_id            VARCHAR(255)  NOT NULL,
    idempotency_key     VARCHAR(255)  NOT NULL,
    request_fingerprint VARCHAR(64)   NOT NULL,
    status              INTEGER       NOT NULL,
    body                TEXT,
    created_at          TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (owner_id, idempotency_key)
);
