-- Product keys (encrypted at rest with Tink AEAD, bound to their row) and download links.

CREATE TABLE product_key (
    entitlement_id  CHAR(36)     NOT NULL,
    version         VARCHAR(32)  NOT NULL,
    ciphertext      VARCHAR(512) NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    PRIMARY KEY (entitlement_id, version)
) ENGINE = InnoDB;

CREATE TABLE download_link (
    id                  VARCHAR(32)  NOT NULL,
    entitlement_id      CHAR(36)     NOT NULL,
    customer_tenant_id  CHAR(36)     NOT NULL,
    version             VARCHAR(32)  NOT NULL,
    language            VARCHAR(16)  NOT NULL,
    bitness             VARCHAR(8)   NOT NULL,
    issued_at           DATETIME(6)  NOT NULL,
    downloads_completed INT          NOT NULL,
    revoked             BOOLEAN      NOT NULL,
    created_by          VARCHAR(128) NOT NULL,
    PRIMARY KEY (id),
    KEY ix_download_link_entitlement (entitlement_id)
) ENGINE = InnoDB;
