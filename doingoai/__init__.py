"""Đối ngoại số: the digital database and monitoring platform for a province's foreign affairs."""
