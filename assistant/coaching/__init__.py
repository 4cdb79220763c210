"""Coaching modes: each returns a validated pydantic object, from an LLM or the offline composer."""
