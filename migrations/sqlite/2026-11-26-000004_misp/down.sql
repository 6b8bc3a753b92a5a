DROP TABLE tspid_seq;
DROP TABLE misp_license;
DROP TABLE misp;
