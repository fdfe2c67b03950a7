"""`./run COMMAND` runs `python -m plansite COMMAND`: see `./run --help`."""

import sys

from .commands.main import main

sys.exit(main())
