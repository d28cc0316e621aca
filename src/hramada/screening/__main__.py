"""`python -m hramada.screening`: the command line (see `cli.py`)."""

import sys

from hramada.screening.cli import main

sys.exit(main())
