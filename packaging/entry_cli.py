import sys

from ptds_desktop.launcher import main

sys.exit(main())
