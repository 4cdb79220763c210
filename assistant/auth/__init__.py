"""Sign-in: the users file (TANDEM_AUTH_FILE), its users and roles, and checking a password.

A package of its own rather than part of `store/`: the store is the one SQLite database in the data dir,
while the users file is a separate, owner-only JSON file that an operator points the setting at.
"""

from assistant.auth.accounts import ROLES, Accounts, UserInfo, not_configured
from assistant.auth.usersfile import Role

__all__ = ["ROLES", "Accounts", "Role", "UserInfo", "not_configured"]
