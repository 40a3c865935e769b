"""Shared parsing and validation for the course's hooks, checks and tests."""
