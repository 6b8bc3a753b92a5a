DROP TABLE job_notice;
DROP TABLE job_run;
