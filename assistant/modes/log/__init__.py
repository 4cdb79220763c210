"""The log action: a session held, recorded in the tandem profile, and the confirmation in the user's language.

No model is asked: the conversation layer (`conversation/tandem.py`) reads the message and writes the profile's
session log; this package owns the result type and its wording.
"""
