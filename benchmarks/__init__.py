"""The bench suite (python -m benchmarks) and the scripts it reuses."""
