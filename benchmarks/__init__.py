"""Benchmarks and a synthetic-correspondence generator. Run from the repository root: python -m benchmarks.X"""
