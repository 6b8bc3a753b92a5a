DROP TABLE auth_policy;
DROP TABLE policy_group;
