"""Grounded answers to questions about the programme, with checked citations."""
