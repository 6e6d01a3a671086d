"""Reusable widgets for the dashboard."""
