"""Datasets, fitting, evaluation, and the command line."""
