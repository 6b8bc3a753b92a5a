DROP TABLE partner_policy_credential_type;
DROP TABLE partner_policy_bioextract;
DROP TABLE partner_policy;
DROP TABLE partner_policy_request;
DROP TABLE partner_contact;
DROP TABLE partner;
DROP TABLE partner_type;
