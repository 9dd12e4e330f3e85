"""Benchmark scripts: winnow against other extractors and text filters."""
