"""`python -m assistant` runs the same CLI as the `tandem` console script."""

from assistant.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
