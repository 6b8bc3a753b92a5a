DROP TABLE login_attempt;
