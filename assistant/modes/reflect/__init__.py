"""Reflection for seniors: Gibbs prompts after a session, GROW questions, closed questions opened up."""
