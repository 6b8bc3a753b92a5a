DROP TABLE onboarding_signup;
DROP TABLE local_account;
