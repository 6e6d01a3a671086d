"""Test-wide settings: the dashboard shows times in the local zone, so the tests pin the zone
(UTC) and a snapshot reads the same on every machine."""

import os
import time

os.environ["TZ"] = "UTC"
time.tzset()
