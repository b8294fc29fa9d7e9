"""The demo instance of Tuyên Quang: reference data and one user per role (data files, no province in code)."""
