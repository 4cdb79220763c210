"""A chat turn: routing, the parameters read from the message, and the one dispatcher for CLI and UI."""
