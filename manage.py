#!/usr/bin/env python
"""Django's command-line utility; `python -m doingoai` does the same."""

from doingoai.__main__ import main

if __name__ == "__main__":
    main()
