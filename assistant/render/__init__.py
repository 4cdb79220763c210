"""Output formats for the edges (CLI and UI): Markdown, and plan exports as Markdown files and iCalendar."""
