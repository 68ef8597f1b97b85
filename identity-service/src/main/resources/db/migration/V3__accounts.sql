-- A person's account. The id is the subject of every token the person gets (and so the owner id the services
-- keep journals under); the name is what they sign in with, unique regardless of case.
CREATE TABLE person_account (
    id uuid PRIMARY KEY,
    username varchar(64) NOT NULL,
    username_key varchar(64) NOT NULL UNIQUE,
    password_hash text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
