"""`python -m plansite COMMAND`: see `python -m plansite --help`."""

import sys

from .commands.main import main

sys.exit(main())
