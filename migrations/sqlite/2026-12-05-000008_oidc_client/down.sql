DROP TABLE oidc_client;
