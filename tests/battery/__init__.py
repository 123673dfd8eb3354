"""The access battery: one table of cases for every page and every API operation.

The rules: only the coach and the client of an engagement see it; everyone else gets the
same 404 as for an object that does not exist. Someone who may see an object but not make a
given change gets a 403. Anonymous visitors are sent to log in (pages) or told 401 (API).
Token links and public coach pages answer the same to everyone: the token or the slug is
what counts. Two walks keep the table whole: every URL pattern with parameters and every
operation of the OpenAPI schema must have an entry.

- cases.py: the case shape, the roles and the shorthands the tables are written in;
- world.py: what the cases aim at; setups.py: the objects their URLs name;
- pages.py (with the tables of tests/<app>/access_cases.py) and api.py: the tables;
- test_pages.py, test_api.py: the runs and the walks.
"""
