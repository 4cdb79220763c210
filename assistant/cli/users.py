"""Handlers of `tandem users add/passwd/remove/list`: the users file behind TANDEM_AUTH_FILE.

A password is never a command-line argument (it would stay in the shell history and the process list): it is
asked for twice on a terminal, or read as the first line of stdin when one is piped in.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from typing import TextIO

from assistant.auth import Accounts, not_configured
from assistant.auth.accounts import require_role
from assistant.errors import InputError
from assistant.settings import Settings


def _accounts(settings: Settings) -> Accounts:
    """The accounts, or how to set TANDEM_AUTH_FILE (the services are lazy: nothing else is loaded)."""
    from assistant.container import build

    accounts = build(settings).accounts
    if accounts is None:
        raise not_configured()
    return accounts


def read_password(stdin: TextIO | None = None) -> str:
    """The new password: typed twice on a terminal (hidden), else the first line of stdin."""
    stream = stdin or sys.stdin
    if stream.isatty():
        first = getpass.getpass("Password: ")
        if getpass.getpass("Password again: ") != first:
            raise InputError("The two passwords differ; run the command again.", "password")
        return first
    line = stream.readline()
    if not line:
        raise InputError(
            "No password on stdin: pipe it in as one line, or run the command in a terminal to be asked.",
            "password",
        )
    return line.rstrip("\r\n")


def cmd_add(args: argparse.Namespace, settings: Settings) -> int:
    accounts = _accounts(settings)
    name, role = accounts.require_absent(args.name), require_role(args.role)  # before asking for a password
    user = accounts.add(name, role, read_password())
    print(f"added {user.name} ({user.role}) to {accounts.path}")
    return 0


def cmd_passwd(args: argparse.Namespace, settings: Settings) -> int:
    accounts = _accounts(settings)
    name = accounts.require_present(args.name)  # before asking for a password
    user = accounts.passwd(name, read_password())
    print(f"set a new password for {user.name} in {accounts.path}")
    return 0


def cmd_remove(args: argparse.Namespace, settings: Settings) -> int:
    accounts = _accounts(settings)
    user = accounts.remove(args.name)
    print(f"removed {user.name} ({user.role}); their stored conversations stay in the data dir")
    return 0


def cmd_list(args: argparse.Namespace, settings: Settings) -> int:
    accounts = _accounts(settings)
    users = accounts.users()
    if args.json:
        print(json.dumps([u.model_dump() for u in users], ensure_ascii=False, indent=2))
        return 0
    if not users:
        print(f"No users in {accounts.path} yet; `tandem users add NAME --role admin` adds the first.")
    width = max((len(u.name) for u in users), default=0)
    for u in users:
        print(f"{u.name:<{width}}  {u.role:<7}  {u.created}")
    return 0
