-- LOCAL DEMO credentials (the same as the embedded devstack's), not a secret: one role, one database per service.
CREATE ROLE partnerhub LOGIN PASSWORD 'partnerhub' CREATEDB;
CREATE DATABASE exam OWNER partnerhub;
CREATE DATABASE certification OWNER partnerhub;
CREATE DATABASE competency OWNER partnerhub;
CREATE DATABASE membership OWNER partnerhub;
