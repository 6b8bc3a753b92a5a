DROP TABLE signing_key;
DROP TABLE partner_cert_store;
DROP TABLE ca_cert_store;
