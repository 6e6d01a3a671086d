"""`python -m sitdash`: the same as the `sitdash` command."""

import sys

from sitdash.cli import main

sys.exit(main())
