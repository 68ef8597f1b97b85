-- Attempts counted to slow down password guessing and mass sign-up (throttling package): per account name
-- (scope 'account', the name's SHA-256, so a password typed into the name field is never kept), per client
-- address (scope 'address') and sign-ups per address (scope 'sign-up'). A row past its window and block is of
-- no use any more and is pruned; the table holds at most what arrives in a day.
CREATE TABLE sign_in_throttle (
    scope varchar(16) NOT NULL,
    subject varchar(64) NOT NULL,
    attempts integer NOT NULL,
    window_started timestamptz NOT NULL,
    blocked_until timestamptz,
    blocks integer NOT NULL,
    PRIMARY KEY (scope, subject)
);

CREATE INDEX sign_in_throttle_last_change ON sign_in_throttle (greatest(window_started, blocked_until));
