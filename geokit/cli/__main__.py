"""``python -m geokit.cli``: the same as the ``geokit`` command."""

import sys

from geokit.cli.app import main

sys.exit(main())
