-- Address-wide access (a copy of all data kept about an email address, its
-- erasure, the list and feed of all its sessions) is opened only through a
-- link emailed to that address: a random secret, kept as a digest, that
-- expires soon after it is sent.
CREATE TABLE access_links (
    token_hash TEXT PRIMARY KEY NOT NULL,
    email TEXT NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX access_links_email ON access_links (email);

-- The feed of every session of one address, derived from the server key and
-- this nonce (a new nonce revokes it); shown only on pages opened through an
-- access link.
CREATE TABLE address_feeds (
    email TEXT PRIMARY KEY NOT NULL,
    secret_nonce TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TIMESTAMP NOT NULL
);

-- Sign-in attempts counted per submitted address (real or not) and client,
-- and per address across all clients (client '*'), in fixed windows.
CREATE TABLE login_throttle (
    address_hash TEXT NOT NULL,
    client TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    window_start TIMESTAMP NOT NULL,
    PRIMARY KEY (address_hash, client)
);
