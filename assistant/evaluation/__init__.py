"""Evaluation harness behind `tandem eval`: datasets in evals/datasets, metrics, thresholds."""
