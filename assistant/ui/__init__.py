"""The Gradio web UI: renders what the core returns; no coaching logic lives here."""
